package io.jrrtui.symbols;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All modules of a process (executable and shared libraries), each at its load bias. */
public final class SymbolIndex {
    private final List<ModuleSymbols> modules = new ArrayList<>();

    public synchronized void add(ModuleSymbols m) { modules.add(m); }
    public synchronized void remove(ModuleSymbols m) { modules.remove(m); }
    public synchronized List<ModuleSymbols> modules() { return List.copyOf(modules); }

    /** The module whose segments contain the address. */
    public Optional<ModuleSymbols> moduleAt(long addr) {
        for (ModuleSymbols m : modules()) if (m.containsAddress(addr)) return Optional.of(m);
        return Optional.empty();
    }

    public Optional<AddressInfo> lookup(long addr) {
        return moduleAt(addr).flatMap(m -> m.lookup(addr));
    }

    public Optional<String> symbolize(long addr) {
        return moduleAt(addr).flatMap(m -> m.symbolize(addr));
    }

    public Optional<SourceLine> lineAt(long addr) {
        return moduleAt(addr).flatMap(m -> m.lineAt(addr));
    }

    /** Breakpoint locations in every module that knows the location; an error only when none does. */
    public List<BreakpointLocation> breakpointAddresses(String location, String defaultFile) {
        List<BreakpointLocation> out = new ArrayList<>();
        JrrException last = null;
        for (ModuleSymbols m : modules()) {
            try {
                out.addAll(m.breakpointAddresses(location, defaultFile));
            } catch (JrrException e) {
                // a module that has the file knows better ("No line 9999 in file") than one that has not
                if (last == null || last.getMessage().startsWith("No source file named")) last = e;
            }
        }
        if (out.isEmpty()) throw last != null ? last : new JrrException("No symbol table is loaded.");
        // once the real function is known, its PLT stubs are not where the user wants to stop
        List<BreakpointLocation> real = new ArrayList<>();
        for (BreakpointLocation b : out) if (b.function() == null || !b.function().endsWith("@plt")) real.add(b);
        return real.isEmpty() ? out : real;
    }

    public List<FunctionInfo> functions() {
        List<FunctionInfo> out = new ArrayList<>();
        for (ModuleSymbols m : modules()) out.addAll(m.functions());
        return out;
    }
}
