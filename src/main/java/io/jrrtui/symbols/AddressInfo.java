package io.jrrtui.symbols;

import java.util.List;
import java.util.Optional;

/**
 * What is known about one address: the enclosing (outermost, concrete) function, its offset, the
 * line entry, and the inline chain innermost first (element 0 is where the pc really is).
 */
public record AddressInfo(long address, String function, long functionStart, Optional<SourceLine> line,
                          List<InlineFrame> inlineChain, String module) {
    public long offset() { return address - functionStart; }

    /** The innermost function name (an inlined callee when the pc is inside one). */
    public String innermostFunction() {
        return inlineChain.isEmpty() ? function : inlineChain.get(0).function();
    }

    /** {@code name+off} or {@code name} when at the start, as gdb writes {@code <main+4>}. */
    public String symbolic() {
        long off = offset();
        return off == 0 ? function : function + "+" + off;
    }
}
