package io.jrrtui.unwind;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A simple {@link ModuleLookup}: modules registered with their runtime address ranges. */
public final class ModuleMap implements ModuleLookup {
    private record Range(long end, UnwindModule module) {
    }

    private final TreeMap<Long, Range> byStart = new TreeMap<>(Long::compareUnsigned);

    /** Registers {@code module} as covering runtime addresses [start, end). */
    public synchronized ModuleMap add(long start, long end, UnwindModule module) {
        byStart.put(start, new Range(end, module));
        return this;
    }

    @Override
    public synchronized Optional<UnwindModule> moduleAt(long address) {
        Map.Entry<Long, Range> e = byStart.floorEntry(address);
        if (e == null || Long.compareUnsigned(address, e.getValue().end()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(e.getValue().module());
    }
}
