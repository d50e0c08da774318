package io.jrrtui.symbols;

import io.jrrtui.dwarf.AddressRange;
import io.jrrtui.dwarf.Die;
import java.util.List;
import java.util.Optional;

/**
 * A function with code: its name (qualified with namespaces for C++/Rust), linkage name, the address
 * ranges of its concrete instance (unbiased), and its DIE when it came from DWARF.
 */
public record FunctionInfo(String name, String linkageName, List<AddressRange> ranges, long entryPc,
                           Optional<Die> die) {
    public long lowPc() {
        long lo = -1L;
        for (AddressRange r : ranges) if (Long.compareUnsigned(r.low(), lo) < 0) lo = r.low();
        return lo;
    }

    public long highPc() {
        long hi = 0;
        for (AddressRange r : ranges) if (Long.compareUnsigned(r.high(), hi) > 0) hi = r.high();
        return hi;
    }

    /** The same function at load bias {@code bias}. */
    public FunctionInfo rebased(long bias) {
        if (bias == 0) return this;
        List<AddressRange> rs = new java.util.ArrayList<>();
        for (AddressRange r : ranges) rs.add(new AddressRange(r.low() + bias, r.high() + bias));
        return new FunctionInfo(name, linkageName, List.copyOf(rs), entryPc + bias, die);
    }

    public boolean contains(long pc) {
        for (AddressRange r : ranges) if (r.contains(pc)) return true;
        return false;
    }
}
