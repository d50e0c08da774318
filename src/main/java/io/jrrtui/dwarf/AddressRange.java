package io.jrrtui.dwarf;

/** A half-open address range [low, high). */
public record AddressRange(long low, long high) {
    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, low) >= 0 && Long.compareUnsigned(addr, high) < 0;
    }
    public long size() { return high - low; }
    @Override public String toString() { return String.format("[0x%x,0x%x)", low, high); }
}
