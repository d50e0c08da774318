/**
 * ELF64 little-endian object files as x86-64 Linux writes them: sections (decompressed on demand),
 * program headers, symbols, notes, build-id/debuglink, minidebuginfo and separate debug files (core files are
 * read by {@code io.jrrtui.core} on top of this). Everything is a lazy view over
 * a memory-mapped file; malformed input raises {@link io.jrrtui.util.JrrException}.
 */
package io.jrrtui.elf;
