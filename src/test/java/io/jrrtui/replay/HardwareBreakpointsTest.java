package io.jrrtui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.DebugRegisters;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.target.StopReason;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.testsupport.Nm;
import io.jrrtui.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breakpoints held in debug registers report exactly the hits int3 breakpoints report, in every
 * thread, side by side with int3s (a fourth breakpoint), and cost one stop a hit instead of two.
 */
class HardwareBreakpointsTest {
    @TempDir
    Path tmp;

    /** What a forward run to the end met: per address, the hits' first arguments in order; and the stops it took. */
    private record Run(Map<Long, List<Long>> args, long stops) {}

    private Run runWithBreakpoints(TraceReader trace, String... functions) {
        try (ReplaySession s = ReplaySession.start(trace, OutputSink.DISCARD)) {
            List<Long> addrs = new ArrayList<>();
            for (String f : functions) addrs.add(s.executableBase() + Nm.address(Jrr.binary("mt_dense_stretch"), f));
            for (long a : addrs) s.addBreakpoint(a);
            Map<Long, List<Long>> args = new TreeMap<>();
            long stops0 = io.jrrtui.sys.TracerThread.call(Ptrace::stops);
            StopReason r;
            while ((r = s.cont(Long.MAX_VALUE, true)).kind() == StopReason.Kind.BREAKPOINT) {
                Registers regs = s.registersOf(s.positionThread());
                assertEquals(r.address(), regs.rip(), "a hit stands on its breakpoint");
                assertEquals(0, regs.get(Registers.EFLAGS) & DebugRegisters.EFLAGS_RF, "RF is execution control, not shown");
                args.computeIfAbsent(r.address(), k -> new ArrayList<>()).add(regs.get(Registers.RDI));
            }
            assertEquals(StopReason.Kind.EXITED, r.kind(), r.toString());
            return new Run(args, io.jrrtui.sys.TracerThread.call(Ptrace::stops) - stops0);
        }
    }

    @Test
    void hitsInEveryThreadAreThoseOfInt3BreakpointsWithOneStopEach() {
        Path dir = tmp.resolve("trace");
        Jrr.Run rec = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("mt_dense_stretch").toString(), "2000");
        assertEquals(0, rec.status(), rec.errText());
        TraceReader trace = TraceReader.open(dir);
        // store, marker and worker take the three debug registers; main is the fourth: an int3
        String[] functions = {"store", "marker", "worker", "main"};
        Run hardware = runWithBreakpoints(trace, functions);
        Assumptions.assumeTrue(DebugRegisters.executionBreakpointsWork(), "debug registers do not fire on this machine");
        Run int3;
        System.setProperty("jrrtui.replay.hardwareBreakpoints", "false");
        try {
            int3 = runWithBreakpoints(trace, functions);
        } finally {
            System.clearProperty("jrrtui.replay.hardwareBreakpoints");
        }
        assertEquals(int3.args(), hardware.args(), "the same hits with the same arguments");
        long store = hardware.args().values().stream().mapToLong(List::size).max().orElse(0);
        assertEquals(4000, store, "2 threads x 2000 calls of store()");
        assertEquals(4, hardware.args().size(), "every breakpoint was hit: " + hardware.args().keySet());
        // an int3 hit is the trap and a step over the restored instruction; a debug register's is the trap
        assertTrue(int3.stops() - hardware.stops() >= 3900, "stops: int3 " + int3.stops() + ", debug registers " + hardware.stops());
    }
}
