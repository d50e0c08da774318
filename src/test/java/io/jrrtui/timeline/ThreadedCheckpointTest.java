package io.jrrtui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.replay.Checkpoint;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.target.StopReason;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.testsupport.Nm;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checkpoints of multi-threaded programs (the other threads re-created in every restored copy)
 * land in exactly the state forward replay reaches: same event, every thread's registers, same
 * writable memory; and replay goes on from them to the program's recorded end. The reference is
 * a session that only runs forward from the start.
 */
class ThreadedCheckpointTest {
    private static final int SAMPLES = 6;

    @TempDir
    static Path tmp;

    /** The exact state of the whole process: every thread's registers by recorded tid, and its writable memory. */
    private record State(long event, Map<Integer, List<Long>> threads, String memory) {}

    private static State state(ReplaySession s) {
        if (s.exited()) throw new AssertionError("the program has ended (event " + s.currentEvent() + ")");
        Map<Integer, List<Long>> regs = new TreeMap<>();
        for (io.jrrtui.target.ThreadState t : s.threads()) {
            List<Long> raw = new ArrayList<>();
            for (long v : s.registersOf(t.recordedTid()).raw()) raw.add(v);
            regs.put(t.recordedTid(), raw);
        }
        return new State(s.currentEvent(), regs, MemoryDigest.of(s));
    }

    private static Path record(String program) {
        Path trace = tmp.resolve(program);
        if (!java.nio.file.Files.isDirectory(trace)) {
            Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--", Jrr.binary(program).toString());
            assertTrue(r.status() <= 1, r.errText());
        }
        return trace;
    }

    private static ReplaySession open(Path trace) {
        return ReplaySession.start(TraceReader.open(trace), OutputSink.DISCARD);
    }

    /**
     * A checkpoint made before the syscall buffer's first slot is mapped (stdio's buffered fstat of
     * stdout, just before the program prints): after a restore the slot is a region of its own in
     * /proc/PID/maps (the kernel does not merge it with the control page a fork inherited) where
     * forward replay has one region; addresses and bytes are the same, which is what must match.
     */
    @org.junit.jupiter.api.Test
    void aSlotMappedAfterARestoreHoldsWhatForwardReplayHolds() {
        Path trace = record("mt_racy_counter");
        String dump = Jrr.run("dump", trace.toString()).outText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(\\d+)\\s+tid \\d+\\s+mmap\\(0x6a7e00002000").matcher(dump);
        assertTrue(m.find(), "the syscall buffer's slot mapping is in the dump (a buffered recording maps it at 0x6a7e00002000)");
        long slotMap = Long.parseLong(m.group(1));
        State forward;
        try (ReplaySession s = open(trace)) {
            s.runToEvent(slotMap + 1);
            forward = state(s);
        }
        try (ReplaySession s = open(trace)) {
            s.runToEvent(slotMap - 2);
            Checkpoint cp = s.checkpoint();
            s.runToEvent(slotMap + 3);
            s.restore(cp);
            s.runToEvent(slotMap + 1);
            assertEquals(forward, state(s), "the slot mapped after a restore");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mt_condvar", "mt_racy_counter", "fc_thread_tls"})
    void restoredThreadsMatchForwardReplayAndRunToTheEnd(String program) {
        Path trace = record(program);
        List<Long> threaded = new ArrayList<>();
        try (ReplaySession ref = open(trace)) {
            for (long e = 2; e < ref.eventCount(); e++) {
                ref.runToEvent(e);
                if (ref.exited()) break;
                if (ref.threadCount() > 1) threaded.add(e);
            }
        }
        // a handful of positions spread over the threaded part (each state reads every thread's stack)
        java.util.TreeSet<Long> targets = new java.util.TreeSet<>();
        for (int i = 0; i < SAMPLES; i++) targets.add(threaded.get(i * (threaded.size() - 1) / (SAMPLES - 1)));
        Map<Long, State> expected = new TreeMap<>();
        try (ReplaySession ref = open(trace)) {
            for (long e : targets) {
                ref.runToEvent(e);
                expected.put(e, state(ref));
            }
        }
        List<Checkpoint> made = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (ReplaySession s = open(trace)) {
            for (long e : expected.keySet()) {
                s.runToEvent(e);
                try {
                    made.add(s.checkpoint());
                } catch (JrrException x) {
                    refused.add(e + ": " + x.getMessage());
                }
            }
            StopReason end = s.runToEnd();
            assertEquals(StopReason.Kind.EXITED, end.kind(), "the run that made the checkpoints goes on to the end");
            assertTrue(made.size() >= expected.size() / 2, "checkpoints of threaded states: " + made.size() + " made, refused " + refused);
            assertTrue(made.stream().anyMatch(c -> c.threads() > 1), "some checkpoints have several threads");
            List<Checkpoint> order = new ArrayList<>(made);
            Collections.shuffle(order, new Random(7));
            for (Checkpoint cp : order) {
                s.restore(cp);
                assertEquals(expected.get(cp.event()), state(s), "restored checkpoint of event " + cp.event());
                // and the re-created threads replay on as recorded
                Long later = targets.higher(cp.event());
                if (later != null) {
                    s.runToEvent(later);
                    assertEquals(expected.get(later), state(s), "event " + later + " reached from the checkpoint of event " + cp.event());
                }
            }
            s.restore(made.get(made.size() / 2));
            assertEquals(StopReason.Kind.EXITED, s.runToEnd().kind(), "from a restored checkpoint to the recorded end");
        }
    }

    /**
     * mt_racy_counter's threads count for a long stretch without a syscall: the timeline pauses
     * that stretch and checkpoints inside it. goto and a reverse search from the end (scanning
     * back from those mid-stretch checkpoints) reach exactly the forward replay's states.
     */
    @org.junit.jupiter.api.Test
    void midStretchCheckpointsOfThreadsMatchForwardReplay() {
        Path trace = record("mt_racy_counter");
        long worker = Nm.address(Jrr.binary("mt_racy_counter"), "worker");
        List<State> hits = new ArrayList<>();
        Map<Long, State> atEvent = new TreeMap<>();
        long events;
        try (ReplaySession ref = open(trace)) {
            events = ref.eventCount();
            ref.addBreakpoint(ref.executableBase() + worker);
            while (ref.cont(Long.MAX_VALUE, true).kind() == StopReason.Kind.BREAKPOINT) hits.add(state(ref));
        }
        try (ReplaySession ref = open(trace)) {
            for (long e = events - 12; e < events - 1; e += 5) {
                ref.runToEvent(e);
                atEvent.put(e, state(ref));
            }
        }
        assertEquals(4, hits.size(), "one worker entry per thread");
        // short pauses: the stretches of a recording with preemptions are short, and cut by them
        System.setProperty("jrrtui.timeline.pauseMs", "3");
        ReplaySession replay = open(trace);
        try (Timeline tl = new Timeline(replay)) {
            long workerAt = replay.executableBase() + worker;
            tl.continueForward();
            assertTrue(tl.atEnd());
            List<Long> cps = tl.checkpointEvents();
            assertTrue(cps.size() > new java.util.TreeSet<>(cps).size(), "pauses made checkpoints inside a stretch: " + cps);
            for (long e : atEvent.keySet()) {
                tl.goToEvent(e);
                assertEquals(atEvent.get(e), state(replay), "goto " + e);
            }
            tl.continueForward();
            tl.addBreakpoint(workerAt);
            for (int back = 1; back <= 2; back++) {
                assertTrue(tl.reverseContinue().hit() != null, "hit " + back + " from the end");
                assertEquals(hits.get(hits.size() - back), state(replay), "reverse-continue #" + back);
            }
        } finally {
            System.clearProperty("jrrtui.timeline.pauseMs");
        }
    }

    /**
     * A breakpoint and a watchpoint hit millions of times inside syscall-free stretches (two
     * threads, 3M calls each): reverse-continue from the end lands exactly where forward replay is
     * at the last call of store() and just after its write — found by StretchBisection, not by
     * trapping at every hit. The reference reaches each thread's last call through marker() (one
     * trap each); the last of them in forward order is the answer.
     */
    @org.junit.jupiter.api.Test
    void reverseContinueFindsTheLastOfMillionsOfHitsInsideAStretch() {
        DenseStretch d = denseStretch();
        ReplaySession replay = open(d.trace());
        try (Timeline tl = new Timeline(replay)) {
            long base = atLastCall(tl, replay, d);
            tl.removeBreakpoint(base + d.store());
            tl.continueForward();
            tl.addWatchpoint(base + d.last(), 8, false);
            assertTrue(tl.reverseContinue().hit() != null, "a write of last");
            assertEquals(d.lastWrite(), state(replay), "reverse-continue to the last write of last");
        }
    }

    /**
     * Searches that start inside the dense stretch, where a reverse-continue landed (a second
     * reverse-continue, `last`, reverse-stepi from a watch stop, which start at a position no run
     * can stop at without trapping on every pass): each finds the hit just before, proved by the
     * value it passes to or leaves in {@code last} and by forward replay from it, which reaches
     * exactly the state the reference reaches at the last call and the last write.
     */
    @org.junit.jupiter.api.Test
    void searchesThatStartInsideTheStretchFindTheHitJustBefore() {
        DenseStretch d = denseStretch();
        ReplaySession replay = open(d.trace());
        try (Timeline tl = new Timeline(replay)) {
            long base = atLastCall(tl, replay, d);
            long v = replay.registers().arg(0);
            // the call before, from inside the stretch
            assertTrue(tl.reverseContinue().hit() != null, "the call before");
            assertEquals(base + d.store(), replay.registers().rip());
            assertEquals(v - 2, replay.registers().arg(0), "the thread's call before its last");
            tl.continueForward();
            assertEquals(d.lastCall(), state(replay), "forward from the call before reaches the last call");
            // the write before the last one (`last counter`'s search), from the last call
            tl.removeBreakpoint(base + d.store());
            int slot = tl.addWatchpoint(base + d.last(), 8, false);
            assertTrue(tl.reverseContinue().hit() != null, "the write before the last");
            assertEquals(v - 2, valueOf(replay, base + d.last()), "just after the write of the call before");
            State afterWrite = state(replay);
            assertTrue(tl.reverseStepi(), "reverse-stepi from a watch stop");
            assertEquals(v - 4, valueOf(replay, base + d.last()), "one instruction back: before that write");
            assertEquals(StopReason.Kind.WATCHPOINT, tl.continueForward().kind());
            assertEquals(afterWrite, state(replay), "forward again: the same write");
            assertEquals(StopReason.Kind.WATCHPOINT, tl.continueForward().kind());
            assertEquals(d.lastWrite(), state(replay), "and the next write is the last");
            tl.removeWatchpoint(slot);
        }
    }

    /**
     * mt_racy_counter's {@code counter = seen + 1} line has the same registers on every one of its
     * 40 million passes (unoptimised code keeps i and seen in the frame). Reverse-continue from the
     * end must land on the last pass, not on the first one after the checkpoint the search found it
     * from: forward from there, that same pass is the only hit before the end. `last counter` from
     * it finds the write that made the value it reads.
     */
    @org.junit.jupiter.api.Test
    void theLastPassOfALoopWhoseRegistersRepeatIsFound() throws Exception {
        Path trace = record("mt_racy_counter");
        String line = "mt_racy_counter.c:" + lineOf("mt_racy_counter.c", "counter = seen + 1");
        try (io.jrrtui.debugger.Debugger d = io.jrrtui.session.ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            d.cont();
            d.addBreakpoint(line, null, false);
            assertEquals(io.jrrtui.api.StopEvent.Reason.BREAKPOINT, d.reverseContinue().reason());
            String seen = d.print("seen", null), counter = d.print("counter", null);
            io.jrrtui.api.StopEvent change = d.last("counter");
            assertEquals(io.jrrtui.api.StopEvent.Reason.WATCHPOINT, change.reason());
            assertEquals(counter, change.watch().newValue(), "the last change made the value the line reads");
            assertEquals(io.jrrtui.api.StopEvent.Reason.BREAKPOINT, d.cont().reason(), "forward: the pass reverse-continue found");
            assertEquals(seen, d.print("seen", null));
            assertEquals(io.jrrtui.api.StopEvent.Reason.EXITED, d.cont().reason(), "and no pass after it");
        }
    }

    /**
     * Checkpoints a reverse search forks at hits while it scans a threaded program's dense stretch
     * (mt_dense_spawn: the main thread waits in pthread_join while the other calls store() 2M
     * times): each restores to exactly the state a re-run from the scan's start reaches at the
     * same hit (every thread's registers, memory), and replay goes on from it as forward replay
     * does: the stretch's thread ends, a thread created after the checkpoint runs and ends, the
     * program exits. And the search's answer, reached through them, is the last call.
     */
    @org.junit.jupiter.api.Test
    void checkpointsForkedAtHitsOfAThreadedScanRestoreToForwardReplay() {
        Path trace = record("mt_dense_spawn");
        Path bin = Jrr.binary("mt_dense_spawn");
        long store = Nm.address(bin, "store"), marker = Nm.address(bin, "marker");
        State lastCall;
        Map<Long, State> atEvent = new TreeMap<>();
        try (ReplaySession ref = open(trace)) {
            long base = ref.executableBase();
            ref.addBreakpoint(base + marker);
            assertEquals(StopReason.Kind.BREAKPOINT, ref.cont(Long.MAX_VALUE, true).kind());
            ref.removeBreakpoint(base + marker);
            ref.addBreakpoint(base + store);
            assertEquals(StopReason.Kind.BREAKPOINT, ref.cont(Long.MAX_VALUE, true).kind());
            lastCall = state(ref);
            ref.removeBreakpoint(base + store);
            for (long e = ref.currentEvent() + 1; e < ref.eventCount(); e++) {
                ref.runToEvent(e);
                if (ref.exited()) break;
                atEvent.put(e, state(ref));
            }
        }
        assertEquals(2, lastCall.threads().size(), "the main thread and the stretch's thread at the last call");
        assertTrue(atEvent.values().stream().anyMatch(st -> !st.threads().keySet().containsAll(lastCall.threads().keySet())),
                "the stretch's thread ends after it");
        assertTrue(atEvent.values().stream().anyMatch(st -> !lastCall.threads().keySet().containsAll(st.threads().keySet())),
                "a thread is created after the stretch");
        ReplaySession replay = open(trace);
        try (Timeline tl = new Timeline(replay)) {
            long base = replay.executableBase();
            tl.continueForward();
            assertTrue(tl.atEnd());
            tl.addBreakpoint(base + store);
            // scan forks are made by time (10 ms apart at least): with a hit costing one stop the
            // last piece can be scanned in less, and then none would be forked to check
            System.setProperty("jrrtui.timeline.scanForkMs", "0");
            try {
                assertTrue(tl.reverseContinue().hit() != null, "a hit of store()");
            } finally {
                System.clearProperty("jrrtui.timeline.scanForkMs");
            }
            assertEquals(lastCall, state(replay), "reverse-continue to the last call of store()");
            Map<Long, Mark> forks = tl.scanForks();
            assertTrue(!forks.isEmpty(), "the search forked checkpoints at hits and kept them");
            tl.removeBreakpoint(base + store);
            for (Map.Entry<Long, Mark> f : forks.entrySet()) {
                tl.restoreKey(f.getKey());
                State restored = state(replay);
                assertEquals(2, restored.threads().size(), "both threads re-created");
                tl.goTo(f.getValue()); // based on the checkpoint the scan left from: a re-run
                assertEquals(restored, state(replay), "checkpoint at hit " + f.getValue() + " against a re-run to it");
                tl.restoreKey(f.getKey());
                for (Map.Entry<Long, State> e : atEvent.entrySet()) {
                    replay.runToEvent(e.getKey());
                    assertEquals(e.getValue(), state(replay), "event " + e.getKey() + " from the checkpoint at " + f.getValue());
                }
                assertEquals(StopReason.Kind.EXITED, replay.runToEnd().kind(), "from the checkpoint to the recorded end");
            }
        }
    }

    /**
     * A search for writes of {@code last} that starts at a checkpoint forked at a hit of another
     * watchpoint (finished[0], set by marker() inside the same dense stretch, just after the
     * thread's second-to-last store): no write lies between that checkpoint and now, a thousand
     * and more lie before it in the stretch. reverse-continue must land on the write that made
     * the value `last` holds there: just after it, the value is that one, and forward from it the
     * next stop of either watch is finished[0]'s write, not another write of `last`. (It used to scan only
     * from the checkpoint, find nothing and go on to earlier events: "No more reverse-execution
     * history", or the other thread's writes.)
     */
    @org.junit.jupiter.api.Test
    void aSearchFromAnotherWatchsCheckpointFindsTheWriteBeforeIt() {
        Path trace = shortDenseStretch();
        Path bin = Jrr.binary("mt_dense_stretch");
        long finished = Nm.address(bin, "finished"), last = Nm.address(bin, "last");
        ReplaySession replay = open(trace);
        try (Timeline tl = new Timeline(replay)) {
            long base = replay.executableBase();
            int fin = tl.addWatchpoint(base + finished, 8, false);
            while (!tl.atEnd()) tl.continueForward();
            System.setProperty("jrrtui.timeline.scanForkMs", "0"); // fork at the hit, however short the scan
            try {
                assertTrue(tl.reverseContinue().hit() != null, "the write of finished[0]");
            } finally {
                System.clearProperty("jrrtui.timeline.scanForkMs");
            }
            assertTrue(!tl.scanForks().isEmpty(), "a checkpoint forked at the hit");
            long held = valueOf(replay, base + last);
            int lastSlot = tl.addWatchpoint(base + last, 8, false);
            tl.removeWatchpoint(fin);
            assertTrue(tl.reverseContinue().hit() != null, "a write of last before finished[0]'s");
            assertEquals(held, valueOf(replay, base + last), "just after the write that made the value last holds at finished[0]'s write");
            tl.addWatchpoint(base + finished, 8, false);
            assertEquals(StopReason.Kind.WATCHPOINT, tl.continueForward().kind());
            assertEquals(held, valueOf(replay, base + last), "no write of last between it and finished[0]'s write");
            assertEquals(1, valueOf(replay, base + finished), "the next stop is finished[0]'s write");
            tl.removeWatchpoint(lastSlot);
        }
    }

    /** mt_dense_stretch with 20,000 calls a thread (recorded once): a stretch short enough to scan hit by hit. */
    private static Path shortDenseStretch() {
        Path trace = tmp.resolve("mt_dense_stretch-20000");
        if (!java.nio.file.Files.isDirectory(trace)) {
            Jrr.Run rec = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--",
                    Jrr.binary("mt_dense_stretch").toString(), "20000");
            assertTrue(rec.status() == 0, rec.errText());
        }
        return trace;
    }

    /**
     * Checkpoints made by time as replay goes forward (a threaded program's few events can take
     * seconds) stand exactly at their event's boundary. A watch on finished[0] shares its page
     * with `last`, so each of the 40,000 writes of `last` stops the replay inside the stretches;
     * a checkpoint due then must wait for the event's end, not be made at that stop and keyed as
     * the boundary (a search from it then missed the writes before it). Each event-boundary
     * checkpoint restores to the state forward replay reaches at that event.
     */
    @org.junit.jupiter.api.Test
    void checkpointsMadeByTimeStandAtTheirEventsBoundary() {
        Path trace = shortDenseStretch();
        long finished = Nm.address(Jrr.binary("mt_dense_stretch"), "finished");
        ReplaySession replay = open(trace);
        try (Timeline tl = new Timeline(replay); ReplaySession ref = open(trace)) {
            int slot = tl.addWatchpoint(replay.executableBase() + finished, 8, false);
            while (!tl.atEnd()) tl.continueForward();
            tl.removeWatchpoint(slot); // its page is read-only while watched: the digest reads writable pages
            List<Long> keys = new ArrayList<>();
            for (long k : tl.checkpointsByKey().keySet()) if (k % Timeline.SUB == 0 && Timeline.eventOf(k) > 0) keys.add(k);
            assertTrue(!keys.isEmpty(), "checkpoints made during the run: " + tl.checkpointsByKey().keySet());
            for (long k : keys) {
                tl.restoreKey(k);
                State restored = state(replay);
                ref.runToEvent(Timeline.eventOf(k));
                assertEquals(state(ref), restored, "the checkpoint at event " + Timeline.eventOf(k));
            }
        }
    }

    private static int lineOf(String file, String text) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", file));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    /**
     * mt_dense_stretch's recording, the addresses of store() and `last`, and the state forward
     * replay reaches at the last call of store() and just after its write.
     */
    private record DenseStretch(Path trace, long store, long last, State lastCall, State lastWrite) {}

    /** Reaches the last call and write forward with two traps per thread: marker() runs just before each thread's last call. */
    private static DenseStretch denseStretch() {
        Path trace = record("mt_dense_stretch");
        Path bin = Jrr.binary("mt_dense_stretch");
        long store = Nm.address(bin, "store"), marker = Nm.address(bin, "marker"), last = Nm.address(bin, "last");
        State lastCall = null, lastWrite = null;
        try (ReplaySession ref = open(trace)) {
            long base = ref.executableBase();
            ref.addBreakpoint(base + marker);
            while (ref.cont(Long.MAX_VALUE, true).kind() == StopReason.Kind.BREAKPOINT) {
                ref.removeBreakpoint(base + marker);
                ref.addBreakpoint(base + store);
                assertEquals(StopReason.Kind.BREAKPOINT, ref.cont(Long.MAX_VALUE, true).kind());
                lastCall = state(ref);
                ref.removeBreakpoint(base + store);
                int slot = ref.addWatchpoint(base + last, 8, false);
                assertEquals(StopReason.Kind.WATCHPOINT, ref.cont(Long.MAX_VALUE, true).kind());
                lastWrite = state(ref);
                ref.removeWatchpoint(slot);
                ref.addBreakpoint(base + marker);
            }
        }
        assertTrue(lastCall != null && lastWrite != null);
        return new DenseStretch(trace, store, last, lastCall, lastWrite);
    }

    /**
     * From the end, a breakpoint on store() and reverse-continue: must land at the last call;
     * leaves the breakpoint set and returns the executable's base.
     */
    private static long atLastCall(Timeline tl, ReplaySession replay, DenseStretch d) {
        long base = replay.executableBase();
        tl.continueForward();
        assertTrue(tl.atEnd());
        tl.addBreakpoint(base + d.store());
        assertTrue(tl.reverseContinue().hit() != null, "a hit of store()");
        assertEquals(d.lastCall(), state(replay), "reverse-continue to the last call of store()");
        return base;
    }

    private static long valueOf(ReplaySession s, long addr) {
        return java.nio.ByteBuffer.wrap(s.readMemory(addr, 8)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
