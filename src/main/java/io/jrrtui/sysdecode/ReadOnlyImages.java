package io.jrrtui.sysdecode;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of one process's read-only file mappings, taken from the bytes the recording holds for
 * each mmap. The program cannot change read-only memory, so strings there (paths in a library's
 * .rodata, "" for AT_EMPTY_PATH) are known at any later event. A region leaves as soon as anything
 * could change it: munmap, mprotect with PROT_WRITE, or a new mapping over it.
 */
final class ReadOnlyImages implements KnownMemory {
    private final TreeMap<Long, byte[]> regions = new TreeMap<>();

    ReadOnlyImages copy() {
        ReadOnlyImages c = new ReadOnlyImages();
        c.regions.putAll(regions);
        return c;
    }

    void add(long addr, byte[] data) {
        forget(addr, data.length);
        if (data.length > 0) regions.put(addr, data);
    }

    /** Drops every region overlapping [addr, addr+len) whole: losing knowledge is safe, keeping stale bytes is not. */
    void forget(long addr, long len) {
        Map.Entry<Long, byte[]> below = regions.floorEntry(addr);
        if (below != null && below.getKey() + below.getValue().length > addr) regions.remove(below.getKey());
        regions.subMap(addr, true, addr + Math.max(len, 1), false).clear();
    }

    void clear() {
        regions.clear();
    }

    @Override
    public byte[] known(long addr, int max) {
        Map.Entry<Long, byte[]> e = max <= 0 ? null : regions.floorEntry(addr);
        if (e == null) return new byte[0];
        long off = addr - e.getKey();
        byte[] data = e.getValue();
        if (off >= data.length) return new byte[0];
        return Arrays.copyOfRange(data, (int) off, (int) Math.min(data.length, off + max));
    }
}
