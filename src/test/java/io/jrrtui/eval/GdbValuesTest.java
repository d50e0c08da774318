package io.jrrtui.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.core.CoreDump;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.TestBinaries;
import io.jrrtui.symbols.Demangler;
import io.jrrtui.symbols.ModuleSymbols;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At a real stop (a gcore core file at {@code stop_here}), compares with gdb: {@code info args} of
 * frame 0, {@code info locals} / {@code info args} of frame 1, and {@code print}, {@code ptype},
 * {@code whatis} of every global. Threshold: 98% of compared items identical.
 */
public class GdbValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"sym_types", "sym_types-O2", "sym_types-dwarf4", "sym_types-dwarf4-O2"})
    void valuesAgreeWithGdb(String name) {
        Path bin = fixture(name);
        Path corePath = TestBinaries.coreAt(bin, "stop_here", TestBinaries.sharedTmp());
        CoreDump core = CoreDump.open(corePath);
        long bias = CoreTarget.bias(core, bin);
        ElfFile elf = ElfFile.open(bin);
        ModuleSymbols m = new ModuleSymbols(elf, Optional.of(elf), bias, Demangler.NONE);
        GlobalVariables globals = new GlobalVariables(m.dwarf().orElseThrow());
        TypeFactory types = new TypeFactory();
        ValueFormatter fmt = new ValueFormatter(m::symbolize);
        List<String> globalNames = new ArrayList<>(new TreeSet<>(globals.names()));
        globalNames.removeIf(g -> !g.startsWith("g_"));

        long pc0 = core.threads().get(0).rip();
        boolean atEntry = m.functionContaining(pc0).map(f -> f.lowPc() == pc0).orElse(false);
        CoreTarget f0 = CoreTarget.frame(core, 0, atEntry);
        CoreTarget f1 = CoreTarget.frame(core, 1, atEntry);
        FrameScope s0 = new FrameScope(m, types, globals, f0, f0.pc());
        FrameScope s1 = new FrameScope(m, types, globals, f1, f1.pc() - 1);

        Map<String, String> ours = new LinkedHashMap<>();
        List<String> cmds = new ArrayList<>();
        cmds.add("core-file " + corePath);
        add(cmds, ours, "f0 info args", "info args", String.join("\n", s0.describe(s0.args(), fmt)));
        add(cmds, ours, "frame 1", "frame 1", s1.frameLine(1, f1.pc(), fmt));
        add(cmds, ours, "f1 info locals", "info locals", String.join("\n", s1.describe(s1.locals(), fmt)));
        add(cmds, ours, "f1 info args", "info args", String.join("\n", s1.describe(s1.args(), fmt)));
        for (String g : globalNames) {
            Variable v = s1.lookup(g).orElseThrow();
            Value val = s1.value(v);
            add(cmds, ours, "print " + g, "print " + g, "$ = " + fmt.format(val));
            add(cmds, ours, "ptype " + g, "ptype " + g, "type = " + TypeNames.ptype(val.type()));
            add(cmds, ours, "whatis " + g, "whatis " + g, "type = " + val.type().name());
        }
        Evaluator ev = new Evaluator(new ScopeContext(s1));
        for (String x : EXPRESSIONS) {
            if (name.endsWith("-O2") && x.contains("local")) continue; // locals mostly optimized out at -O2
            add(cmds, ours, "print " + x, "print " + x, orError(() -> "$ = " + fmt.format(ev.evaluate(x))));
        }
        for (String x : FORMATTED) {
            char letter = x.charAt(0);
            String expr = x.substring(2);
            if (name.endsWith("-O2") && expr.contains("local")) continue;
            // gdb has printed "$N = " before a formatting error, so the message follows it
            add(cmds, ours, "print/" + x, "print/" + letter + " " + expr, orError(() -> {
                Value val = ev.evaluate(expr);
                return "$ = " + orError(() -> fmt.format(val, letter));
            }));
        }
        for (String x : TYPE_EXPRESSIONS) {
            add(cmds, ours, "ptype " + x, "ptype " + x, orError(() -> "type = " + TypeNames.ptype(ev.typeOf(x))));
        }
        compare(name, ours, TestBinaries.gdb(bin, cmds), 98.0);
    }

    /** Expressions printed in frame 1 (fill_and_stop) by both gdb and us. */
    static final List<String> EXPRESSIONS = List.of(
            "*r", "r", "r->pts[1]", "*g_rec_ptr->next", "g_rec.op", "&g_point", "main", "&main", "&g_array[1]",
            "counter::calls", "local_buf", "local_pt", "&local_pt", "local_flags.count", "local_i * 3 + k",
            "sizeof(struct record)", "sizeof(int)", "sizeof g_matrix", "g_point.x + 10", "$rip", "$pc", "$rsp",
            "xyz", "1 +", "(long)g_point.y", "g_array[1] * 2 == 40", "-g_double", "!0", "7/2", "7.0/2",
            "g_str[1]", "'A'", "\"abc\"", "10 > 3 && 2 < 1", "~5", "(char)65", "*g_str", "g_matrix[1]",
            "&g_matrix[1]", "*g_matrix", "(struct point *)&g_point", "1.0/3", "3000000000", "-5 % 3", "5u - 6",
            "g_uchar + 1", "g_schar * 2", "g_ulong / 3", "g_float * 2", "g_num.bytes[3]", "g_flags.neg",
            "g_color", "g_color == 5", "g_array + 2", "*(g_array + 2)", "&g_array[4] - &g_array[1]",
            "g_rec.name[0]", "r->label", "*r->label", "g_rec_ptr->pts", "g_rec.next->next->small",
            "(unsigned char)300", "(short)-1", "(unsigned long)-1", "0x10 | 3", "1 ? 2 : 3", "g_long < 0",
            "g_fn", "*g_fn", "g_null_ptr", "g_myint / 0", "g_point.z", "g_point->x", "*g_point", "$nonexistent",
            "(g_point.x, g_point.y)", "g_double > 2.4", "'\\n'", "'\\0'");

    /** {@code print/F EXPR} items: the format letter, a space, the expression. */
    static final List<String> FORMATTED = List.of(
            "x g_point", "x g_array", "d g_uchar", "c g_array[0]", "t g_myint", "o g_myint", "x g_name", "x g_double",
            "a main", "x g_flags", "z g_myint", "u g_schar", "x -1", "x g_rec_ptr", "d g_color", "x g_str", "x g_rec",
            "c 65", "x g_fn", "s g_name", "x g_float", "f g_myint", "f 3", "x (char)-1", "t 0", "o 0", "x 0",
            "z (char)5", "d g_rec_ptr", "u -1", "x g_rec.ok", "d g_rec.ok", "x g_matrix", "x local_i", "x local_flags",
            "a g_rec.op", "x g_null_ptr", "d 'A'", "x 255", "t 10", "o 8");

    static final List<String> TYPE_EXPRESSIONS = List.of(
            "struct record", "g_rec.pts", "r", "g_fn", "point_t", "unsigned long", "g_matrix[1]", "&g_matrix",
            "union number", "enum color", "struct flags *");

    /**
     * Formatting corner cases (repeats, the 200-element limit, anonymous members, escapes, long
     * double, enums with unknown values, pointers to pointers): print/ptype/whatis of every global of
     * sym_values at a stop in values_stop. Threshold 98%.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sym_values", "sym_values-O2"})
    void globalsAgreeWithGdb(String name) {
        Path bin = TestBinaries.binary(name);
        Path corePath = TestBinaries.coreAt(bin, "values_stop", TestBinaries.sharedTmp());
        CoreDump core = CoreDump.open(corePath);
        ElfFile elf = ElfFile.open(bin);
        ModuleSymbols m = new ModuleSymbols(elf, Optional.of(elf), CoreTarget.bias(core, bin), Demangler.NONE);
        GlobalVariables globals = new GlobalVariables(m.dwarf().orElseThrow());
        ValueFormatter fmt = new ValueFormatter(m::symbolize);
        CoreTarget f0 = CoreTarget.frame(core, 0, m.functionContaining(core.threads().get(0).rip())
                .map(f -> f.lowPc() == core.threads().get(0).rip()).orElse(false));
        Evaluator ev = new Evaluator(new ScopeContext(new FrameScope(m, new TypeFactory(), globals, f0, f0.pc())));
        List<String> exprs = new ArrayList<>(new TreeSet<>(globals.names()));
        exprs.addAll(List.of("*g_ipp", "**g_ipp", "g_wp.cs", "g_wp.self->vi", "g_nested.inner.b", "g_nested.u",
                "g_names[1]", "g_matrix_d[1][0]", "g_ops[1]", "&g_ops[1]", "g_run[24]", "sizeof(g_big)",
                "g_bits | 1", "(enum bits)2", "g_ld * 2", "g_big[299]", "g_big + 1", "*&g_nested",
                "struct nested", "enum sign", "op_fn", "struct with_ptrs *"));
        Map<String, String> ours = new LinkedHashMap<>();
        List<String> cmds = new ArrayList<>();
        cmds.add("core-file " + corePath);
        if (!name.endsWith("-O2")) { // frame 1 = nested_blocks: nested lexical blocks in gdb's order
            CoreTarget f1 = CoreTarget.frame(core, 1, false);
            FrameScope s1 = new FrameScope(m, new TypeFactory(), globals, f1, f1.pc() - 1);
            add(cmds, ours, "frame 1", "frame 1", s1.frameLine(1, f1.pc(), fmt));
            add(cmds, ours, "f1 info locals", "info locals", String.join("\n", s1.describe(s1.locals(), fmt)));
            cmds.add("echo @@frame0\\n");
            cmds.add("frame 0");
        }
        for (String x : exprs) {
            boolean typeName = x.startsWith("struct ") || x.startsWith("enum ") || x.equals("op_fn");
            if (!typeName) add(cmds, ours, "print " + x, "print " + x, orError(() -> "$ = " + fmt.format(ev.evaluate(x))));
            add(cmds, ours, "ptype " + x, "ptype " + x, orError(() -> "type = " + TypeNames.ptype(ev.typeOf(x))));
            add(cmds, ours, "whatis " + x, "whatis " + x, orError(() -> "type = " + ev.whatis(x)));
        }
        compare(name, ours, TestBinaries.gdb(bin, cmds), 98.0);
    }

    /** Compares our answers with gdb's (split at the echo markers), prints mismatches, asserts the threshold. */
    private static void compare(String name, Map<String, String> ours, String gdbOut, double threshold) {
        Map<String, String> gdb = splitByMarker(gdbOut);
        int ok = 0;
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, String> e : ours.entrySet()) {
            String expect = gdb.getOrDefault(e.getKey().replace("\\", "<backslash>"), "<missing>").replaceAll("(?m)^\\$\\d+ = ", "\\$ = ");
            if (e.getKey().equals("frame 1")) expect = expect.lines().findFirst().orElse(""); // drop the source line
            if (expect.equals(e.getValue())) ok++;
            else bad.add(e.getKey() + "\n    gdb:  " + expect.replace("\n", "\n          ") + "\n    ours: " + e.getValue().replace("\n", "\n          "));
        }
        double pct = 100.0 * ok / ours.size();
        System.out.printf("[gdb-values] %s: %.2f%% identical (%d/%d)%n", name, pct, ok, ours.size());
        bad.forEach(b -> System.out.println("  mismatch " + b));
        assertTrue(pct >= threshold, "agreement " + pct + "%: " + bad);
    }

    /**
     * C++ (g++ -g -O0 of test-binaries/sym_cpp.cpp, compiled here because the Makefile builds C and
     * Rust only): classes with bases, references, namespaces, enum class. Threshold 85%: without a
     * demangler (another package) {@code <vtable for geo::Circle+16>} shows as a mangled name.
     */
    @org.junit.jupiter.api.Test
    void cplusplusValuesAgreeWithGdb() throws Exception {
        Path bin = compiledCpp("sym_cpp");
        Path corePath = TestBinaries.coreAt(TestBinaries.binary("sym_cpp"), "cpp_stop", TestBinaries.sharedTmp());
        Caller caller = callerScope(bin, corePath);
        FrameScope s1 = caller.scope();
        ValueFormatter fmt = caller.formatter();
        Evaluator ev = new Evaluator(new ScopeContext(s1));
        Map<String, String> ours = new LinkedHashMap<>();
        List<String> cmds = new ArrayList<>(List.of("core-file " + corePath));
        add(cmds, ours, "frame 1", "frame 1", s1.frameLine(1, caller.pc(), fmt));
        add(cmds, ours, "info args", "info args", String.join("\n", s1.describe(s1.args(), fmt)));
        add(cmds, ours, "info locals", "info locals", String.join("\n", s1.describe(s1.locals(), fmt)));
        for (String x : List.of("g_int", "g_pair", "g_plain", "g_circle", "g_ref", "g_mode", "geo::detail::counter", "*s",
                "p", "ref", "s->id", "p.second + ref", "g_circle.radius * 2", "g_plain.name")) {
            add(cmds, ours, "print " + x, "print " + x, orError(() -> "$ = " + fmt.format(ev.evaluate(x))));
            add(cmds, ours, "whatis " + x, "whatis " + x, orError(() -> "type = " + ev.whatis(x)));
        }
        compare("sym_cpp", ours, TestBinaries.gdb(bin, cmds), 85.0);
    }

    /**
     * Rust (DWARF 4): at {@code sym_rust::inspect} and at main's line 56, gdb's built-in Rust syntax
     * for &str, slices, Option, struct-like and tuple-like enum variants, arrays. Threshold 90%.
     * (Items that crash gdb 13 itself, e.g. {@code print *h}, are left out.)
     */
    @org.junit.jupiter.api.Test
    void rustValuesAgreeWithGdb() {
        Path bin = TestBinaries.binary("sym_rust");
        Map<String, String> ours = new LinkedHashMap<>();
        List<String> cmds = new ArrayList<>();
        Map<String, List<String>> stops = new LinkedHashMap<>();
        stops.put("sym_rust::inspect", List.of("h.id", "h.label", "h.slice", "h.maybe", "h.nothing", "h.shape", "h.items.len", "h.id * 2 + 1",
                "h", "h.items"));
        stops.put("sym_rust.rs:56", List.of("data", "data[1]", "shapes[0]", "shapes[1]", "h.shape", "h.label"));
        for (Map.Entry<String, List<String>> stop : stops.entrySet()) {
            Path corePath = TestBinaries.coreAt(bin, stop.getKey(), TestBinaries.sharedTmp());
            CoreDump core = CoreDump.open(corePath);
            long bias = CoreTarget.bias(core, bin);
            ElfFile elf = ElfFile.open(bin);
            ModuleSymbols m = new ModuleSymbols(elf, Optional.of(elf), bias, Demangler.NONE);
            ModuleEval me = new ModuleEval(m);
            ValueFormatter fmt = me.formatter();
            CoreTarget f0 = CoreTarget.frame(core, 0, false);
            FrameScope s0 = me.frame(f0, true);
            Evaluator ev = me.evaluator(s0, new java.util.HashMap<>());
            cmds.add("echo @@core\\n");
            cmds.add("core-file " + corePath);
            String k = stop.getKey() + " ";
            if (stop.getKey().contains("inspect")) add(cmds, ours, k + "info args", "info args", String.join("\n", s0.describe(s0.args(), fmt)));
            for (String x : stop.getValue()) {
                add(cmds, ours, k + "print " + x, "print " + x, orError(() -> "$ = " + fmt.format(ev.evaluate(x))));
                if (!x.contains(" ")) add(cmds, ours, k + "whatis " + x, "whatis " + x, orError(() -> "type = " + ev.typeOf(x).name()));
                if (!x.contains(" ")) add(cmds, ours, k + "ptype " + x, "ptype " + x, orError(() -> "type = " + TypeNames.ptype(ev.typeOf(x))));
            }
        }
        compare("sym_rust", ours, TestBinaries.gdb(bin, cmds), 90.0);
    }

    /**
     * A Makefile-built fixture, or a DWARF 4 variant compiled here ({@code -gdwarf-4
     * -fdebug-types-section}: .debug_loc, .debug_ranges, .debug_types, GNU call sites).
     */
    public static Path fixture(String name) {
        if (!name.contains("-dwarf4")) return TestBinaries.binary(name);
        String base = name.substring(0, name.indexOf("-dwarf4"));
        String suffix = name.substring(base.length() + 1);
        return TestBinaries.variant(base, suffix, "-gdwarf-4", "-fdebug-types-section", suffix.endsWith("-O2") ? "-O2" : "-O0");
    }

    /** test-binaries/NAME.cpp built with g++ -g -O0 (the Makefile builds C and Rust only), rebuilt when stale. */
    static Path compiledCpp(String name) throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestBinaries.hasTool("g++"), "g++ absent");
        Path src = Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", name + ".cpp");
        Path bin = TestBinaries.dir().resolve(name);
        if (!java.nio.file.Files.isRegularFile(bin) || java.nio.file.Files.getLastModifiedTime(bin).compareTo(java.nio.file.Files.getLastModifiedTime(src)) < 0) {
            TestBinaries.run(List.of("g++", "-g", "-O0", "-fno-omit-frame-pointer", "-o", bin.toString(), src.toString()));
        }
        return bin;
    }

    /** Frame 1's scope, a formatter naming bin's symbols, and frame 1's pc (a return address). */
    record Caller(FrameScope scope, ValueFormatter formatter, long pc) {}

    /** Frame 1 (the caller of the function the core stopped in) of a core of bin. */
    static Caller callerScope(Path bin, Path corePath) {
        CoreDump core = CoreDump.open(corePath);
        ElfFile elf = ElfFile.open(bin);
        ModuleSymbols m = new ModuleSymbols(elf, Optional.of(elf), CoreTarget.bias(core, bin), Demangler.NONE);
        CoreTarget f1 = CoreTarget.frame(core, 1, false);
        return new Caller(new FrameScope(m, new TypeFactory(), new GlobalVariables(m.dwarf().orElseThrow()), f1, f1.pc() - 1),
                new ValueFormatter(m::symbolize), f1.pc());
    }

    /** The answer, or the one-line error message as gdb would print it instead. */
    static String orError(java.util.function.Supplier<String> answer) {
        try {
            return answer.get();
        } catch (io.jrrtui.util.JrrException e) {
            return e.getMessage();
        }
    }

    private static void add(List<String> cmds, Map<String, String> ours, String key, String cmd, String value) {
        cmds.add("echo @@" + key.replace("\\", "<backslash>") + "\\n");
        cmds.add(cmd);
        ours.put(key, value);
    }

    static Map<String, String> splitByMarker(String out) {
        Map<String, String> map = new LinkedHashMap<>();
        String key = null;
        StringBuilder cur = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("@@")) {
                if (key != null) map.put(key, cur.toString().strip());
                key = line.substring(2);
                cur.setLength(0);
            } else if (key != null) {
                cur.append(line).append("\n");
            }
        }
        if (key != null) map.put(key, cur.toString().strip());
        return map;
    }
}
