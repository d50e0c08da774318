package io.jrrtui.gdbserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.StopEvent;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.testsupport.GdbOracle;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gdb server driven by the real gdb (a test oracle only): the dbg_corrupt hunt with break,
 * continue, watch -l, reverse-continue and reverse-next; registers, threads and backtraces; several
 * clients one after another; writes refused.
 */
class GdbServerTest {
    @TempDir
    Path tmp;


    /** Serves the recording while gdb runs the commands; returns what gdb printed. */
    private String gdb(DebugSession session, Path program, ByteArrayOutputStream serverLog, String... commands) throws Exception {
        try (GdbServer server = GdbServer.listen(session, "0", new PrintStream(serverLog, true))) {
            Thread t = new Thread(server::serve, "gdb-server-test");
            t.setDaemon(true);
            t.start();
            String out = runGdb(program, server.address(), commands);
            server.close();
            t.join(10_000);
            return out;
        }
    }

    private String runGdb(Path program, String address, String... commands) throws Exception {
        Path script = tmp.resolve("cmds-" + System.nanoTime() + ".gdb");
        Files.writeString(script, "set pagination off\nset confirm off\ntarget extended-remote " + address + "\n"
                + String.join("\n", commands) + "\n");
        return GdbOracle.run(List.of("gdb", "-nx", "-q", "-batch", "-x", script.toString(), program.toString()));
    }

    private Path record(String name) {
        return Jrr.recordQuietly(tmp.resolve(name), tmp.resolve(name + ".out"), name);
    }

    @Test
    void corruptionHuntStopsAtTheCulpritWithTheReplsValues() throws Exception {
        assumeTrue(GdbOracle.present(), "gdb is not installed: the gdb server cannot be driven");
        Path trace = record("dbg_corrupt");
        // what jrrtui's own debugger says at the culprit
        StopEvent ours;
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            d.addBreakpoint("report", null, false);
            d.cont();
            d.addWatchpoint("counter", DebugSession.WatchKind.WRITE, true);
            ours = d.reverseContinue();
        }
        assertEquals(StopEvent.Reason.WATCHPOINT, ours.reason());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String out;
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            out = gdb(d, Jrr.binary("dbg_corrupt"), log, "break report", "continue", "print counter", "watch -l counter",
                    "reverse-continue", "bt", "info threads", "reverse-next", "print i", "info registers rip", "print $xmm0.v4_int32",
                    "print $mxcsr", "print $ymm0.v8_int32", "info sharedlibrary", "continue", "continue", "continue");
        }
        assertTrue(out.contains("Breakpoint 1, report (work=421330) at dbg_corrupt.c:29"), out);
        assertTrue(out.contains("$1 = -1000"), out);
        // gdb tells a reverse hit from the later value to the earlier: the REPL's pair, in time's direction
        Matcher hit = Pattern.compile("Hardware watchpoint 2: -location counter\\s+Old value = (-?\\d+)\\s+New value = (-?\\d+)\\s+"
                + "scribble \\(i=37\\) at dbg_corrupt.c:18\\s+18\\s+counter = -1000;\\s+/\\* CULPRIT").matcher(out);
        assertTrue(hit.find(), out);
        assertEquals(ours.watch().newValue(), hit.group(1), out);
        assertEquals(ours.watch().oldValue(), hit.group(2), out);
        assertTrue(out.contains("#1  0x") && out.contains(" in main () at dbg_corrupt.c:42"), out);
        assertTrue(out.matches("(?s).*\\* 1 +Thread \\d+ \"dbg_corrupt\" scribble \\(i=37\\) at dbg_corrupt.c:18.*"), out);
        // reverse-next from the culprit goes back to the condition
        assertTrue(out.matches("(?s).*\n17\\s+if \\(i == 37\\).*"), out);
        assertTrue(out.contains("$2 = 37"), out);
        assertTrue(out.matches("(?s).*rip +0x[0-9a-f]+ +0x[0-9a-f]+ <scribble\\+\\d+>.*"), out);
        assertTrue(out.matches("(?s).*\\$3 = \\{-?\\d+, -?\\d+, -?\\d+, -?\\d+}.*"), out);
        assertTrue(out.matches("(?s).*\\$4 = \\[ .*IM.*].*"), out);
        if (Files.readString(Path.of("/proc/cpuinfo")).contains(" avx ")) {
            // AVX: gdb composes $ymm0 from xmm0 and the upper half the server reads with XSAVE
            Matcher xmm = Pattern.compile("\\$3 = \\{(-?\\d+, -?\\d+, -?\\d+, -?\\d+)}").matcher(out);
            assertTrue(xmm.find(), out);
            assertTrue(out.matches("(?s).*\\$5 = \\{" + Pattern.quote(xmm.group(1)) + "(, -?\\d+){4}}.*"), out);
        }
        assertTrue(out.matches("(?s).*0x[0-9a-f]+ +0x[0-9a-f]+ +Yes +/\\S*libc\\.so\\.6.*"), out);
        // forward again: the same write, old and new the REPL's way; then the breakpoint, then the end
        assertTrue(out.matches("(?s).*Old value = 435\\s+New value = -1000\\s+scribble \\(i=37\\) at dbg_corrupt.c:19.*"), out);
        assertTrue(out.contains("[Inferior 1 (Remote target) exited normally]"), out);
        // gdb removes its breakpoints after the exit: the session forgets them without the process
        assertFalse(log.toString().contains("cannot write"), log.toString());
        assertFalse(log.toString().contains("internal error"), log.toString());
    }

    @Test
    void clientsOneAfterAnotherAndThreadsOfAMultithreadedProgram() throws Exception {
        assumeTrue(GdbOracle.present(), "gdb is not installed: the gdb server cannot be driven");
        Path trace = record("mt_shared_turns");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD);
                GdbServer server = GdbServer.listen(d, "127.0.0.1:0", new PrintStream(log, true))) {
            Thread t = new Thread(server::serve, "gdb-server-test");
            t.setDaemon(true);
            t.start();
            Path program = Jrr.binary("mt_shared_turns");
            String first = runGdb(program, server.address(), "break write_shared", "continue", "info threads", "bt 3",
                    "continue", "print value", "monitor when", "detach");
            assertTrue(first.matches("(?s).*Thread \\d+ \"first\" hit Breakpoint 1, write_shared \\(value=11\\).*"), first);
            assertTrue(first.matches("(?s).*\\* \\d+ +Thread \\d+ \"first\" +write_shared \\(value=11\\).*"), first);
            assertEquals(4, count(first, "(?m)^[* ] \\d+ +Thread \\d+ "), first);
            assertTrue(first.contains("writer_thread (arg="), first);
            assertTrue(first.contains("$1 = 22"), first);
            Matcher when = Pattern.compile("Current event: (\\d+) of (\\d+)").matcher(first);
            assertTrue(when.find(), first);
            // the next client finds the program where the last one left it, without its breakpoints
            // writing is refused (gdb's words for a refused write; the server says why)
            String refused = runGdb(program, server.address(), "print value", "set var value = 5");
            assertTrue(refused.contains("Cannot access memory at address"), refused);
            assertTrue(log.toString().contains("the recording is read-only"), log.toString());
            String second = runGdb(program, server.address(), "monitor when", "print value", "info breakpoints", "reverse-stepi", "continue");
            assertTrue(second.contains("Current event: " + when.group(1) + " of " + when.group(2)), second);
            assertTrue(second.contains("$1 = 22"), second);
            assertTrue(second.contains("No breakpoints or watchpoints."), second);
            assertTrue(second.contains("exited normally"), second);
            server.close();
            t.join(10_000);
        }
        assertFalse(log.toString().contains("internal error"), log.toString());
    }

    @Test
    void interruptByteStopsALongContinue() throws Exception {
        // 20000 recorded system calls: continuing through them takes ~0.5 s, the interrupt comes at once
        Path trace = Jrr.recordQuietly(tmp.resolve("loop"), tmp.resolve("loop.out"), "bench_loop", "1", "20000");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD);
                GdbServer server = GdbServer.listen(d, "0", new PrintStream(log, true))) {
            Thread t = new Thread(server::serve, "gdb-server-test");
            t.setDaemon(true);
            t.start();
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                PacketChannel gdb = new PacketChannel(s.getInputStream(), s.getOutputStream());
                gdb.send("QStartNoAckMode");
                assertEquals("OK", gdb.read());
                gdb.stopAcknowledging();
                // the byte follows the packet at once, as gdb's may: the interrupt must not be lost to the
                // command's start (replaying 20000 unbuffered events takes ~0.5 s, so a stop is well before the end)
                gdb.send("c");
                s.getOutputStream().write(3);
                s.getOutputStream().flush();
                String stop = gdb.read();
                assertTrue(stop.startsWith("T02thread:"), stop);
                gdb.send("qRcmd," + Hex.text("when"));
                String when = Hex.decodeText(gdb.read().substring(1));
                assertEquals("OK", gdb.read());
                Matcher m = Pattern.compile("Current event: (\\d+) of (\\d+)").matcher(when);
                assertTrue(m.find(), when);
                assertTrue(Long.parseLong(m.group(1)) < Long.parseLong(m.group(2)) - 1000, "stopped well before the end: " + when);
                gdb.send("D");
                assertEquals("OK", gdb.read());
            }
            server.close();
            t.join(10_000);
        }
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The stop reply for an exit, from the session's words. */
    @Test
    void exitRepliesCarryStatusOrSignal() {
        assertEquals("W00", GdbClient.exitReply("process 42 exited normally"));
        assertEquals("W0a", GdbClient.exitReply("process 42 exited with code 012"));
        assertEquals("X0b", GdbClient.exitReply("process 42 killed by signal SIGSEGV"));
        assertEquals("X1e", GdbClient.exitReply("process 42 killed by signal SIGUSR1"));
    }
}
