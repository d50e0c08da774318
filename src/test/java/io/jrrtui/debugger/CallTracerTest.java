package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** jrrtui trace's engine on recordings of the ct_* programs: exact call and return lines. */
class CallTracerTest {
    private static final Pattern PREFIX = Pattern.compile("\\[tid (\\d+) ev (\\d+)\\]");

    /** One recording per program for the whole class: replays are deterministic, recording is not free. */
    @TempDir
    static Path tmp;
    private static final Map<String, Path> RECORDINGS = new HashMap<>();

    /** Records binary, traces regex over the replay and returns the lines with "[tid T ev E]" checked and cut to "[]". */
    List<String> trace(String binary, String regex, int stack, int follow) {
        TraceReader trace = TraceReader.open(RECORDINGS.computeIfAbsent(binary, CallTracerTest::record));
        List<CallTraceLine> lines = new ArrayList<>();
        try (ReplaySession session = ReplaySession.start(trace, OutputSink.DISCARD)) {
            CallTracer.over(session, new CallTracer.Options(Pattern.compile(regex), stack, follow), lines::add).run();
        }
        return normalise(lines, trace.info().pid(), trace.info().eventCount());
    }

    private static Path record(String binary) {
        Path dir = tmp.resolve(binary);
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve(binary + ".out").toString(), "--",
                Jrr.binary(binary).toString());
        assertEquals(0, r.status(), r.errText());
        return dir;
    }

    static List<String> normalise(List<CallTraceLine> lines, int tid, long events) {
        List<String> out = new ArrayList<>();
        long lastEvent = 0;
        for (CallTraceLine l : lines) {
            String text = l.text();
            Matcher m = PREFIX.matcher(text);
            assertTrue(m.find(), text);
            assertEquals(tid, Integer.parseInt(m.group(1)), text);
            long ev = Long.parseLong(m.group(2));
            assertTrue(ev >= lastEvent && ev <= events, "event numbers run forward: " + text);
            lastEvent = ev;
            out.add(m.replaceFirst("[]"));
        }
        return out;
    }

    @Test
    void structPointerStringAndStructReturn() {
        List<String> got = trace("ct_struct", "^(area|scale|greet|mid|mix)$", 0, 0);
        got.replaceAll(l -> l.replaceAll("0x[0-9a-f]+", "0x?"));
        assertEquals(CallTraceExpectations.of("ct_struct.c", "struct"), got);
    }


    @Test
    void callsLeftAtTheEndAreReported() {
        List<String> got = trace("ct_longjmp", "^dive$", 0, 0);
        assertEquals(8, got.size(), got.toString());
        assertEquals("      >> [] dive <- did not return before the program ended", got.get(4));
    }


    /**
     * The Delve example; recursion (each return paired with its call by CFA); longjmp out of four
     * nested calls (reported as unwound at the next stop); a tail call at -O2 (returns together).
     */
    @ParameterizedTest
    @CsvSource({
        "ct_foo, ^foo$, 0, ct_foo.c, foo",
        "ct_fact, ^factorial$, 0, ct_fact.c, fact",
        "ct_longjmp, ^(dive|after)$, 0, ct_longjmp.c, both",
        "ct_tail-O2, ^(relay|leaf)$, 0, ct_tail.c, tail",
        "ct_tail, ^outer$, 1, ct_tail.c, follow"})
    void traceMatchesTheFixture(String binary, String regex, int follow, String file, String label) {
        assertEquals(CallTraceExpectations.of(file, label), trace(binary, regex, 0, follow));
    }

    @Test
    void followCallsOnlyWithTheOption() {
        assertEquals(List.of("> [] outer(v=2)", ">> [] outer => 12"), trace("ct_tail", "^outer$", 0, 0));
    }

    @Test
    void followCallsGoesThroughThePlt() {
        List<String> got = trace("ct_foo", "^main$", 0, 1);
        assertEquals(6, got.size(), got.toString());
        assertEquals("> [] main()", got.get(0));
        assertEquals("  > [] foo(x=99, y=9801)", got.get(1));
        assertEquals("  >> [] foo => 9900", got.get(2));
        assertTrue(got.get(3).startsWith("  > [] printf("), got.get(3));
        assertTrue(got.get(4).matches("  >> \\[\\] printf => (5|rax=0x5)"), got.get(4));
        assertEquals(">> [] main => 0", got.get(5));
    }

    @Test
    void stackShowsCallers() throws java.io.IOException {
        List<String> src = java.nio.file.Files.readAllLines(Jrr.source("ct_fact"));
        int inMain = src.indexOf("    printf(\"%ld\\n\", factorial(5));") + 1;
        int inSelf = src.indexOf("    return n * factorial(n - 1);") + 1;
        List<String> got = trace("ct_fact", "^factorial$", 2, 0);
        assertTrue(got.get(0).matches("(?s)> \\[\\] factorial\\(n=5\\)\n    #1 0x[0-9a-f]{16} in main at ct_fact.c:" + inMain + "\n    #2 .*"), got.get(0));
        assertTrue(got.get(1).matches("(?s)  > \\[\\] factorial\\(n=4\\)\n      #1 0x[0-9a-f]{16} in factorial at ct_fact.c:" + inSelf
                + "\n      #2 0x[0-9a-f]{16} in main at ct_fact.c:" + inMain), got.get(1));
    }

    @Test
    void functionWithoutDebugInfoShowsRegisters() {
        List<String> got = trace("ct_struct", "^raw_add$", 0, 0);
        assertEquals(2, got.size(), got.toString());
        assertTrue(got.get(0).matches("> \\[\\] raw_add\\(rdi=0x14, rsi=0x16, rdx=0x[0-9a-f]+, rcx=0x[0-9a-f]+, r8=0x[0-9a-f]+, r9=0x[0-9a-f]+\\)"), got.get(0));
        assertEquals(">> [] raw_add => rax=0x2a", got.get(1));
    }

    @Test
    void sharedLibraryFunction() {
        List<String> got = trace("ct_foo", "^printf$", 0, 0);
        assertEquals(2, got.size(), got.toString());
        // with libc's debug info installed the arguments have names, otherwise registers
        assertTrue(got.get(0).matches("> \\[\\] printf\\((format=0x[0-9a-f]+ \"%d\\\\n\"|rdi=0x[0-9a-f]+, rsi=0x26ac, .*)\\)"), got.get(0));
        assertTrue(got.get(1).matches(">> \\[\\] printf => (5|rax=0x5)"), got.get(1));
    }

    @Test
    void rustFunction() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(System.getProperty("jrrtui.testBinaries", "target/test-binaries"), "ct_rust")),
                "ct_rust is built only where rustc is installed");
        assertEquals(CallTraceExpectations.of("ct_rust.rs", "add"), trace("ct_rust", "^ct_rust::add$", 0, 0));
    }

    @Test
    void exceptionUnwindsTracedFrames() throws Exception {
        Path bin = Jrr.gxx("ct_throw", tmp.resolve("ct_throw"));
        Path dir = tmp.resolve("ct_throw.trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve("ct_throw.out").toString(), "--", bin.toString());
        assertEquals(0, r.status(), r.errText());
        assertEquals("caught boom\n42\n", Files.readString(tmp.resolve("ct_throw.out")));
        RECORDINGS.put("ct_throw", dir);
        assertEquals(CallTraceExpectations.of("ct_throw.cpp", "throw"), trace("ct_throw", "^(thrower|after)$", 0, 0));
    }

    @Test
    void noMatchIsAClearError() {
        JrrException e = assertThrows(JrrException.class, () -> trace("ct_foo", "^xyz_nothing$", 0, 0));
        assertEquals("no function matches '^xyz_nothing$'", e.getMessage());
    }
}
