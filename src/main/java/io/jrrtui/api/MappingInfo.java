package io.jrrtui.api;

/** One mapping of the program's memory for {@code info proc mappings}: [start, end), file offset, "r-xp"-style permissions, path ("" when anonymous). */
public record MappingInfo(long start, long end, long offset, String perms, String path) {}
