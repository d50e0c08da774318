package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.debugger.CallTraceExpectations;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jrrtui trace} end to end: over a recording, --json, --live, and its one-line errors. */
class CallTraceCommandTest {
    @TempDir
    Path tmp;

    private record Result(int status, List<String> lines) {}

    private Result trace(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int status = new TraceCommand().run(List.of(args), new Console(new ByteArrayInputStream(new byte[0]), o, o));
            String text = out.toString(StandardCharsets.UTF_8);
            return new Result(status, text.isEmpty() ? List.of() : List.of(text.split("\n")));
        }
    }

    private Path record(String binary) {
        Path dir = tmp.resolve(binary);
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve(binary + ".out").toString(), "--",
                Jrr.binary(binary).toString());
        assertEquals(0, r.status(), r.errText());
        return dir;
    }

    @Test
    void tracesARecording() {
        Path dir = record("ct_foo");
        int tid = TraceReader.open(dir).info().pid();
        Result r = trace(dir.toString(), "^foo$");
        assertEquals(0, r.status());
        assertEquals(2, r.lines().size(), r.lines().toString());
        String ev = r.lines().get(0).replaceAll(".* ev (\\d+)\\].*", "$1");
        assertEquals("> [tid " + tid + " ev " + ev + "] foo(x=99, y=9801)", r.lines().get(0));
        assertEquals(">> [tid " + tid + " ev " + ev + "] foo => 9900", r.lines().get(1));
    }

    @Test
    void jsonLines() {
        Path dir = record("ct_foo");
        Result r = trace("--json", dir.toString(), "^foo$");
        assertEquals(2, r.lines().size(), r.lines().toString());
        assertTrue(r.lines().get(0).matches("\\{\"type\":\"call\",\"tid\":\\d+,\"event\":\\d+,\"depth\":0,\"function\":\"foo\","
                + "\"args\":\\[\\{\"name\":\"x\",\"value\":\"99\"},\\{\"name\":\"y\",\"value\":\"9801\"}],\"raw_args\":false,\"stack\":\\[]}"),
                r.lines().get(0));
        assertTrue(r.lines().get(1).matches("\\{\"type\":\"return\",\"tid\":\\d+,\"event\":\\d+,\"depth\":0,\"function\":\"foo\",\"value\":\"9900\",\"note\":\"\"}"),
                r.lines().get(1));
    }

    @Test
    void followCallsCountsLikeDelve() {
        Path dir = record("ct_tail");
        List<String> two = new ArrayList<>();
        for (String l : trace(dir.toString(), "^outer$", "--follow-calls", "2").lines()) two.add(l.replaceFirst("\\[tid \\d+ ev \\d+\\]", "[]"));
        assertEquals(CallTraceExpectations.of("ct_tail.c", "follow"), two);
        assertEquals(2, trace(dir.toString(), "^outer$", "--follow-calls", "1").lines().size());
    }

    /** A --live trace of binary with its stdout in a file: the lines with "[tid T ev -]" checked and cut to "[]". */
    private List<String> live(String binary, String regex, String expectedOutput) throws IOException {
        Path out = tmp.resolve(binary + ".live");
        Result r = trace("--live", regex, "--stdout", out.toString(), "--", Jrr.binary(binary).toString());
        assertEquals(0, r.status());
        assertEquals(expectedOutput, Files.readString(out));
        List<String> got = new ArrayList<>();
        for (String l : r.lines()) {
            assertTrue(l.matches(" *>>? \\[tid \\d+ ev -\\] .*"), l);
            got.add(l.replaceFirst("\\[tid \\d+ ev -\\]", "[]"));
        }
        return got;
    }

    @Test
    void liveRunPassesOutputThroughAndPrintsDashForEvents() throws IOException {
        assertEquals(CallTraceExpectations.of("ct_fact.c", "fact"), live("ct_fact", "^factorial$", "120\n"));
    }

    @Test
    void liveLongjmp() throws IOException {
        assertEquals(CallTraceExpectations.of("ct_longjmp.c", "both"), live("ct_longjmp", "^(dive|after)$", "caught 8\n"));
    }

    @Test
    void clearErrors() {
        Path dir = record("ct_foo");
        assertEquals("bad regular expression 'foo(': Unclosed group",
                assertThrows(JrrException.class, () -> trace(dir.toString(), "foo(")).getMessage());
        assertEquals("no function matches 'xyz'", assertThrows(JrrException.class, () -> trace(dir.toString(), "xyz")).getMessage());
        assertTrue(assertThrows(JrrException.class, () -> trace(tmp.resolve("none").toString(), "foo")).getMessage()
                .startsWith("no trace '" + tmp.resolve("none") + "'"));
        assertThrows(UsageException.class, () -> trace("--live", "foo"));
        assertThrows(UsageException.class, () -> trace(dir.toString(), "foo", "--stack", "x"));
    }
}
