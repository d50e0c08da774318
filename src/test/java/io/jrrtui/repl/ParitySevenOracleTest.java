package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
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
 * gdb parity, part 7 (issue 15): C++ method calls (this, virtual through the vtable, arguments,
 * static members, libstdc++'s out-of-line methods and gdb's xmethods, "may be inlined"), ptype of
 * classes (bases, access labels, member functions), and the process notes and questions of part 7.
 * Each command's output on a replay is compared with gdb's on the same binary; the agreement is
 * printed and every difference fails.
 */
class ParitySevenOracleTest {
    @TempDir
    static Path tmp;
    private static Path methods;
    private static Path methodsTrace;

    @BeforeAll
    static void record() throws Exception {
        methods = Jrr.gxx("par_methods", tmp.resolve("par_methods"));
        methodsTrace = tmp.resolve("methods");
        Jrr.Run r = Jrr.run("record", "-q", "-o", methodsTrace.toString(), "--stdout", tmp.resolve("out").toString(), "--", methods.toString());
        assertEquals(0, r.status(), r.errText());
    }

    /** Commands after "break methods_stop", "run", "up" (main, every object made). */
    static final Map<String, List<String>> CPP = new LinkedHashMap<>();

    static {
        CPP.put("method calls", List.of("print r.width()", "print s->area()", "print s2->area()", "print s->sides()", "print ref.area()",
                "print r.id()", "print c.add(4)", "print c.add(1) + 2", "print sq.area()", "print s2->sides()", "print (&r)->width()",
                "output c.add(10)", "call c.add(2)", "print r.id() * 2 + c.add(0)"));
        CPP.put("methods the compiler only inlined or never made", List.of("print r.scaled(3)", "print c.half()",
                "print Counter::twice(5)", "print c.twice(6)", "print r.sum(1, 2)", "print v.capacity()"));
        CPP.put("libstdc++: out-of-line methods and gdb's xmethods", List.of("print str.size()", "print str.length()", "print str.c_str()",
                "print v.size()", "print v.empty()", "print v.at(1)", "print v.front()", "print v.back()", "print v[2]", "print m.size()",
                "print m.empty()", "print v.at(5)", "print v.size() + 1"));
        CPP.put("wrong calls", List.of("print r.nosuch()", "print r.width(1)", "print c.add()"));
        CPP.put("methods as values", List.of("print s->area", "print r.width", "ptype r.width", "whatis c.add", "print c.add",
                "print sq.area", "print r.scaled", "whatis r.width()", "ptype s->area()"));
        CPP.put("ptype of classes", List.of("ptype Shape", "ptype r", "ptype Counter", "ptype Square", "ptype s", "whatis s",
                "ptype ref", "ptype class Rect", "ptype struct Counter", "whatis Rect", "ptype Shape *"));
        CPP.put("printing C++ objects: static members, <No data fields>", List.of("print r", "print *s", "print ref", "print sq",
                "print c", "print s2->id_", "print (Shape *)&sq", "print *(Rect *)s"));
        CPP.put("set print object on", List.of("set print object on", "show print object", "print s", "print *s", "print s2", "print ref",
                "print r", "print c", "print &c", "print *s2", "print &r", "print sq", "print (Shape *)&sq", "whatis *s", "ptype s",
                "whatis s", "whatis ref", "print s->id_", "output s", "print/x s", "print s->area()", "set print object off", "print s",
                "ptype s", "whatis ref"));
    }

    /**
     * Threads made and ended as the program runs (par_threads: two workers, each joined before the
     * next is made): gdb's [New Thread ...] / [Thread ... exited] notes, and info inferiors.
     */
    static final List<String> THREADS = List.of("info inferiors", "break worker", "continue", "continue", "next", "info inferiors 1",
            "info inferiors 2", "continue", "info inferiors");

    @Test
    void replayAgreesWithGdb() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        int agree = 0, total = 0;
        List<String> differences = new ArrayList<>();
        List<String> prologue = List.of("break methods_stop", "run", "up");
        for (var e : CPP.entrySet()) {
            int[] n = ParityFiveOracleTest.compare(e.getKey(), e.getValue(), ReplBlocks.gdb(methods, prologue, e.getValue(), ParitySevenOracleTest::normalize),
                    ours(methodsTrace, prologue, e.getValue()), differences);
            agree += n[0];
            total += n[1];
        }
        Path threads = Jrr.binary("par_threads");
        Path threadsTrace = tmp.resolve("threads");
        Jrr.recordQuietly(threadsTrace, tmp.resolve("out2"), "par_threads");
        int[] n = ParityFiveOracleTest.compare("threads", THREADS, ReplBlocks.gdb(threads, List.of("break main", "run"), THREADS,
                ParitySevenOracleTest::threadsNormalize), ReplBlocks.ours(threadsTrace, out -> OutputSink.DISCARD, List.of("break main", "run"),
                THREADS, ParitySevenOracleTest::threadsNormalize), differences);
        agree += n[0];
        total += n[1];
        System.out.printf("gdb parity, part 7: %d/%d command outputs agree (%.1f%%)%n", agree, total, 100.0 * agree / total);
        differences.forEach(System.out::println);
        assertEquals(List.of(), differences, "outputs that differ from gdb's");
    }

    /** show version: jrrtui's own version in gdb's shape (gdb's would be a wrong answer here). */
    @Test
    void showVersionSaysJrrtuisVersion() {
        List<String> out = ours(methodsTrace, List.of(), List.of("show version"));
        assertTrue(out.get(0).startsWith("jrrtui " + io.jrrtui.util.ProductVersion.VERSION + "\n"), out.get(0));
        assertTrue(out.get(0).contains("does not run gdb"), out.get(0));
    }

    private static List<String> ours(Path trace, List<String> prologue, List<String> commands) {
        return ReplBlocks.ours(trace, out -> OutputSink.DISCARD, prologue, commands, ParitySevenOracleTest::normalize);
    }

    /**
     * LWPs differ between runs; the program's output line ("3") goes to the replay's sink; gdb's
     * connection is the native one, jrrtui's the replay.
     */
    static String threadsNormalize(String command, String block) {
        String b = block.replaceAll("LWP \\d+", "LWP N").replaceAll("(?m)^3\n", "").replace("1 (native)", "1 (replay)");
        // gdb's order of an exit note and a new-thread note close together is the order it reaps their wait statuses in
        List<String> lines = new ArrayList<>(List.of(normalize(command, b).split("\n", -1)));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("[New Thread") && lines.get(i + 1).matches("\\[Thread .* exited\\]")) {
                java.util.Collections.swap(lines, i, i + 1);
            }
        }
        return String.join("\n", lines);
    }

    /** As part 6's, and jrrtui's one note per session that a call ran in a copy (gdb runs it in the process). */
    static String normalize(String command, String block) {
        return ParityFiveOracleTest.normalize(command, block.replaceAll("(?m)^\\(The call ran in a forked copy.*\\n", ""));
    }
}
