package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gdb parity (issue 15): the same command sequences, forward and backward, on a replay and under
 * gdb's own reverse execution ({@code record full}) of the same binary; every command's output
 * (stops, backtraces, printed values) is compared block by block and the agreement rate printed.
 * glibc's AVX paths are turned off for gdb, whose record full cannot follow them, and gdb uses
 * software watchpoints (hardware ones never fire on these VMs).
 */
class ParityOracleTest {
    @TempDir
    static Path tmp;
    private static Path trace;

    private static final String GLIBC_TUNABLES = "glibc.cpu.hwcaps=-AVX2_Usable,-AVX_Usable,-AVX512F_Usable,-AVX_Fast_Unaligned_Load,-ERMS";

    @BeforeAll
    static void record() {
        trace = tmp.resolve("par_rev");
        Jrr.recordQuietly(trace, tmp.resolve("out"), "par_rev");
    }

    /** Scenario name → commands after "break main", "run" (gdb then starts recording). */
    static final Map<String, List<String>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("reverse-step out of a first line", List.of("next", "next", "next", "next", "step", "bt",
                "reverse-step", "bt", "reverse-step", "bt", "reverse-next", "bt", "step", "bt"));
        SCENARIOS.put("reverse-next over a line of two calls", List.of("next", "next", "next", "reverse-next", "bt",
                "reverse-next", "bt", "next", "bt", "next", "bt"));
        SCENARIOS.put("reverse-step into the last call of a line", List.of("next", "next", "next", "reverse-step", "bt",
                "reverse-step", "bt", "reverse-step", "bt", "reverse-step", "bt", "step", "bt", "step", "bt"));
        SCENARIOS.put("reverse-step never lands in an earlier call", List.of("break f1", "continue", "continue", "finish",
                "reverse-step", "bt", "print x", "print y", "step", "bt", "print y", "reverse-finish", "bt"));
        SCENARIOS.put("stepi runs then reverse-step", List.of("next", "stepi", "stepi", "stepi", "stepi", "bt",
                "reverse-step", "bt", "stepi", "stepi", "stepi", "reverse-next", "bt", "reverse-stepi", "reverse-stepi", "bt",
                "reverse-next", "bt"));
        SCENARIOS.put("until a location in a recursion", List.of("break depth", "continue", "continue", "delete", "bt", "until 44",
                "bt", "print here", "until 44", "bt", "print here", "reverse-step", "bt"));
        SCENARIOS.put("finish with float and double", List.of("break half", "break third", "continue", "finish", "continue",
                "finish", "reverse-finish", "bt", "reverse-continue", "bt"));
        SCENARIOS.put("watch in reverse: old and new as you move", List.of("until 66", "watch cur->val", "reverse-continue",
                "bt", "reverse-continue", "bt", "continue", "continue", "print cur->val"));
        SCENARIOS.put("watch -l keeps the address", List.of("until 62", "watch -l cur->val", "continue", "until 66",
                "print cur->val", "print nodes[0].val", "reverse-continue", "bt"));
        SCENARIOS.put("watch re-evaluates its expression", List.of("until 62", "watch cur->val", "continue", "continue",
                "continue", "continue", "bt", "reverse-continue", "reverse-continue", "reverse-continue", "bt"));
        SCENARIOS.put("watch a local to its scope end", List.of("break counted", "continue", "watch acc", "continue", "continue",
                "continue", "continue", "continue", "bt"));
        SCENARIOS.put("reverse watch of the write just before", List.of("until 63", "watch nodes[0].val", "reverse-continue",
                "bt", "print nodes[0].val"));
        SCENARIOS.put("small answers", List.of("break *f1", "break *f1+10", "info line f2", "info line 58", "break par_rev.c:9999",
                "info watchpoints", "watch total", "info watchpoints", "delete", "break f1", "continue", "continue 2", "bt",
                "info breakpoints", "break depth", "break counted", "continue", "delete 6", "continue 2", "bt", "info breakpoints"));
        SCENARIOS.put("reverse-step into a shared library", List.of("until 70", "reverse-step", "bt", "reverse-step", "bt",
                "reverse-finish", "bt", "next", "bt"));
        SCENARIOS.put("data commands", List.of("until 66", "whatis a", "whatis nodes", "whatis nodes[0]", "whatis &nodes[1]",
                "whatis half", "whatis struct node", "ptype struct node", "ptype struct nosuch", "ptype union nosuch",
                "print sizeof(struct node)", "print arr[2]@3", "print *arr@2", "print/x arr", "print/x nodes[1]", "print/x *cur",
                "x/2dw arr", "x/2f &t", "output t", "set pagination off", "set width 0", "set confirm off", "show pagination",
                "set print pretty on", "print nodes[1]", "print nodes", "set print pretty off", "print nodes[1]",
                "info symbol nodes", "info address total", "info address main", "info functions ^f[12]$",
                "info variables ^total$", "list 20,23", "list -", "list 40,41", "list", "info source"));
        SCENARIOS.put("breakpoint commands", List.of("break depth", "condition 2 n == 1", "continue", "bt", "condition 2",
                "ignore 2 1", "info breakpoints", "tbreak counted", "continue", "print n", "rbreak ^f[12]$", "info breakpoints",
                "delete", "info breakpoints"));
        SCENARIOS.put("breakpoint command lists", List.of("break depth", "commands 2\nsilent\nprint n\nbt 1\nend",
                "info breakpoints", "continue", "continue", "break counted", "commands\nprint n\nnext\nprint acc\nend",
                "commands 2\nprint n\ncontinue\nend", "info breakpoints", "continue", "bt", "commands 9",
                "commands 3\nend", "info breakpoints", "reverse-continue", "bt"));
        SCENARIOS.put("tbreak, until and advance", List.of("tbreak f2", "info breakpoints", "continue", "info breakpoints", "bt",
                "advance 60", "until", "until", "advance depth", "bt", "until", "until", "until 44", "bt", "advance counted", "bt"));
        SCENARIOS.put("info frame", List.of("info frame", "break *depth", "continue", "info frame", "stepi", "info frame",
                "delete", "break 44", "continue", "up", "info frame", "frame 4", "info frame", "frame 0", "stepi", "stepi", "info frame", "info frame 2", "info frame 9"));
        SCENARIOS.put("printf and strings", List.of("until 66",
                "printf \"%d|%5d|%-5d|%05d|%+d|%x|%#x|%o|%u|%c|%lu|%ld|%%|%.4d|%X\\n\", a, a, a, a, a, -1, 255, 8, -1, 65, -1, -1, a, 48879",
                "printf \"%s|%10.3s|%-6s|%s|\\n\", par_name, par_name, par_tag, &par_tag[1]",
                "printf \"%f|%e|%g|%.3g|%#g|%10.2f|%G\\n\", h, t, t, t, h, t, t * 1e30",
                "printf \"%g|%g|%f\\n\", total, a, (long) a",
                "printf \"%p|%p|%5c|\\n\", cur, 0, 66",
                "printf \"a\\tb\\\\\\\"q\\\"\\n\"",
                "printf \"%s\\n\", nodes[0].val", "printf", "printf abc", "printf \"%d %d\\n\", 1", "printf \"%q\\n\", 5",
                "printf \"%d\\n\", a, a", "x/s par_name", "x/s par_tag", "x/2s par_tag", "output par_name",
                "print par_tag", "print/x par_tag", "print par_name", "print par_name + 1", "print &par_tag[1]",
                "print (char *)nodes", "print/x (char *) par_tag"));
    }

    /**
     * Differences not closed yet ("scenario #command-number"), each listed in the output: a step
     * that ends in another instance of the same function prints only the source line (the printer
     * compares function names; gdb compares frames); in libc, gdb names atoi by its internal alias
     * (__GI_atoi) and stops there inside a line-table row (the file is named alike since part 6:
     * ./stdlib/atoi.c); after a reverse-finish to a call through the PLT, gdb's next prints the
     * frame line.
     */
    static final java.util.Set<String> KNOWN_GAPS = java.util.Set.of("until a location in a recursion #12",
            "reverse-step into a shared library #4", "reverse-step into a shared library #5", "reverse-step into a shared library #8");

    @Test
    void commandOutputAgreesWithGdbRecordFull() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        int agree = 0, total = 0;
        List<String> differences = new ArrayList<>();
        List<String> known = new ArrayList<>();
        String only = System.getProperty("parity.only", "");
        for (var e : SCENARIOS.entrySet()) {
            if (!e.getKey().contains(only)) continue;
            List<String> gdb = gdbBlocks(e.getValue());
            List<String> ours = ourBlocks(e.getValue());
            for (int i = 0; i < e.getValue().size(); i++) {
                String g = i < gdb.size() ? gdb.get(i) : "<missing>";
                String o = ours.get(i);
                total++;
                if (g.equals(o)) agree++;
                else {
                    String key = e.getKey() + " #" + (i + 1);
                    String text = key + " " + e.getValue().get(i) + "\n  gdb:  " + g.replace("\n", "\n        ")
                            + "\n  ours: " + o.replace("\n", "\n        ");
                    (KNOWN_GAPS.contains(key) ? known : differences).add(text);
                }
            }
        }
        System.out.printf("gdb parity: %d/%d command outputs agree (%.1f%%)%n", agree, total, 100.0 * agree / total);
        differences.forEach(System.out::println);
        System.out.println("known gaps:");
        known.forEach(System.out::println);
        assertEquals(List.of(), differences, "outputs that differ from gdb's (other than the known gaps)");
    }

    /**
     * Calls run in a forked copy (FunctionCallOracleTest compares them with gdb); $_siginfo and x of
     * a literal are refused with the reason, never with a value.
     */
    @Test
    void callsRunInACopySiginfoAndLiteralsAreRefusedWithTheReason() {
        List<String> out = ourBlocks(List.of("until 66", "print f1(2)", "call f1(2)", "output a + f2(1)", "print $_siginfo",
                "print $_siginfo.si_signo", "x/s \"abc\"", "print nosuch(1)", "print sizeof(a)", "commands", "info breakpoints"));
        assertEquals("$1 = 4\n(The call ran in a forked copy of the program; its side effects are discarded, the replay is unchanged.)",
                out.get(1));
        assertEquals("$2 = 4", out.get(2));
        assertEquals("21", out.get(3)); // a is 19 there: 19 + f2(1)
        assertTrue(out.get(4).startsWith("$_siginfo is not available in jrrtui"), out.get(4));
        assertTrue(out.get(5).startsWith("$_siginfo is not available in jrrtui"), out.get(5));
        assertTrue(out.get(6).startsWith("x of a string literal is not possible in a replay"), out.get(6));
        assertEquals("No symbol \"nosuch\" in current context.", out.get(7));
        assertEquals("$3 = 4", out.get(8));
    }

    /** save breakpoints writes command lists as gdb does, and sourcing the file brings them back. */
    @Test
    void savedBreakpointsKeepTheirCommandLists() throws IOException {
        Path file = tmp.resolve("saved.gdb");
        ourBlocks(List.of("break depth", "commands\nsilent\nprint n\nend", "save breakpoints " + file));
        assertEquals("break main\nbreak depth\n  commands\n    silent\n    print n\n  end\n", Files.readString(file));
        List<String> out = ourBlocks(List.of("delete", "source " + file, "info breakpoints", "continue"));
        assertTrue(out.get(2).endsWith("in depth at par_rev.c:41\n        silent\n        print n"), out.get(2));
        assertEquals("$1 = 3", out.get(3).replace("Continuing.\n", ""));
    }

    private static final List<String> PROLOGUE = List.of("break main", "run");
    /** The printf line of par_rev.c: gdb's record full cannot follow printf's vector code, and no scenario goes there. */
    private static final int LAST_LINE = 70;

    private List<String> gdbBlocks(List<String> commands) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/gdb", "-nx", "-batch", "-ex", "set pagination off",
                "-ex", "set can-use-hw-watchpoints 0", "-ex", "set startup-with-shell off"));
        for (String c : PROLOGUE) cmd.addAll(List.of("-ex", c));
        // record the whole span once, then replay it from main: forward moves never meet the log's end
        cmd.addAll(List.of("-ex", "record full", "-ex", "advance " + LAST_LINE, "-ex", "record goto begin"));
        for (String c : commands) cmd.addAll(List.of("-ex", "echo @@@\\n", "-ex", gdbCommand(c)));
        cmd.add(Jrr.binary("par_rev").toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GLIBC_TUNABLES", GLIBC_TUNABLES);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String[] parts = out.split("@@@\n", -1);
        List<String> blocks = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String block = parts[i];
            // a forward move that reaches the end of gdb's log (LAST_LINE, by construction) is told so
            if (!commands.get(i - 1).startsWith("reverse") && block.contains(":" + LAST_LINE + "\n")) {
                block = block.replace("No more reverse-execution history.\n", "");
            }
            blocks.add(normalize(block));
        }
        return blocks;
    }

    /** A command of several lines (commands ... end) reaches gdb as a sourced file; -ex takes one line. */
    private static String gdbCommand(String c) throws IOException {
        if (!c.contains("\n")) return c;
        Path file = Files.createTempFile(tmp, "commands", ".gdb");
        Files.writeString(file, c + "\n");
        return "source " + file;
    }

    private List<String> ourBlocks(List<String> commands) {
        return ReplBlocks.ours(trace, out -> OutputSink.DISCARD, PROLOGUE, commands, (c, block) -> normalize(block));
    }

    /** Addresses and pids differ between runs; gdb's chatter and the program's output are not compared. */
    static String normalize(String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.startsWith("warning: ") || line.contains("libthread_db") || line.contains("[answered N; input not from terminal]") || line.matches(TYPED_ONLY)
                    || line.matches("\\d+ \\d+ [\\d.]+ [\\d.]+")) {
                continue;
            }
            // gdb is told to use software watchpoints (hardware ones never fire on these VMs)
            line = line.replace("Hardware watchpoint", "Watchpoint").replace("hw watchpoint  ", "watchpoint     ");
            sb.append(line.replaceAll("0x[0-9a-f]+", "ADDR").replaceAll("process \\d+", "process N").stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }

    /** Lines gdb prints only for a command typed at a terminal. */
    private static final String TYPED_ONLY =
            "Continuing\\.|Run till exit from .*|Run back to call of .*|Will ignore next .*|\\(More stack frames follow\\.\\.\\.\\)|Not stopped at any breakpoint; argument ignored\\.|Breakpoint \\d+ now unconditional\\.";
}
