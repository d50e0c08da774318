package io.jrrtui.record;

import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.MemoryWrite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A snapshot of a process's writable memory at a preemption point: every private writable mapping,
 * with runs of zero pages left out (a new thread's 8 MB stack is mostly untouched). Replay writes it
 * back when finding the point by execution would be too slow or ambiguous.
 */
public final class WritableMemory {
    static final int PAGE = 4096;
    static final long MAX_REGION = 256L << 20;

    private WritableMemory() {}

    /**
     * Whether a snapshot of regions (a process's map) holds all the memory its user code can write: no writable region
     * is left out (a shared mapping, which another process or the kernel may also write, or one
     * over MAX_REGION). Only then, with the registers and the XSAVE state, is a preemption point's
     * state whole, and replay may put a task there without running to it.
     */
    static boolean coversAllWritable(List<ProcMaps.Region> regions) {
        for (ProcMaps.Region r : regions) {
            if (r.perms().length() < 2 || r.perms().charAt(1) != 'w') continue;
            if (io.jrrtui.syscallbuf.SyscallBufferLayout.inRange(r.start(), r.end())) continue;
            if (!covered(r)) return false;
        }
        return true;
    }

    /** The regions a snapshot covers (shared by record and replay so both see the same set). */
    public static boolean covered(ProcMaps.Region r) {
        if (r.perms().length() < 4 || !r.perms().startsWith("rw") || r.perms().charAt(3) != 'p') return false;
        if (r.path().startsWith("[v")) return false; // [vvar], [vsyscall]: the kernel's
        // the syscall-buffer pages: filled by the library when recording, by the replayer on replay
        if (io.jrrtui.syscallbuf.SyscallBufferLayout.inRange(r.start(), r.end())) return false;
        long len = r.end() - r.start();
        return len > 0 && len <= MAX_REGION;
    }

    static List<MemoryWrite> snapshot(int pid, TraceeMemory mem) {
        return snapshot(ProcMaps.read(pid), mem);
    }

    /** The same, of regions read from the process's map already. */
    static List<MemoryWrite> snapshot(List<ProcMaps.Region> regions, TraceeMemory mem) {
        List<MemoryWrite> out = new ArrayList<>();
        for (ProcMaps.Region r : regions) {
            if (!covered(r)) continue;
            java.util.BitSet touched = ProcMaps.touchedPages(mem.pid(), r);
            if (touched == null) {
                byte[] data = new byte[(int) (r.end() - r.start())];
                int n = mem.readPartial(r.start(), data);
                addNonZeroRuns(r.start(), Arrays.copyOf(data, n), out);
                continue;
            }
            // untouched pages are zeros, which a snapshot leaves out anyway: read the touched runs only
            for (int i = touched.nextSetBit(0); i >= 0; ) {
                int j = touched.nextClearBit(i);
                byte[] data = new byte[(j - i) * PAGE];
                int n = mem.readPartial(r.start() + (long) i * PAGE, data);
                addNonZeroRuns(r.start() + (long) i * PAGE, n == data.length ? data : Arrays.copyOf(data, n), out);
                if (n < data.length) break; // unreadable from here on, as a whole read would stop
                i = touched.nextSetBit(j);
            }
        }
        return out;
    }

    /**
     * A 64-bit digest of a snapshot (addresses and bytes; two independent CRCs, both done by the
     * CPU): tells whether the memory changed between two stops with the same registers.
     */
    static long digest(List<MemoryWrite> snapshot) {
        java.util.zip.CRC32C a = new java.util.zip.CRC32C();
        java.util.zip.CRC32 b = new java.util.zip.CRC32();
        java.nio.ByteBuffer addr = java.nio.ByteBuffer.allocate(12);
        for (MemoryWrite w : snapshot) {
            addr.clear();
            addr.putLong(w.addr()).putInt(w.length()).flip();
            a.update(addr.array(), 0, 12);
            b.update(addr.array(), 0, 12);
            a.update(w.data());
            b.update(w.data());
        }
        return (a.getValue() << 32) | b.getValue();
    }

    private static void addNonZeroRuns(long base, byte[] data, List<MemoryWrite> out) {
        int runStart = -1;
        for (int p = 0; p < data.length; p += PAGE) {
            boolean zero = isZero(data, p, Math.min(data.length, p + PAGE));
            if (!zero && runStart < 0) runStart = p;
            if (zero && runStart >= 0) {
                out.add(new MemoryWrite(base + runStart, Arrays.copyOfRange(data, runStart, p)));
                runStart = -1;
            }
        }
        if (runStart >= 0) out.add(new MemoryWrite(base + runStart, Arrays.copyOfRange(data, runStart, data.length)));
    }

    private static boolean isZero(byte[] d, int from, int to) {
        for (int i = from; i < to; i++) if (d[i] != 0) return false;
        return true;
    }
}
