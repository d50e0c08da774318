package io.jrrtui.target;

/** One mapping of the program's memory: [start, end), permissions as /proc maps shows them ("r-xp"), file offset and path. */
public record MemoryRegion(long start, long end, String perms, long offset, String path) {}
