package io.jrrtui.dwarf;

/** An offset of a DIE within .debug_info (section-relative). */
public record DieOffset(long value) implements Comparable<DieOffset> {
    @Override public int compareTo(DieOffset o) { return Long.compare(value, o.value); }
    @Override public String toString() { return "<0x" + Long.toHexString(value) + ">"; }
}
