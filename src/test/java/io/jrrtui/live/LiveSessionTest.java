package io.jrrtui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.debugger.CallTraceExpectations;
import io.jrrtui.debugger.CallTraceLine;
import io.jrrtui.debugger.CallTracer;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.target.ThreadState;
import io.jrrtui.testsupport.Nm;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live session under the call tracer: the launcher's rdtsc trap, forks, exit status, threads
 * (all-stop), exec; and as a {@link Target} (the base, without history or checkpoints).
 */
class LiveSessionTest {
    @TempDir
    Path tmp;

    private record Run(int status, List<CallTraceLine> lines, String out) {}

    private Run run(String binary, String regex) throws IOException {
        Path out = tmp.resolve(binary + ".out");
        Path exe = Jrr.binary(binary);
        List<CallTraceLine> lines = new ArrayList<>();
        try (LiveSession s = LiveSession.start(exe, List.of(exe.toString()), List.of(),
                new TraceeLauncher.Stdio("/dev/null", out.toString(), "/dev/null"))) {
            CallTracer.over(s, new CallTracer.Options(Pattern.compile(regex), 0, 0), lines::add).run();
            return new Run(s.exitStatus(), lines, Files.readString(out));
        }
    }

    @Test
    void rdtscIsEmulated() throws IOException {
        Run r = run("rr_rdtsc", "^main$");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("increasing: yes"), r.out());
        assertEquals(2, r.lines().size());
        assertEquals("main => 0", r.lines().get(1).function() + " => " + r.lines().get(1).value());
        assertEquals(-1, r.lines().get(0).event());
    }

    @Test
    void exitStatusPassesThrough() throws IOException {
        assertEquals(3, run("rr_exit3", "^main$").status());
    }

    @Test
    void forkedChildrenRunFreeOfBreakpoints() throws IOException {
        Run r = run("mt_fork_pipe", "^main$");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("child 1: exited=1 status=7"), r.out());
        assertEquals(2, r.lines().size(), r.lines().toString());
    }

    @Test
    void threadsPairTheirOwnCallsAndReturns() throws IOException {
        Run r = run("ct_threads", "^square$");
        assertEquals(0, r.status());
        assertEquals("1690\n", r.out());
        Map<Integer, List<String>> byThread = new TreeMap<>();
        for (CallTraceLine l : r.lines()) byThread.computeIfAbsent(l.tid(), k -> new ArrayList<>()).add(l.text().replaceFirst("\\[tid \\d+ ev -\\]", "[]"));
        assertEquals(2, byThread.size(), r.lines().toString());
        List<List<String>> got = new ArrayList<>(byThread.values());
        got.sort((x, y) -> x.get(0).compareTo(y.get(0)));
        assertEquals(List.of(CallTraceExpectations.of("ct_threads.c", "t1"), CallTraceExpectations.of("ct_threads.c", "t2")), got);
    }

    @Test
    void execIsAClearError() {
        JrrException e = assertThrows(JrrException.class, () -> run("mt_exec", "^main$"));
        assertEquals("the program executed another program; live tracing stops there", e.getMessage());
    }

    @Test
    void aLiveRunIsATargetWithThreadsRegistersMemoryAndBreakpoints() {
        Path exe = Jrr.binary("ct_threads");
        try (LiveSession live = LiveSession.start(exe, List.of(exe.toString()), List.of(),
                new TraceeLauncher.Stdio("/dev/null", "/dev/null", "/dev/null"))) {
            Target t = live;
            assertTrue(t.history().isEmpty(), "a live run has no recorded history");
            assertTrue(t.checkpointing().isEmpty(), "a live run cannot go back");
            long base = t.executableBase();
            MemoryRegion first = t.memoryMap().stream().filter(r -> r.path().equals(t.currentExecutable().toString()) && r.offset() == 0)
                    .findFirst().orElseThrow();
            assertEquals(base, first.start());
            long square = base + Nm.symbol(exe, "square").value();
            t.addBreakpoint(square);
            assertEquals(java.util.Set.of(square), t.breakpointAddresses());
            assertNotEquals((byte) 0xcc, t.readMemory(square, 1)[0], "the int3 is hidden from reads");

            StopReason r = t.resume();
            assertEquals(StopReason.Kind.BREAKPOINT, r.kind(), r.toString());
            assertEquals(square, r.address());
            assertEquals(square, t.registers().rip());
            long v = t.registers().get(io.jrrtui.arch.Registers.RDI);
            assertTrue(List.of(10L, 11L, 12L, 20L, 21L, 22L).contains(v), "square's argument " + v);
            assertTrue(t.floatingPointRegisters().length >= 512);
            List<ThreadState> threads = t.threads();
            assertTrue(threads.size() >= 2, threads.toString());
            assertEquals(1, threads.stream().filter(ThreadState::selected).count(), threads.toString());
            ThreadState hit = t.selectedThread();
            assertEquals(t.positionThread(), hit.recordedTid(), "the thread that hit the breakpoint is selected");
            assertNotEquals(live.pid(), hit.recordedTid(), "a worker calls square");
            ThreadState main = threads.stream().filter(x -> x.recordedTid() == live.pid()).findFirst().orElseThrow();
            assertEquals(main.number(), t.selectThread(main.number()).number());
            assertEquals(t.registersOf(live.pid()).rip(), t.registers().rip(), "the selected thread's registers");
            assertTrue(t.selectRecordedThread(hit.recordedTid()));
            assertEquals(square, t.registers().rip());

            assertThrows(JrrException.class, () -> t.addWatchpoint(base, 4, false));
            assertThrows(JrrException.class, t::stepInstruction);

            int hits = 1;
            while ((r = t.resume()).kind() == StopReason.Kind.BREAKPOINT) {
                assertEquals(square, r.address());
                hits++;
            }
            assertEquals(StopReason.Kind.EXITED, r.kind(), r.toString());
            assertEquals(6, hits, "square is called six times");
            assertTrue(t.exited());
            assertEquals(0, live.exitStatus());
        }
    }
}
