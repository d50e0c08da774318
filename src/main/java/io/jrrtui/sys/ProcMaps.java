package io.jrrtui.sys;

import io.jrrtui.util.JrrException;
import io.jrrtui.util.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** /proc/PID/maps, parsed. */
public final class ProcMaps {
    /** One mapping line. */
    public record Region(long start, long end, String perms, long offset, String path) {}

    private ProcMaps() {}

    public static List<Region> read(int pid) {
        List<Region> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
                String[] f = Words.split(line, 6);
                String[] range = f[0].split("-");
                out.add(new Region(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16), f[1],
                        Long.parseUnsignedLong(f[2], 16), f.length > 5 ? f[5] : ""));
            }
        } catch (IOException e) {
            throw new JrrException("cannot read memory map of pid " + pid + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The pages of region r that may hold something other than zeros, or null for all of them:
     * for an anonymous private mapping ([heap], [stack], a thread's stack, an unnamed mapping)
     * the pages present or swapped out in pid's page tables (/proc/PID/pagemap bits 63 and 62);
     * one that is neither was never written (or was dropped with MADV_DONTNEED) and reads as
     * zeros. Null for a file-backed mapping (an untouched page reads as the file's bytes) or when
     * pagemap cannot be read. Reading 8 bytes per page instead of 4096 is what makes a snapshot
     * of a threaded program cheap: each thread's 8 MB stack is almost all untouched pages.
     */
    public static java.util.BitSet touchedPages(int pid, Region r) {
        String p = r.path();
        boolean anonymous = p.isEmpty() || p.equals("[heap]") || p.equals("[stack]") || p.startsWith("[anon:");
        if (!anonymous) return null;
        long pagesLong = (r.end() - r.start()) >>> 12;
        if (pagesLong <= 0 || pagesLong > (1 << 24)) return null;
        int pages = (int) pagesLong;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(pages * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(Path.of("/proc/" + pid + "/pagemap"))) {
            long pos = (r.start() >>> 12) * 8;
            while (b.hasRemaining()) {
                int n = ch.read(b, pos + b.position());
                if (n <= 0) return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        java.util.BitSet touched = new java.util.BitSet(pages);
        for (int i = 0; i < pages; i++) if ((b.getLong(i * 8) & (3L << 62)) != 0) touched.set(i);
        return touched;
    }

    /** The region containing addr, or null. */
    public static Region find(int pid, long addr) {
        for (Region r : read(pid)) if (Long.compareUnsigned(addr, r.start()) >= 0 && Long.compareUnsigned(addr, r.end()) < 0) return r;
        return null;
    }
}
