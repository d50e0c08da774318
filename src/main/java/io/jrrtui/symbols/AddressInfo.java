package io.jrrtui.symbols;

import java.util.List;
import java.util.Optional;

/**
 * What is known about one address: the enclosing (outermost, concrete) function, its offset, the
 * line entry, and the inline chain innermost first (element 0 is where the pc really is).
 */
public record AddressInfo(long address, String function, long functionStart, Optional<SourceLine> line,
                          List<InlineFrame> inlineChain, String module, String symbolic) {
    public long offset() { return address - functionStart; }

    /** The innermost function name (an inlined callee when the pc is inside one). */
    public String innermostFunction() {
        return inlineChain.isEmpty() ? function : inlineChain.get(0).function();
    }

    /**
     * {@code name+off} as gdb writes {@code <main+4>}: from the ELF symbol covering the address when
     * it starts after the function's entry (a {@code .cold} part), else from the function.
     */
    public String symbolic() { return symbolic; }

    static String symbolic(String name, long offset) {
        return offset == 0 ? name : name + "+" + offset;
    }
}
