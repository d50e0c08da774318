package io.jrrtui.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.arch.Registers;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line, a non-zero status, no stack trace and no tracee left behind. */
class ErrorCasesTest {
    @TempDir
    Path tmp;

    private Path recordHello() {
        Path trace = tmp.resolve("hello-trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("hello").toString());
        assertEquals(0, r.status(), r.errText());
        return trace;
    }

    private static void assertCleanError(Jrr.Run r, String expected) {
        assertNotEquals(0, r.status());
        String err = r.errText();
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertFalse(err.contains("\tat "), "stack trace shown: " + err);
        assertFalse(err.contains("Exception"), "exception name shown: " + err);
    }

    @Test
    void unknownSyscallNumberIsRecordedAsTheKernelsEnosys() throws IOException {
        Path out = tmp.resolve("o");
        Jrr.Run r = Jrr.run("record", "-q", "-o", tmp.resolve("t").toString(), "--stdout", out.toString(),
                "--", Jrr.binary("err_unknown_syscall").toString());
        assertEquals(0, r.status(), r.errText());
        String recorded = Files.readString(out);
        assertTrue(recorded.contains("syscall(999) = -1 (Function not implemented)"), recorded);
        Jrr.Run replay = Jrr.run("replay", "-a", tmp.resolve("t").toString());
        assertEquals(0, replay.status(), replay.errText());
        assertEquals(recorded, replay.outText());
        assertNoTraceeLeft("err_unknown_syscall");
    }

    @Test
    void forkIsRefusedClearlyWithSingleTask() {
        Jrr.Run r = Jrr.run("record", "-q", "--single-task", "-o", tmp.resolve("t").toString(), "--", Jrr.binary("err_fork").toString());
        assertCleanError(r, "clone");
        assertTrue(r.errText().contains("--single-task"), r.errText());
        assertNoTraceeLeft("err_fork");
    }

    @Test
    void aProgramThatTracesIsRefusedClearly() {
        Jrr.Run r = Jrr.run("record", "-q", "-o", tmp.resolve("t").toString(), "--stdout", tmp.resolve("o").toString(),
                "--", Jrr.binary("err_ptrace").toString());
        assertCleanError(r, "syscall 101 (ptrace)");
        assertTrue(r.errText().contains("debugging from inside a recording is not supported"), r.errText());
        assertNoTraceeLeft("err_ptrace");
    }

    @Test
    void missingProgram() {
        assertCleanError(Jrr.run("record", "-o", tmp.resolve("t").toString(), "--", tmp.resolve("nope").toString()), "no such file");
        assertCleanError(Jrr.run("record", "--", "no-such-program-anywhere"), "not found");
    }

    @Test
    void missingTrace() {
        assertCleanError(Jrr.run("replay", "-a", tmp.resolve("nothing-here").toString()), "no trace");
        assertCleanError(Jrr.run("dump", tmp.toString()), "not a jrrtui trace");
    }

    @Test
    void corruptTraceIsReportedAsCorrupt() throws IOException {
        Path trace = recordHello();
        try (RandomAccessFile f = new RandomAccessFile(trace.resolve("events").toFile(), "rw")) {
            f.seek(40);
            f.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertCleanError(Jrr.run("replay", "-a", trace.toString()), "corrupt trace");
        assertCleanError(Jrr.run("dump", trace.toString()), "corrupt trace");
    }

    @Test
    void truncatedTraceIsReportedAsCorrupt() throws IOException {
        Path trace = recordHello();
        Path events = trace.resolve("events");
        try (RandomAccessFile f = new RandomAccessFile(events.toFile(), "rw")) {
            f.setLength(f.length() - 10);
        }
        assertCleanError(Jrr.run("replay", "-a", trace.toString()), "corrupt trace");
    }

    @Test
    void badHeaderVersionIsExplained() throws IOException {
        Path trace = recordHello();
        Path header = trace.resolve("trace.properties");
        Files.writeString(header, Files.readString(header).replace("format.version=" + io.jrrtui.trace.TraceFormat.VERSION, "format.version=99"));
        assertCleanError(Jrr.run("replay", "-a", trace.toString()), "format version 99");
    }

    @Test
    void divergenceNamesTheEventAndWhatDiffered() throws IOException {
        Path trace = recordHello();
        // Rewrite the trace with one syscall argument changed, as if the program had changed.
        Path forged = tmp.resolve("forged");
        TraceReader in = TraceReader.open(trace);
        long target = -1;
        try (TraceWriter out = new TraceWriter(forged, in.info()); TraceReader.EventCursor c = in.events()) {
            Event e;
            while ((e = c.next()) != null) {
                if (target < 0 && e instanceof SyscallEvent s && s.name().equals("write")) {
                    target = s.number();
                    e = new SyscallEvent(s.number(), s.tid(), s.regs().with(Registers.RDX, 12345), s.result(), s.writes(),
                            s.outputStream(), s.output());
                }
                out.write(e);
            }
            out.finish(in.info().exitStatus(), in.info().endReason());
        }
        Files.copy(trace.resolve("exe"), forged.resolve("exe"));
        Jrr.Run r = Jrr.run("replay", "-a", forged.toString());
        assertCleanError(r, "replay diverged at event " + target);
        assertTrue(r.errText().contains("rdx"), r.errText());
        assertNoTraceeLeft("hello");
    }

    @Test
    void unknownCommandAndBadOptions() {
        assertCleanError(Jrr.run("frobnicate"), "unknown command");
        assertCleanError(Jrr.run("replay", "--bogus"), "unknown option");
    }

    /** No process of the program is left running (tracees are killed on every error path). */
    private static void assertNoTraceeLeft(String name) {
        try (Stream<ProcessHandle> all = ProcessHandle.current().children()) {
            assertFalse(all.anyMatch(p -> p.info().command().orElse("").contains(name)), "a tracee of " + name + " is still running");
        }
    }
}
