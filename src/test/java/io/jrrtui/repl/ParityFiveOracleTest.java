package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
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
 * gdb parity, part 6 (issue 15): enum constants in expressions, print/c of unsigned bytes,
 * {@code disassemble}, {@code x/i} as gdb writes it, names found in the libraries (printf's type,
 * {@code x/i printf}), {@code info types}, the non-debugging symbols of {@code info
 * functions|variables} with gdb's basic regular expressions, and a program without debug
 * information (python3's case). Each command's output on a replay is compared with gdb's on the
 * same binary; the agreement is printed and every difference fails.
 */
class ParityFiveOracleTest {
    @TempDir
    static Path tmp;
    private static Path trace;
    private static Path bare;
    private static Path bareTrace;
    private static Path cpp;
    private static Path cppTrace;
    private static Path threadsTrace;

    /** Threads made and joined one by one: gdb's thread ids (pthread_t and LWP) and its switch lines. */
    static final List<String> THREADS = List.of("break worker", "continue", "thread", "bt 1", "print id", "continue", "thread",
            "print id", "thread 3", "bt 1", "print shared");

    /** C++ questions, compared with gdb on sym_cpp before it runs. */
    static final List<String> CPP = List.of("info functions area", "info functions ^main$", "info types Shape");

    @BeforeAll
    static void record() throws Exception {
        trace = tmp.resolve("par_five");
        Jrr.recordQuietly(trace, tmp.resolve("out"), "par_five");
        // the same program without debug information
        bare = tmp.resolve("par_five_nodebug");
        Process cc = new ProcessBuilder("gcc", "-O0", "-g0", "-o", bare.toString(), Jrr.source("par_five").toString())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), ccOut);
        // C++: methods in info functions
        cpp = Jrr.gxx("sym_cpp", tmp.resolve("sym_cpp"));
        cppTrace = tmp.resolve("cpp");
        Jrr.Run rc = Jrr.run("record", "-q", "-o", cppTrace.toString(), "--stdout", tmp.resolve("out3").toString(), "--", cpp.toString());
        assertEquals(0, rc.status(), rc.errText());
        threadsTrace = tmp.resolve("threads");
        Jrr.recordQuietly(threadsTrace, tmp.resolve("out4"), "par_threads");
        bareTrace = tmp.resolve("bare");
        Jrr.Run r = Jrr.run("record", "-q", "-o", bareTrace.toString(), "--stdout", tmp.resolve("out2").toString(), "--", bare.toString());
        assertEquals(0, r.status(), r.errText());
    }

    /** Commands after "break par_five.c:56" and "run" (main, after both fill calls). */
    static final Map<String, List<String>> LIVE = new LinkedHashMap<>();

    static {
        LIVE.put("enum constants", List.of("print RED", "print GREEN", "print BLUE + 1", "print/d BLUE", "whatis RED", "ptype BLUE",
                "print RED == 0", "print (int)BLUE", "print recs[0].c == GREEN", "print (enum color)6", "output BLUE"));
        LIVE.put("formats", List.of("print/c bytes", "print/c bytes[2]", "print/x bytes", "print/d bytes", "print/c 65",
                "print/c -6", "print/u bytes[2]", "print/c buf"));
        LIVE.put("disassemble", List.of("disassemble", "disassemble square", "disassemble /r square", "disassemble square,+8",
                "disassemble &square,&sum_to", "disassemble /r square,+3", "x/3i $pc", "x/2i square", "break square", "continue",
                "disassemble", "up", "disassemble", "down", "disassemble 0", "disassemble /x"));
        LIVE.put("stepping out mid-line and into a library", List.of("step", "next", "bt", "break fact if n==2", "continue", "next",
                "bt", "next", "step", "step", "step", "bt", "step", "step", "bt"));
        LIVE.put("frames and displays", List.of("break fact if n==2", "continue", "frame function main", "frame level 2",
                "frame function nosuch", "frame function square", "frame level 9", "frame function fact", "display nosuch",
                "display 1 +", "info display", "up", "info display"));
        LIVE.put("frame arguments: aggregates as ...", List.of("break norm", "continue", "bt", "info args", "info frame", "finish",
                "up 0"));
        LIVE.put("lines and lists", List.of("info line par_five.c:32", "info line 32", "info line fact", "info line 9999",
                "info line par_five.c:9999", "break 9999", "break par_five.c:9999", "list 9999", "list 9990,9999", "list fill,+3",
                "list fill,", "list square,fact", "list fill", "list", "list -", "list 20,+2"));
        LIVE.put("info scope and info address", List.of("info scope fill", "info scope main", "info scope par_five.c:51",
                "info scope square", "info scope nosuch", "info scope", "info address local", "info address buf", "info address argc",
                "info address counter", "info address hidden", "info address main", "info address RED"));
        LIVE.put("after the program exited", List.of("continue", "p $_exitcode", "bt", "info frame", "info locals", "info args",
                "info registers rip", "x/2i $pc", "info threads", "p $pc", "frame", "up", "next", "p 1 + 2"));
        LIVE.put("names in the libraries", List.of("print 'par_five.c'::hidden", "print 'par_five.c'::counter", "print 'A'", "ptype printf", "whatis printf", "print sizeof(printf)", "output nosuch_at_all",
                "print $_exitcode"));
    }

    /** Static questions, compared with gdb on the binary before it runs (only the program's symbols are loaded then). */
    static final List<String> STATIC = List.of("info types color", "info types rec", "info types ^point", "info types int$",
            "info types ^nosuch", "info functions ^\\(square\\|fill\\|strcpy@plt\\|printf@plt\\|_init\\|_start\\)$",
            "info variables ^\\(recs\\|counter\\|_IO_stdin_used\\|hidden\\|__dso_handle\\|RED\\)$", "info variables ^_",
            "info functions ^_", "info functions (", "info variables ^gr.d$", "info functions \\(sq\\|fa\\)[a-z]+");

    /** The program without debug information, stopped at fill (an ELF symbol only). */
    static final List<String> NO_DEBUG = List.of("info symbol $pc", "x/3i $pc", "print fill", "print &fill", "whatis fill",
            "ptype fill", "print counter", "print $pc", "info functions ^\\(fill\\|square\\|printf@plt\\)$", "info variables ^counter$",
            "disassemble $pc,+4", "disassemble square", "print fill(0, 0, 0)", "print sizeof(int)", "output 1 + 2");

    @Test
    void replayAgreesWithGdb() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        Path program = Jrr.binary("par_five");
        int agree = 0, total = 0;
        List<String> differences = new ArrayList<>();
        for (var e : LIVE.entrySet()) {
            int[] n = compare(e.getKey(), e.getValue(), ReplBlocks.gdb(program, List.of("break par_five.c:56", "run"), e.getValue(),
                    ParityFiveOracleTest::normalize), ours(trace, List.of("break par_five.c:56", "run"), e.getValue()), differences);
            agree += n[0];
            total += n[1];
        }
        int[] n = compare("static", STATIC, ReplBlocks.gdb(program, List.of(), STATIC, ParityFiveOracleTest::normalize),
                ours(trace, List.of("break main", "run"), STATIC), differences);
        agree += n[0];
        total += n[1];
        n = compare("no debug information", NO_DEBUG, ReplBlocks.gdb(bare, List.of("break fill", "run"), NO_DEBUG,
                ParityFiveOracleTest::normalize), ours(bareTrace, List.of("break fill", "run"), NO_DEBUG), differences);
        agree += n[0];
        total += n[1];
        n = compare("threads", THREADS, ReplBlocks.gdb(Jrr.binary("par_threads"), List.of("break main", "run"), THREADS,
                ParityFiveOracleTest::threadsNormalize), ReplBlocks.ours(threadsTrace, out -> OutputSink.DISCARD, List.of("break main", "run"),
                THREADS, ParityFiveOracleTest::threadsNormalize), differences);
        agree += n[0];
        total += n[1];
        n = compare("c++", CPP, ReplBlocks.gdb(cpp, List.of(), CPP, ParityFiveOracleTest::normalize),
                ours(cppTrace, List.of("break main", "run"), CPP), differences);
        agree += n[0];
        total += n[1];
        System.out.printf("gdb parity, part 6: %d/%d command outputs agree (%.1f%%)%n", agree, total, 100.0 * agree / total);
        differences.forEach(System.out::println);
        assertEquals(List.of(), differences, "outputs that differ from gdb's");
    }

    /** What gdb cannot show: a modifier jrrtui refuses, with the way round. */
    @Test
    void disassembleSourceModesAreRefusedWithTheWayRound() {
        List<String> out = ours(trace, List.of("break par_five.c:56", "run"), List.of("disassemble /s", "disassemble /m square",
                "disassemble nosuch", "disassemble 1,"));
        assertTrue(out.get(0).contains("not supported in jrrtui") && out.get(0).contains("\"list\""), out.get(0));
        assertTrue(out.get(1).startsWith("disassemble /m"), out.get(1));
        assertEquals("No symbol \"nosuch\" in current context.", out.get(2));
        assertEquals("Missing argument after the comma.", out.get(3));
    }

    @Test
    void basicRegularExpressionsMeanWhatGdbsDo() {
        assertEquals("^\\(a\\|b\\)$", io.jrrtui.util.BasicRegex.toJava("^(a|b)$"));
        assertEquals("^(a|b)$", io.jrrtui.util.BasicRegex.toJava("^\\(a\\|b\\)$"));
        assertEquals("x[+|(]\\+", io.jrrtui.util.BasicRegex.toJava("x[+|(]+"));
        assertEquals("a+\\.", io.jrrtui.util.BasicRegex.toJava("a\\+\\."));
    }

    /** Counts the blocks that agree and adds a description of each one that does not to differences. */
    static int[] compare(String scenario, List<String> commands, List<String> gdb, List<String> ours, List<String> differences) {
        int agree = 0;
        for (int i = 0; i < commands.size(); i++) {
            String g = i < gdb.size() ? gdb.get(i) : "<missing>";
            if (g.equals(ours.get(i))) {
                agree++;
            } else {
                differences.add(scenario + " #" + (i + 1) + " " + commands.get(i) + "\n  gdb:  " + g.replace("\n", "\n        ")
                        + "\n  ours: " + ours.get(i).replace("\n", "\n        "));
            }
        }
        return new int[] {agree, commands.size()};
    }

    private static List<String> ours(Path trace, List<String> prologue, List<String> commands) {
        return ReplBlocks.ours(trace, out -> OutputSink.DISCARD, prologue, commands, ParityFiveOracleTest::normalize);
    }

    /**
     * Addresses differ between the runs (a replay's libraries sit elsewhere); gdb's terminal-only
     * lines and the program's own output are dropped.
     */
    /**
     * Threads: LWPs and pthread_t values differ between runs, and gdb's notes of threads made and
     * ended as the program runs ([New Thread ...], [Thread ... exited]) are not printed by jrrtui.
     */
    static String threadsNormalize(String command, String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.startsWith("[New Thread") || line.matches("\\[Thread .* exited\\]")) continue;
            sb.append(line.replaceAll("LWP \\d+", "LWP N")).append('\n');
        }
        return normalize(command, sb.toString());
    }

    static String normalize(String command, String block) {
        // the program's own output line (the replay's goes to the session's sink)
        return ParityOracleTest.normalize(block.replace("Continuing.\n", "").replaceAll("(?m)^\\d+ \\d+ abc \\d+\n", ""));
    }
}
