package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.arch.Registers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preempt events with and without the XSAVE state (kind 11 and the older kind 8) through the codec. */
class PreemptCodecTest {
    private static Registers regs() {
        long[] v = new long[Registers.COUNT];
        for (int i = 0; i < v.length; i++) v[i] = 0x1000L * (i + 1);
        return new Registers(v);
    }

    private static byte[][] written(Event e) throws IOException {
        ByteArrayOutputStream ev = new ByteArrayOutputStream(), data = new ByteArrayOutputStream();
        EventCodec.write(e, new DataOutputStream(ev), new DataOutputStream(data), w -> null);
        return new byte[][] {ev.toByteArray(), data.toByteArray()};
    }

    private static Event read(byte[][] streams, long number) throws IOException {
        return EventCodec.read(new DataInputStream(new ByteArrayInputStream(streams[0])), new DataInputStream(new ByteArrayInputStream(streams[1])),
                number, (h, l, n) -> null);
    }

    @Test
    void theXsaveStateAndWhetherTheMemoryIsAllOfItComeBack() throws IOException {
        byte[] xstate = new byte[2696];
        for (int i = 0; i < xstate.length; i++) xstate[i] = (byte) (i * 7);
        PreemptEvent e = new PreemptEvent(42, 7, regs(), List.of(new MemoryWrite(0x601000, new byte[] {1, 2, 3})), xstate, true);
        PreemptEvent back = (PreemptEvent) read(written(e), 42);
        assertEquals(regs().rip(), back.regs().rip());
        assertArrayEquals(xstate, back.xstate());
        assertTrue(back.allMemory());
        assertTrue(back.exact());
        assertArrayEquals(new byte[] {1, 2, 3}, back.memory().get(0).data());
    }

    @Test
    void aPreemptWithoutXsaveStateIsTheOldKindAndNotExact() throws IOException {
        PreemptEvent e = new PreemptEvent(5, 7, regs(), List.of());
        byte[][] w = written(e);
        PreemptEvent back = (PreemptEvent) read(w, 5);
        assertEquals(0, back.xstate().length);
        assertFalse(back.exact(), "replay must run to the point: the vector registers are not known");
        // memory that is not all of the process's is not exact either, XSAVE state or not
        assertFalse(new PreemptEvent(5, 7, regs(), List.of(), new byte[512], false).exact());
    }

    @Test
    void aDamagedXsaveLengthIsACorruptTrace() throws IOException {
        byte[][] w = written(new PreemptEvent(9, 7, regs(), List.of(), new byte[16], true));
        w[0][w[0].length - 1] = 0x7f; // the length's low byte: far more than the data holds
        w[0][w[0].length - 2] = 0x7f;
        assertThrows(CorruptTraceException.class, () -> read(w, 9));
    }
}
