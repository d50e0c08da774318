package io.jrrtui.eval;

import static org.junit.jupiter.api.Assertions.*;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DwarfExpressionTest {
    /** A fake target: registers r[i] = 0x1000 * (i + 1), memory = a map of 8-byte words. */
    static final class FakeTarget implements TargetAccess {
        final Map<Long, Long> words = new HashMap<>();

        @Override public byte[] readMemory(long addr, int len) {
            byte[] out = new byte[len];
            for (int i = 0; i < len; i++) {
                long base = (addr + i) & ~7L;
                Long w = words.get(base);
                if (w == null) throw new JrrException("Cannot access memory at address 0x" + Long.toHexString(addr));
                out[i] = (byte) (w >>> (8 * ((addr + i) - base)));
            }
            return out;
        }

        @Override public long register(int r) { return 0x1000L * (r + 1); }
        @Override public long cfa() { return 0x7000; }
        @Override public long pc() { return 0x400000; }
    }

    private static ByteBuffer bytes(int... b) {
        byte[] a = new byte[b.length];
        for (int i = 0; i < b.length; i++) a[i] = (byte) b[i];
        return ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Location eval(int... b) {
        return new DwarfExpression(new FakeTarget(), () -> 0x9000, null, 0).evaluate(bytes(b));
    }

    @Test
    void addressesAndArithmetic() {
        assertEquals(new Location.Memory(0x9000 - 20), eval(0x91, 0x6c));                 // fbreg -20
        assertEquals(new Location.Memory(0x7000), eval(0x9c));                              // call_frame_cfa
        assertEquals(new Location.Memory(0x7000 + 16), eval(0x76, 0x10));                   // breg6 +16 (rbp = 0x7000)
        assertEquals(new Location.Memory(7 * 6 - 2), eval(0x37, 0x36, 0x1e, 0x32, 0x1c));   // 7*6-2
        assertEquals(new Location.Memory(1), eval(0x10, 0x0a, 0x33, 0x1d));                 // constu 10, lit3, mod
        assertEquals(new Location.Memory(0x1234), eval(0x0a, 0x34, 0x12));                  // const2u
        assertEquals(new Location.Memory(7), eval(0x35, 0x12, 0x22, 0x33, 0x1c));             // 5 dup plus 3 minus
    }

    @Test
    void registersImplicitAndPieces() {
        assertEquals(new Location.Register(3), eval(0x53));
        assertEquals(new Location.Register(17), eval(0x90, 0x11));
        Location imp = eval(0x38, 0x9f);                                                     // lit8 stack_value
        assertArrayEquals(new byte[] {8, 0, 0, 0, 0, 0, 0, 0}, ((Location.Implicit) imp).bytes());
        Location iv = eval(0x9e, 0x02, 0x2a, 0x00);                                          // implicit_value 2 bytes
        assertArrayEquals(new byte[] {0x2a, 0}, ((Location.Implicit) iv).bytes());
        Location p = eval(0x50, 0x93, 0x04, 0x93, 0x04);                                     // rax piece 4, <opt out> piece 4
        List<Location.Piece> pieces = ((Location.Pieces) p).pieces();
        assertEquals(new Location.Register(0), pieces.get(0).location());
        assertEquals(32, pieces.get(0).sizeBits());
        assertTrue(pieces.get(1).location() instanceof Location.OptimizedOut);
        assertTrue(eval() instanceof Location.OptimizedOut);
    }

    @Test
    void valuesFromPiecesAndBitPieces() {
        FakeTarget t = new FakeTarget();
        // 0x11 in bits 0..3, 0x2 in bits 4..7 via bit pieces of stack values
        Location l = new DwarfExpression(t, () -> 0, null, 0).evaluate(bytes(0x31, 0x9f, 0x9d, 0x04, 0x00, 0x32, 0x9f, 0x9d, 0x04, 0x00));
        Value v = Value.at(Literals.UCHAR, l, t);
        assertEquals(0x21, v.asLong());
    }

    @Test
    void memoryDerefAndErrors() {
        FakeTarget t = new FakeTarget();
        t.words.put(0x8000L, 0x1122334455667788L);
        DwarfExpression e = new DwarfExpression(t, () -> 0, null, 0);
        assertEquals(new Location.Memory(0x1122334455667788L), e.evaluate(bytes(0x0a, 0x00, 0x80, 0x06)));
        assertEquals(new Location.Memory(0x7788), e.evaluate(bytes(0x0a, 0x00, 0x80, 0x94, 0x02)));
        assertThrows(JrrException.class, () -> e.evaluate(bytes(0x06)));                   // underflow
        assertThrows(JrrException.class, () -> e.evaluate(bytes(0x31, 0x30, 0x1b)));       // division by zero
        assertThrows(JrrException.class, () -> e.evaluate(bytes(0x2f, 0xfd, 0xff)));       // skip -3: endless loop
        assertThrows(JrrException.class, () -> e.evaluate(bytes(0xff)));                   // unknown op
        assertThrows(JrrException.class, () -> e.evaluate(bytes(0x0c, 0x01)));             // truncated const4u
        assertThrows(DwarfExpression.OptimizedOutException.class, () -> e.evaluate(bytes(0xa3, 0x01, 0x55, 0x9f)));
    }

    @Test
    void entryValuesAskTheResolver() {
        DwarfExpression e = new DwarfExpression(new FakeTarget(), () -> 0, null, 0, reg -> reg == 5 ? 0xabc : -1);
        assertEquals(new Location.Memory(0xabc + 2), e.evaluate(bytes(0xa3, 0x01, 0x55, 0x23, 0x02)));
    }
}
