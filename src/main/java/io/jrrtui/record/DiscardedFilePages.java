package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.MemoryWrite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * madvise(MADV_DONTNEED) and kin over memory backed by a file (or shared memory): the kernel
 * drops the pages and the next access reads the file's bytes again. Replay holds such memory as
 * private anonymous copies, where the same call leaves zeros; so the recording keeps the pages'
 * contents after the call, and replay writes them back. Anonymous private memory (heaps, thread
 * stacks: the common case) reads back as zeros on both sides and costs nothing here.
 */
final class DiscardedFilePages {
    private static final int SYS_MADVISE = 28;
    private static final long MADV_DONTNEED = 4, MADV_REMOVE = 9, MADV_DONTNEED_LOCKED = 24;

    private DiscardedFilePages() {}

    static List<MemoryWrite> capture(int tid, TraceeMemory mem, Registers entry, long result) {
        long advice = entry.arg(2);
        if (entry.origRax() != SYS_MADVISE || result != 0
                || advice != MADV_DONTNEED && advice != MADV_REMOVE && advice != MADV_DONTNEED_LOCKED) {
            return List.of();
        }
        long start = entry.arg(0), end = start + entry.arg(1);
        List<MemoryWrite> out = new ArrayList<>();
        for (ProcMaps.Region r : ProcMaps.read(tid)) {
            if (!r.path().startsWith("/") || !r.perms().startsWith("r")) continue; // anonymous, [heap], [stack]...
            long from = Math.max(start, r.start()), to = Math.min(end, r.end());
            for (long at = from; at < to; at += FileMappings.PIECE) {
                byte[] data = new byte[(int) Math.min(FileMappings.PIECE, to - at)];
                int n = mem.readPartial(at, data);
                if (n > 0) out.add(new MemoryWrite(at, n == data.length ? data : Arrays.copyOf(data, n)));
            }
        }
        return out;
    }
}
