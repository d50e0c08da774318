package io.jrrtui.eval;

import java.util.List;

/** Where a value lives, as a DWARF location description yields it. */
public sealed interface Location {
    /** In memory at an address. */
    record Memory(long address) implements Location {}

    /** In a register (DWARF number). */
    record Register(int regNo) implements Location {}

    /** Not stored anywhere: the value itself (DW_OP_stack_value / implicit_value / const_value). */
    record Implicit(byte[] bytes) implements Location {}

    /** Composed of pieces (DW_OP_piece / DW_OP_bit_piece), in order from the value's first bit. */
    record Pieces(List<Piece> pieces) implements Location {}

    /** A pointer whose target exists only in the debug info (DW_OP_implicit_pointer). */
    record ImplicitPointer() implements Location {}

    /** Optimized out at this pc. */
    record OptimizedOut() implements Location {}

    /** {@code sizeBits} bits taken from {@code location} starting at its bit {@code bitOffset}. */
    record Piece(Location location, long sizeBits, long bitOffset) {}
}
