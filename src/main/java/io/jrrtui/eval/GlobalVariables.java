package io.jrrtui.eval;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.dwarf.DwarfInfo;
import io.jrrtui.dwarf.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * File-scope variables of a module by name (namespaced names qualified with {@code ::}); a
 * definition (with a location) is preferred over an {@code extern} declaration.
 */
public final class GlobalVariables {
    private final Map<String, List<Die>> byName = new HashMap<>();

    public GlobalVariables(DwarfInfo dwarf) {
        for (Unit u : dwarf.compileUnits()) collect(u.root(), "", 0);
    }

    private void collect(Die scope, String prefix, int depth) {
        if (depth > 32) return;
        for (Die d : scope.children()) {
            if (d.tag() == Dw.TAG_variable) {
                Optional<String> n = d.nameInherited();
                if (n.isPresent() && (d.has(Dw.AT_location) || d.has(Dw.AT_const_value))) {
                    // a C++ definition at file level names its namespace through its declaration
                    Optional<Die> spec = d.ref(Dw.AT_specification);
                    String q = spec.isPresent() && prefix.isEmpty() ? io.jrrtui.dwarf.ScopeNames.qualify(spec.get(), n.get()) : prefix + n.get();
                    byName.computeIfAbsent(q, k -> new ArrayList<>()).add(d);
                    if (!q.equals(n.get())) byName.computeIfAbsent(n.get(), k -> new ArrayList<>()).add(d);
                }
            } else if (d.tag() == Dw.TAG_namespace) {
                collect(d, prefix + d.name().orElse("(anonymous namespace)") + "::", depth + 1);
            } else if (d.tag() == Dw.TAG_enumeration_type) {
                enumerators(d, prefix);
            }
        }
    }

    /**
     * The constants of an enum declared at file or namespace level, as gdb finds them: by their own
     * name (qualified by the namespace), and for a C++ {@code enum class} only as {@code Enum::NAME}.
     */
    private void enumerators(Die type, String prefix) {
        boolean scoped = type.flag(Dw.AT_enum_class);
        String outer = scoped ? prefix + type.name().orElse("") + "::" : prefix;
        if (scoped && type.name().isEmpty()) return;
        for (Die e : type.children()) {
            if (e.tag() != Dw.TAG_enumerator || e.name().isEmpty()) continue;
            byName.computeIfAbsent(outer + e.name().get(), k -> new ArrayList<>()).add(e);
            if (!scoped && !prefix.isEmpty()) byName.computeIfAbsent(prefix + type.name().orElse("") + "::" + e.name().get(),
                    k -> new ArrayList<>()).add(e);
        }
    }

    /** A global by name, preferring one from {@code preferredUnit} (statics shadow other files'). */
    public Optional<Die> lookup(String name, Unit preferredUnit) {
        List<Die> ds = byName.get(name);
        if (ds == null || ds.isEmpty()) return Optional.empty();
        for (Die d : ds) if (d.unit() == preferredUnit) return Optional.of(d);
        for (Die d : ds) if (d.flag(Dw.AT_external) || d.origin().map(o -> o.flag(Dw.AT_external)).orElse(false)) return Optional.of(d);
        return Optional.of(ds.get(0));
    }

    /** A global of the compilation unit named file (its DW_AT_name, or that name's last components): gdb's 'file.c'::name. */
    public Optional<Die> lookupInFile(String name, String file) {
        for (Die d : byName.getOrDefault(name, List.of())) {
            String unit = d.unit().name().orElse("");
            if (unit.equals(file) || unit.endsWith("/" + file)) return Optional.of(d);
        }
        return Optional.empty();
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
