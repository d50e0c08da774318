package io.jrrtui.elf;

import static org.junit.jupiter.api.Assertions.*;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ByteReaderTest {
    private static ByteReader of(int... b) {
        byte[] a = new byte[b.length];
        for (int i = 0; i < b.length; i++) a[i] = (byte) b[i];
        return new ByteReader(ByteBuffer.wrap(a), "test");
    }

    @Test
    void leb128() {
        assertEquals(2, of(2).uleb());
        assertEquals(127, of(0x7f).uleb());
        assertEquals(128, of(0x80, 0x01).uleb());
        assertEquals(624485, of(0xe5, 0x8e, 0x26).uleb());
        assertEquals(-1, of(0x7f).sleb());
        assertEquals(-128, of(0x80, 0x7f).sleb());
        assertEquals(63, of(0x3f).sleb());
        assertEquals(-1L, of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).uleb());
        assertEquals(Long.MIN_VALUE, of(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f).sleb());
    }

    @Test
    void fixedWidthLittleEndian() {
        ByteReader r = of(1, 2, 3, 4, 5, 6, 7, 8, 0xff);
        assertEquals(0x0201, r.u16());
        assertEquals(0x06050403L, r.u32());
        assertEquals(0x0807, r.u16());
        assertEquals(-1, r.s8());
    }

    @Test
    void everyOverrunIsAJrrException() {
        assertThrows(JrrException.class, () -> of(1, 2, 3).u32());
        assertThrows(JrrException.class, () -> of(0x80, 0x80).uleb());
        assertThrows(JrrException.class, () -> of('a', 'b').cstring());
        assertThrows(JrrException.class, () -> of(1).seek(5));
        assertThrows(JrrException.class, () -> of(1, 2).slice(3));
        assertThrows(JrrException.class, () -> of(1, 2).sliceAt(1, 2));
        assertThrows(JrrException.class, () -> of(1).cstringAt(-1));
        byte[] many = new byte[100];
        java.util.Arrays.fill(many, (byte) 0x80);
        assertThrows(JrrException.class, () -> new ByteReader(ByteBuffer.wrap(many), "t").uleb());
        JrrException e = assertThrows(JrrException.class, () -> of(1, 2, 3).u64());
        assertTrue(e.getMessage().startsWith("malformed test at 0x0"), e.getMessage());
    }

    @Test
    void stringsAndSlices() {
        ByteReader r = of('h', 'i', 0, 'x', 0);
        assertEquals("hi", r.cstring());
        assertEquals("x", r.cstringAt(3));
        assertEquals(3, r.position());
        ByteReader s = of(9, 8, 7, 6).sliceAt(1, 2);
        assertEquals(2, s.limit());
        assertEquals(8, s.u8());
    }
}
