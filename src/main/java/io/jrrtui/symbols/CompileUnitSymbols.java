package io.jrrtui.symbols;

import io.jrrtui.dwarf.AddressRange;
import io.jrrtui.dwarf.AttrValue;
import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.dwarf.LineProgram;
import io.jrrtui.dwarf.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Per-unit symbol data built on demand: address ranges, gdb-style line table, functions. */
final class CompileUnitSymbols {
    private final Unit unit;
    private List<AddressRange> ranges;
    private CuLineTable lineTable;
    private boolean lineTableBuilt;
    private List<FunctionInfo> functions;
    private final java.util.Map<Long, String> qualifiedNames = new java.util.HashMap<>();
    private Boolean locationsValid;

    CompileUnitSymbols(Unit unit) {
        this.unit = unit;
    }

    Unit unit() { return unit; }

    String primaryFile() {
        String name = unit.name().orElse("");
        String dir = unit.root().string(Dw.AT_comp_dir).orElse("");
        if (name.startsWith("/") || dir.isEmpty()) return name;
        return dir + "/" + name;
    }

    synchronized List<AddressRange> ranges() {
        if (ranges == null) {
            List<AddressRange> r = new ArrayList<>(unit.root().ranges());
            if (r.isEmpty() && lineTable() != null) {
                CuLineTable.Entry[] es = lineTable().entries();
                if (es.length > 0) r.add(new AddressRange(es[0].pc(), es[es.length - 1].pc()));
            }
            ranges = r;
        }
        return ranges;
    }

    boolean contains(long pc) {
        for (AddressRange r : ranges()) if (r.contains(pc)) return true;
        return false;
    }

    synchronized CuLineTable lineTable() {
        if (!lineTableBuilt) {
            lineTableBuilt = true;
            LineProgram lp = unit.lineProgram();
            if (lp != null) lineTable = CuLineTable.build(lp, primaryFile(), unit.name().orElse(primaryFile()));
        }
        return lineTable;
    }

    /** Subprograms with code in this unit (namespaces, classes and Rust modules are searched too). */
    synchronized List<FunctionInfo> functions() {
        if (functions == null) {
            List<FunctionInfo> out = new ArrayList<>();
            collect(unit.root(), "", out, 0);
            functions = out;
        }
        return functions;
    }

    private void collect(Die scope, String prefix, List<FunctionInfo> out, int depth) {
        if (depth > 64) return;
        for (Die d : scope.childrenWithTag(t -> t == Dw.TAG_subprogram || t == Dw.TAG_namespace)) {
            if (d.tag() == Dw.TAG_namespace) {
                // Code of C++ methods and Rust impls lives at namespace level (in-class DIEs are
                // declarations), so types need not be searched.
                if (d.hasChildren()) collect(d, prefix + d.name().orElse("(anonymous namespace)") + "::", out, depth + 1);
                continue;
            }
            Optional<String> own = d.name();
            own.ifPresent(n -> qualifiedNames.put(d.rawOffset(), prefix + n));
            if (!d.has(Dw.AT_low_pc) && !d.has(Dw.AT_ranges)) continue;
            List<AddressRange> rs = d.ranges();
            if (rs.isEmpty() || minLow(rs) == 0) continue;
            String name = own.isPresent() ? own.get() : d.nameInherited().orElse(null);
            if (name == null) continue;
            String qualified = prefix + name;
            if (own.isEmpty() && prefix.isEmpty()) {
                // an out-of-line C++ member names its class through its declaration
                Optional<Die> spec = d.withInherited(Dw.AT_specification).flatMap(x -> x.ref(Dw.AT_specification));
                if (spec.isPresent()) qualified = io.jrrtui.dwarf.ScopeNames.qualify(spec.get(), name);
            }
            // a function split into ranges (GCC's hot part and its .cold part, at a lower address)
            // starts at its first listed range, as gdb's BLOCK_ENTRY_PC: not at the lowest address
            long entry = d.raw(Dw.AT_entry_pc).isPresent() && d.lowPc().isPresent() ? d.lowPc().get()
                    : d.has(Dw.AT_ranges) && rs.get(0).low() != 0 ? rs.get(0).low() : minLow(rs);
            out.add(new FunctionInfo(qualified, d.linkageName().orElse(null), rs, entry, Optional.of(d)));
        }
    }

    /** Qualified names of the subprogram DIEs of this unit (declarations and abstract instances too). */
    synchronized java.util.Map<Long, String> qualifiedNames() {
        functions();
        return qualifiedNames;
    }

    private static long minLow(List<AddressRange> rs) {
        long lo = -1L;
        for (AddressRange r : rs) if (Long.compareUnsigned(r.low(), lo) < 0) lo = r.low();
        return lo;
    }

    /**
     * gdb's "locations valid" for a unit: produced by GCC and some variable uses a location list.
     * Then gdb trusts variable locations at function entry and does not skip prologues.
     */
    synchronized boolean locationsValid() {
        if (locationsValid == null) {
            String producer = unit.root().string(Dw.AT_producer).orElse("");
            boolean gcc = producer.startsWith("GNU ") && !producer.contains("clang");
            locationsValid = gcc && anyLocationList();
        }
        return locationsValid;
    }

    private boolean anyLocationList() {
        Deque<Die> stack = new ArrayDeque<>();
        stack.push(unit.root());
        int budget = 2_000_000;
        while (!stack.isEmpty() && budget-- > 0) {
            Die d = stack.pop();
            if (d.tag() == Dw.TAG_variable || d.tag() == Dw.TAG_formal_parameter) {
                Optional<AttrValue> loc = d.raw(Dw.AT_location);
                if (loc.isPresent() && (loc.get().form() == Dw.FORM_sec_offset || loc.get().form() == Dw.FORM_loclistx
                        || (unit.version() < 4 && (loc.get().form() == Dw.FORM_data4 || loc.get().form() == Dw.FORM_data8))))
                    return true;
            }
            for (Die c : d.children()) stack.push(c);
        }
        return false;
    }
}
