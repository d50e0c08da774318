package io.jrrtui.record;

import io.jrrtui.arch.TrappedInstruction;
import io.jrrtui.arch.x86.InstructionLength;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.TraceeMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * rdtsc and rdtscp instructions of one address space, rewritten into {@code ud2} so that they trap
 * (SIGILL) where the kernel's {@code PR_SET_TSC} does not make them fault: some hypervisors ignore the
 * TSC-disable bit, and then every rdtsc — the dynamic loader runs about twenty at start-up — returns
 * a live, different value on replay.
 *
 * <p>Record and replay rewrite the same bytes at the same moments (after exec, and after every call
 * that maps or makes code executable), so the patched code and this table are identical on both
 * sides. Instruction boundaries come from a linear sweep with our own decoder from the start of each
 * newly executable range (what objdump does; compilers put no data inside x86-64 code), so no byte
 * pair that merely looks like rdtsc inside another instruction is touched. The trap is then emulated
 * exactly as a faulting rdtsc is (the recorded value on replay).
 */
public final class TimestampPatches {
    private static final byte[] UD2 = {0x0f, 0x0b};
    /** Patch sites found in a range of code, by content (once per JVM; across JVMs see PatchSiteCache). */
    private static final Map<Long, long[]> SITES_BY_CONTENT = new ConcurrentHashMap<>();

    /** Patched address → the instruction it held. */
    private final NavigableMap<Long, TrappedInstruction> patched = new TreeMap<>();
    /** Executable ranges already swept: start → end. */
    private final TreeMap<Long, Long> swept = new TreeMap<>();

    /** A copy for a forked process (it inherits the patched code). */
    public synchronized TimestampPatches copy() {
        TimestampPatches c = new TimestampPatches();
        c.patched.putAll(patched);
        c.swept.putAll(swept);
        return c;
    }

    /** The instruction originally at rip when it is one of ours, else NONE. */
    public synchronized TrappedInstruction at(long rip) {
        return patched.getOrDefault(rip, TrappedInstruction.NONE);
    }

    /** Puts the original bytes into buf (read from addr) where a patch covers them: what the program's file holds. */
    public synchronized void unpatch(long addr, byte[] buf) {
        if (patched.isEmpty()) return;
        // only the patches inside the range (one may start a byte before it): a reverse search
        // reads a stack frame at every hit, and a lookup per byte was most of its Java time
        for (Map.Entry<Long, TrappedInstruction> e : patched.subMap(addr - 1, true, addr + buf.length, false).entrySet()) {
            byte[] orig = e.getValue() == TrappedInstruction.RDTSC ? new byte[] {0x0f, 0x31} : new byte[] {0x0f, 0x01};
            for (int k = 0; k < orig.length; k++) {
                long i = e.getKey() + k - addr;
                if (i >= 0 && i < buf.length) buf[(int) i] = orig[k];
            }
        }
    }

    /**
     * Sweeps the executable ranges of pid not swept yet and patches their rdtsc/rdtscp. Ranges that
     * stopped being executable are forgotten, so code mapped there later is swept again.
     */
    public synchronized void scan(int pid, TraceeMemory mem) {
        List<long[]> exec = new ArrayList<>();
        for (ProcMaps.Region r : ProcMaps.read(pid)) {
            if (r.perms().length() < 3 || r.perms().charAt(2) != 'x') continue;
            if (r.path().startsWith("[")) continue; // [vdso], [vsyscall]: hidden or not ours to patch
            exec.add(new long[] {r.start(), r.end()});
        }
        forgetOutside(exec);
        for (long[] r : exec) {
            long at = r[0];
            while (at < r[1]) {
                Map.Entry<Long, Long> done = swept.floorEntry(at);
                if (done != null && done.getValue() > at) {
                    at = done.getValue();
                    continue;
                }
                Long nextDone = swept.ceilingKey(at);
                long end = nextDone == null ? r[1] : Math.min(r[1], nextDone);
                sweep(mem, at, end);
                swept.put(at, end);
                at = end;
            }
        }
    }

    private void forgetOutside(List<long[]> exec) {
        swept.entrySet().removeIf(e -> !inside(exec, e.getKey(), e.getValue()));
        patched.keySet().removeIf(a -> !inside(exec, a, a + 1));
    }

    private static boolean inside(List<long[]> ranges, long start, long end) {
        for (long[] r : ranges) if (start >= r[0] && end <= r[1]) return true;
        return false;
    }

    private void sweep(TraceeMemory mem, long start, long end) {
        long len = end - start;
        if (len <= 0 || len > Integer.MAX_VALUE) return;
        byte[] code = new byte[(int) len];
        int got = mem.readPartial(start, code);
        if (got < code.length) return; // execute-only or vanished: nothing we can decode
        if (!hasCandidate(code)) return;
        CRC32C crc = new CRC32C();
        crc.update(code);
        long key = crc.getValue() ^ (len << 32);
        long[] sites = SITES_BY_CONTENT.computeIfAbsent(key, k -> PatchSiteCache.sites(code, TimestampPatches::findSites));
        for (long off : sites) {
            long addr = start + off;
            patched.put(addr, code[(int) off + 1] == 0x31 ? TrappedInstruction.RDTSC : TrappedInstruction.RDTSCP);
            mem.write(addr, UD2);
        }
    }

    private static boolean hasCandidate(byte[] code) {
        for (int i = 0; i + 1 < code.length; i++) {
            if (code[i] != 0x0f) continue;
            if (code[i + 1] == 0x31 || (code[i + 1] == 0x01 && i + 2 < code.length && code[i + 2] == (byte) 0xf9)) return true;
        }
        return false;
    }

    /** Offsets of rdtsc/rdtscp at instruction boundaries of a linear sweep from offset 0. */
    static long[] findSites(byte[] code) {
        List<Long> sites = new ArrayList<>();
        int i = 0;
        while (i < code.length) {
            if (code[i] == 0x0f && i + 1 < code.length) {
                if (code[i + 1] == 0x31) {
                    sites.add((long) i);
                    i += 2;
                    continue;
                }
                if (code[i + 1] == 0x01 && i + 2 < code.length && code[i + 2] == (byte) 0xf9) {
                    sites.add((long) i);
                    i += 3;
                    continue;
                }
            }
            i += InstructionLength.of(code, i);
        }
        long[] out = new long[sites.size()];
        for (int k = 0; k < out.length; k++) out[k] = sites.get(k);
        return out;
    }
}
