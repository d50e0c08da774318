package io.jrrtui.symbols;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.elf.TestBinaries;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares addresses ↔ source answers with gdb on the same binary (file addresses, no process):
 * {@code info line *ADDR}, {@code info symbol ADDR} for every other address of .text, and the
 * locations of {@code break FUNC} for every function and {@code break FILE:LINE} for every line.
 * Thresholds: 98% for lines and breakpoints, 99% for symbols.
 */
class GdbDifferentialTest {
    private static final Pattern INFO_LINE = Pattern.compile("^Line (\\d+) of \"([^\"]+)\"");
    private static final Pattern INFO_SYMBOL = Pattern.compile("^(.+?) in section (\\S+)");
    private static final Pattern BP_LOC = Pattern.compile("^(\\d+)(?:\\.\\d+)?\\s+.*?(0x[0-9a-f]+)\\s+in\\s+(\\S+)\\s+at\\s+(\\S+):(\\d+)");
    private static final Pattern BP_ONE = Pattern.compile("^(\\d+)\\s+breakpoint\\s+keep\\s+y\\s+(0x[0-9a-f]+)");

    @ParameterizedTest
    @ValueSource(strings = {"sym_types", "sym_types-O2", "sym_values", "sym_values-O2", "hello", "hello-O2"})
    void linesAndSymbolsAgree(String name) throws Exception {
        Path bin = TestBinaries.binary(name);
        ModuleSymbols m = ModuleSymbols.load(bin, 0);
        ElfSection text = m.elf().section(".text").orElseThrow();
        List<Long> addrs = new ArrayList<>();
        for (long a = text.addr(); a < text.addr() + text.size(); a += 2) addrs.add(a);
        List<String> cmds = new ArrayList<>();
        for (long a : addrs) {
            cmds.add("echo @@" + Long.toHexString(a) + "\\n");
            cmds.add("info line *0x" + Long.toHexString(a));
            cmds.add("info symbol 0x" + Long.toHexString(a));
        }
        Map<Long, List<String>> gdb = split(TestBinaries.gdb(bin, cmds));
        int lineOk = 0, symOk = 0;
        List<String> lineBad = new ArrayList<>(), symBad = new ArrayList<>();
        for (long a : addrs) {
            List<String> out = gdb.getOrDefault(a, List.of());
            String gl = out.isEmpty() ? "" : out.get(0);
            String gs = out.size() > 1 ? out.get(1) : "";
            Matcher lm = INFO_LINE.matcher(gl);
            String expectLine = lm.find() ? base(lm.group(2)) + ":" + lm.group(1) : "none";
            Optional<SourceLine> ours = m.lineAt(a);
            String gotLine = ours.map(s -> s.baseName() + ":" + s.line()).orElse("none");
            if (expectLine.equals(gotLine)) lineOk++; else lineBad.add(Long.toHexString(a) + " gdb=" + expectLine + " ours=" + gotLine);
            Matcher sm = INFO_SYMBOL.matcher(gs);
            String expectSym = sm.find() ? sm.group(1) : "none";
            String gotSym = m.elfSymbolAt(a).orElse("none");
            if (expectSym.equals(gotSym)) symOk++; else symBad.add(Long.toHexString(a) + " gdb=" + expectSym + " ours=" + gotSym);
        }
        double linePct = 100.0 * lineOk / addrs.size(), symPct = 100.0 * symOk / addrs.size();
        System.out.printf("[gdb-diff] %s: info line agreement %.2f%% (%d/%d), info symbol %.2f%% (%d/%d)%n",
                name, linePct, lineOk, addrs.size(), symPct, symOk, addrs.size());
        lineBad.stream().limit(15).forEach(s -> System.out.println("  line mismatch " + s));
        symBad.stream().limit(10).forEach(s -> System.out.println("  symbol mismatch " + s));
        assertTrue(linePct >= 98.0, "info line agreement " + linePct);
        assertTrue(symPct >= 99.0, "info symbol agreement " + symPct);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sym_types", "sym_types-O2", "sym_values", "sym_values-O2", "hello", "hello-O2"})
    void breakpointsAgree(String name) throws Exception {
        Path bin = TestBinaries.binary(name);
        ModuleSymbols m = ModuleSymbols.load(bin, 0);
        Set<String> funcs = new TreeSet<>();
        for (FunctionInfo f : m.functions()) funcs.add(f.name());
        String src = name.replace("-O2", "") + ".c";
        int lines = (int) Files.lines(Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", src)).count();
        List<String> locations = new ArrayList<>(funcs);
        for (int l = 1; l <= lines + 2; l++) locations.add(src + ":" + l);
        List<String> cmds = new ArrayList<>();
        for (String loc : locations) cmds.add("break " + loc);
        cmds.add("info breakpoints");
        String out = TestBinaries.gdb(bin, cmds);
        double pct = compareBreakpoints(name, m, locations, out);
        assertTrue(pct >= 98.0, "breakpoint agreement " + pct);
    }

    /** Compares our breakpoint addresses with gdb's {@code break} + {@code info breakpoints} output. */
    private static double compareBreakpoints(String name, ModuleSymbols m, List<String> locations, String out) {
        // Breakpoint numbers are assigned in order to the commands that succeeded.
        Map<Integer, Set<Long>> byNumber = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            Matcher a = BP_LOC.matcher(line);
            Matcher b = BP_ONE.matcher(line);
            if (a.find()) byNumber.computeIfAbsent(Integer.parseInt(a.group(1)), k -> new TreeSet<>()).add(Long.decode(a.group(2)));
            else if (b.find()) byNumber.computeIfAbsent(Integer.parseInt(b.group(1)), k -> new TreeSet<>()).add(Long.decode(b.group(2)));
        }
        List<Boolean> gdbOk = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("Breakpoint ") && line.contains(" at ")) gdbOk.add(true);
            else if (line.startsWith("No line ") || line.startsWith("Function \"") || line.startsWith("Line ") && line.contains("out of range"))
                gdbOk.add(false);
        }
        int ok = 0, n = 0, num = 0;
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            boolean gdbHas = i < gdbOk.size() && gdbOk.get(i);
            Set<Long> expect = gdbHas ? byNumber.getOrDefault(++num, Set.of()) : Set.of();
            Set<Long> got = new TreeSet<>();
            try {
                for (BreakpointLocation b : m.breakpointAddresses(locations.get(i))) got.add(b.address());
            } catch (JrrException e) {
                // no location: matches gdb's error
            }
            n++;
            if (expect.equals(got)) ok++;
            else bad.add(locations.get(i) + " gdb=" + hex(expect) + " ours=" + hex(got));
        }
        double pct = 100.0 * ok / n;
        System.out.printf("[gdb-diff] %s: breakpoint agreement %.2f%% (%d/%d)%n", name, pct, ok, n);
        bad.stream().limit(15).forEach(s -> System.out.println("  break mismatch " + s));
        return pct;
    }

    /** Rust (DWARF 4, LLVM line tables with prologue_end): lines and breakpoints of the fixture crate. */
    @org.junit.jupiter.api.Test
    void rustAgrees() throws Exception {
        Path bin = TestBinaries.binary("sym_rust");
        ModuleSymbols m = ModuleSymbols.load(bin, 0);
        List<FunctionInfo> mine = new ArrayList<>();
        for (FunctionInfo f : m.functions()) if (f.name().startsWith("sym_rust::")) mine.add(f);
        assertTrue(mine.size() >= 4, "crate functions: " + mine);
        List<Long> addrs = new ArrayList<>();
        for (FunctionInfo f : mine) for (long a = f.lowPc(); a < f.highPc(); a += 3) addrs.add(a);
        List<String> cmds = new ArrayList<>();
        for (long a : addrs) {
            cmds.add("echo @@" + Long.toHexString(a) + "\\n");
            cmds.add("info line *0x" + Long.toHexString(a));
        }
        List<String> locations = new ArrayList<>();
        for (FunctionInfo f : mine) locations.add(f.name());
        for (int l = 1; l <= 62; l++) locations.add("sym_rust.rs:" + l);
        cmds.add("echo @@0\\n");
        for (String loc : locations) cmds.add("break " + loc);
        cmds.add("info breakpoints");
        String out = TestBinaries.gdb(bin, cmds);
        Map<Long, List<String>> gdb = split(out);
        int lineOk = 0;
        List<String> lineBad = new ArrayList<>();
        for (long a : addrs) {
            List<String> o = gdb.getOrDefault(a, List.of());
            Matcher lm = INFO_LINE.matcher(o.isEmpty() ? "" : o.get(0));
            String expect = lm.find() ? base(lm.group(2)) + ":" + lm.group(1) : "none";
            String got = m.lineAt(a).map(s -> s.baseName() + ":" + s.line()).orElse("none");
            if (expect.equals(got)) lineOk++; else lineBad.add(Long.toHexString(a) + " gdb=" + expect + " ours=" + got);
        }
        double linePct = 100.0 * lineOk / addrs.size();
        System.out.printf("[gdb-diff] sym_rust: info line agreement %.2f%% (%d/%d)%n", linePct, lineOk, addrs.size());
        lineBad.stream().limit(15).forEach(s -> System.out.println("  line mismatch " + s));
        double bpPct = compareBreakpoints("sym_rust", m, locations, String.join("\n", gdb.getOrDefault(0L, List.of())));
        assertTrue(linePct >= 97.0, "info line agreement " + linePct);
        assertTrue(bpPct >= 95.0, "breakpoint agreement " + bpPct);
    }

    private static String hex(Set<Long> s) {
        List<String> o = new ArrayList<>();
        for (long v : s) o.add("0x" + Long.toHexString(v));
        return o.toString();
    }

    static String base(String f) {
        int i = f.lastIndexOf('/');
        return i < 0 ? f : f.substring(i + 1);
    }

    /** Splits gdb output at the {@code @@ADDR} markers echoed between query groups. */
    static Map<Long, List<String>> split(String out) {
        Map<Long, List<String>> map = new LinkedHashMap<>();
        List<String> cur = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("@@")) {
                cur = new ArrayList<>();
                map.put(Long.parseUnsignedLong(line.substring(2).trim(), 16), cur);
            } else if (cur != null) {
                cur.add(line);
            }
        }
        return map;
    }

}
