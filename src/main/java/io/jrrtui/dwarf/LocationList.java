package io.jrrtui.dwarf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A variable's location description: either one expression valid everywhere, or a list of
 * (range, expression) entries. {@link #at(long)} picks the expression for a pc.
 */
public record LocationList(List<Entry> entries, boolean single) {
    /** One location entry; for a single expression the range is the whole address space. */
    public record Entry(AddressRange range, ByteBuffer expression) {
        public ByteBuffer expr() { return expression.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN); }
    }

    public static LocationList ofExpression(ByteBuffer expr) {
        return new LocationList(List.of(new Entry(new AddressRange(0, -1L), expr)), true);
    }

    /** The expression valid at {@code pc}; empty when the variable is optimized out there. */
    public Optional<ByteBuffer> at(long pc) {
        for (Entry e : entries) {
            if (single || e.range().contains(pc)) return Optional.of(e.expr());
        }
        return Optional.empty();
    }
}
