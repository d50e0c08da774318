package io.jrrtui.unwind;

import java.util.OptionalLong;

/** The unwinder's view of the debuggee's memory (a live process, a replay, a core file). */
@FunctionalInterface
public interface MemoryReader {
    /** The 8 bytes at {@code address}, little-endian; empty when they cannot be read. */
    OptionalLong readU64(long address);
}
