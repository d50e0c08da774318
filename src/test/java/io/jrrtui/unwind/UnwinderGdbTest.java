package io.jrrtui.unwind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.demangle.Demangler;
import io.jrrtui.demangle.OracleTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of the unwinder against gdb: gdb stops uw_stack in stop_here, writes a core and
 * prints {@code info frame} for every frame; we unwind the same core and compare pc and CFA of each
 * real frame (gdb's inline and tail-call frames are virtual: they have no CFA of their own).
 */
class UnwinderGdbTest {
    private static final Pattern LEVEL = Pattern.compile("^Stack level (\\d+), frame at (0x[0-9a-f]+):");
    /** Registers compared in every frame: the callee-saved ones locals live in, and the stack pointer. */
    private static final List<String> COMPARED = List.of("rbx", "rbp", "rsp", "r12", "r13", "r14", "r15");
    private static final Pattern REG = Pattern.compile("^(\\w+)\\s+(0x[0-9a-f]+|<not saved>)");
    private static final Pattern RIP = Pattern.compile("^ rip = (0x[0-9a-f]+)(?: in (\\S+))?");

    @TempDir
    Path tmp;

    record GdbFrame(long pc, long cfa, String function, boolean virtual) {
    }

    /** Per frame (virtual ones included), register name to value (null = not saved). */
    private static List<java.util.Map<String, Long>> parseRegisters(String out) {
        List<java.util.Map<String, Long>> frames = new ArrayList<>();
        int at = out.indexOf("REGISTERS\n");
        if (at < 0) {
            return frames;
        }
        java.util.Map<String, Long> cur = null;
        for (String line : out.substring(at).split("\n")) {
            Matcher m = REG.matcher(line);
            if (!m.find() || !COMPARED.contains(m.group(1))) {
                continue;
            }
            if (m.group(1).equals(COMPARED.get(0))) {
                cur = new java.util.HashMap<>();
                frames.add(cur);
            }
            if (cur != null) {
                cur.put(m.group(1), m.group(2).startsWith("0x") ? Long.parseUnsignedLong(m.group(2).substring(2), 16)
                        : null);
            }
        }
        return frames;
    }

    private static List<GdbFrame> parse(String out) {
        List<GdbFrame> frames = new ArrayList<>();
        long cfa = 0;
        long pc = 0;
        String fn = "??";
        boolean inFrame = false;
        boolean virtual = false;
        for (String line : out.split("\n")) {
            Matcher l = LEVEL.matcher(line);
            if (l.find()) {
                if (inFrame) {
                    frames.add(new GdbFrame(pc, cfa, fn, virtual));
                }
                inFrame = true;
                virtual = false;
                cfa = Long.parseUnsignedLong(l.group(2).substring(2), 16);
                continue;
            }
            Matcher r = RIP.matcher(line);
            if (inFrame && r.find()) {
                pc = Long.parseUnsignedLong(r.group(1).substring(2), 16);
                fn = r.group(2) == null ? "??" : r.group(2);
            }
            if (line.contains("tail call frame") || line.contains("inlined into frame")) {
                virtual = true;
            }
        }
        if (inFrame) {
            frames.add(new GdbFrame(pc, cfa, fn, virtual));
        }
        return frames;
    }

    @ParameterizedTest
    @CsvSource({"recurse,uw_stack,stop_here", "fnptr,uw_stack,stop_here", "signal,uw_stack,stop_here",
        "qsort,uw_stack,stop_here", "recurse,uw_stack-O2,stop_here", "signal,uw_stack-O2,stop_here",
        "qsort,uw_stack-O2,stop_here", "-,uw_rust_names,uw_rust_names::total"})
    void framesMatchGdb(String mode, String binary, String breakpoint) throws Exception {
        Assumptions.assumeTrue(OracleTool.exists("gdb"), "gdb is not installed: no oracle to compare with");
        Path bin = Path.of(System.getProperty("jrrtui.testBinaries"), binary);
        Assumptions.assumeTrue(Files.exists(bin), bin + " was not built (no rustc?)");
        Path core = tmp.resolve(mode + ".core");
        String out = OracleTool.run(List.of("gdb", "-nx", "-batch", "-ex", "set debuginfod enabled off",
                "-ex", "set backtrace past-main on", "-ex", "set backtrace past-entry on",
                "-ex", "handle SIGUSR1 nostop noprint pass", "-ex", "break " + breakpoint, "-ex", "run",
                "-ex", "gcore " + core, "-ex", "frame apply all -q info frame",
                "-ex", "echo REGISTERS\\n", "-ex", "frame apply all -q info registers " + String.join(" ", COMPARED),
                "--args", bin.toString(), mode),
                null, false);
        Assumptions.assumeTrue(Files.exists(core), "gdb could not run the fixture here (ptrace denied?)");
        List<GdbFrame> all = parse(out);
        List<java.util.Map<String, Long>> allRegs = parseRegisters(out);
        assertEquals(all.size(), allRegs.size(), "gdb register dump per frame");
        List<GdbFrame> expected = new ArrayList<>();
        List<java.util.Map<String, Long>> expectedRegs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).virtual()) {
                expected.add(all.get(i));
                expectedRegs.add(allRegs.get(i));
            }
        }
        assertTrue(expected.size() >= 3, "gdb printed too few frames:\n" + out);

        CoreTarget target = new CoreTarget(core);
        List<Frame> ours = new Unwinder(target, target.modules).unwind(target.registers());
        int same = 0;
        int registersCompared = 0;
        int namesCompared = 0;
        int namesSame = 0;
        int registersSame = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < Math.max(expected.size(), ours.size()); i++) {
            GdbFrame g = i < expected.size() ? expected.get(i) : null;
            Frame f = i < ours.size() ? ours.get(i) : null;
            // gdb reports "frame at 0x0" for the outermost frame (_start: return address undefined)
            boolean outermost = g != null && g.cfa() == 0 && i == expected.size() - 1;
            boolean ok = g != null && f != null && g.pc() == f.pc()
                    && (outermost || f.cfa().isPresent() && g.cfa() == f.cfa().getAsLong());
            int regsSame = 0;
            int regsCompared = 0;
            if (ok) {
                for (String name : COMPARED) {
                    Long theirs = expectedRegs.get(i).get(name);
                    if (theirs != null) {
                        regsCompared++;
                        OptionalLong mine = f.registers().get(Registers.number(name));
                        regsSame += mine.isPresent() && mine.getAsLong() == theirs ? 1 : 0;
                    }
                }
                registersCompared += regsCompared;
                registersSame += regsSame;
            }
            same += ok ? 1 : 0;
            if (ok && f.module().isPresent() && f.module().get().name().equals(bin.toString())) {
                String symbol = target.symbolAt(f.lookupPc());
                String shown = Demangler.demangle(symbol).orElse(symbol);
                String theirs = g.function().replaceAll(";$", "");
                namesCompared++;
                namesSame += theirs.equals(shown) || theirs.startsWith(shown + "<") ? 1 : 0;
            }
            report.append(String.format("#%d gdb %s ours %s%s%n", i,
                    g == null ? "-" : Long.toHexString(g.pc()) + "/" + Long.toHexString(g.cfa()) + " " + g.function(),
                    f == null ? "-" : Long.toHexString(f.pc()) + "/" + f.cfa().stream().mapToObj(Long::toHexString)
                            .findFirst().orElse("?") + " " + Demangler.demangle(target.symbolAt(f.lookupPc())).orElse(target.symbolAt(f.lookupPc()))
                            + " " + f.reachedBy(),
                    ok ? "" : "   <-- differs") + (regsSame != regsCompared ? "   <-- registers differ" : ""));
        }
        System.out.printf("%s %s: %d/%d frames agree with gdb (pc and CFA), %d/%d saved registers, "
                + "%d/%d function names in the program%n%s", binary, mode, same, expected.size(), registersSame,
                registersCompared, namesSame, namesCompared, report);
        if (!binary.startsWith("uw_rust")) {
            // C: ELF symbol names are gdb's names (Rust closures are named differently by DWARF)
            assertEquals(namesCompared, namesSame, "function names differing from gdb\n" + report);
        }
        assertEquals(registersCompared, registersSame, "recovered registers differing from gdb\n" + report);
        assertEquals(expected.size(), ours.size(), "frame count\n" + report);
        assertEquals(expected.size(), same, "frames differing from gdb\n" + report);
        assertTrue(expected.get(0).function().startsWith(breakpoint), report.toString());
    }
}
