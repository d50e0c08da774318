package io.jrrtui.tui;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.CheckpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.repl.CommandInterpreter;
import io.jrrtui.repl.Repl;
import io.jrrtui.repl.SourceCache;
import io.jrrtui.repl.StopPrinter;
import io.jrrtui.repl.ValueHistory;
import io.jrrtui.util.JrrException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the TUI asks of the debugger: moves in time (with undo history and bookmarks),
 * breakpoints, watches and command lines. Each runs on the {@link Worker} and ends with a
 * {@link Snapshot} taken in on the GUI thread; moves typed while one runs wait their turn
 * (type-ahead, bounded). Methods are called on the GUI thread.
 */
final class Driver {
    /** How many moves may be typed ahead while one runs. */
    static final int TYPE_AHEAD = 8;

    private final DebugSession session;
    private final Worker worker;
    private final TuiState state;
    private final Panes panes;
    private final SnapshotLoader loader;
    final StopPrinter printer;
    private final CommandInterpreter interpreter;
    private final TimeHistory history = new TimeHistory();
    private final Map<Character, CheckpointInfo> bookmarks = new HashMap<>();
    /** Console text produced inside worker jobs, shown when the job's snapshot arrives. */
    private final List<String> pendingConsole = new ArrayList<>();
    private final Deque<Runnable> typeAhead = new ArrayDeque<>();
    private boolean quit;
    private boolean quitWhenIdle;
    /** Set by a jump on the worker when it selected a caller: which frames had no source. */
    private volatile String jumpNote;
    /** The first event of the summaries being fetched (or that failed), so a redraw does not ask twice. */
    private long fetchingFirst = -1;

    Driver(DebugSession session, Worker worker, TuiState state, Panes panes) {
        this.session = session;
        this.worker = worker;
        this.state = state;
        this.panes = panes;
        this.loader = new SnapshotLoader(session);
        // sources are read from the trace's own copies first (a packed or imported recording)
        this.printer = new StopPrinter(new SourceCache(session::sourcePath), new ValueHistory());
        state.sources.locateWith(session::sourcePath);
        this.interpreter = new CommandInterpreter(session, printer);
        panes.timeline.fetchWith(this::fetchEvents);
    }

    /** Reads event summaries for the Timeline pane in the background. */
    private void fetchEvents(long first, long last) {
        if (fetchingFirst == first) return;
        fetchingFirst = first;
        worker.quietly(() -> EventIndex.fetch(session, first, last), events -> {
            state.events.setWindow(first, events);
            // a window that still lacks the rows (a short answer) is not asked for again
            if (state.events.covers(first, last)) fetchingFirst = -1;
        }, error -> {
            // fetchingFirst stays: the same range is not asked again on every redraw
            panes.console.append("events " + first + "-" + last + ": " + error, Role.ERROR);
        });
    }

    /** '/': the Timeline pane lists only the events matching text (read on the worker); blank clears. */
    void filterTimeline(String text) {
        String q = text.strip();
        panes.focus = panes.timeline;
        if (q.isEmpty()) {
            panes.timeline.setFilter(null, null);
            state.message = "timeline filter cleared";
            return;
        }
        long count = state.eventCount();
        worker.quietly(() -> session.events(1, count).stream().filter(e -> TimelinePane.matches(e, q)).toList(), found -> {
            panes.timeline.setFilter(q, found);
            state.message = found.size() + " of " + count + " events match \"" + q + "\" (/ then Enter clears)";
        }, error -> state.message = "filter: " + error);
    }

    boolean quit() {
        return quit;
    }

    boolean busy() {
        return worker.busy();
    }

    /**
     * "next 1.2s +2 queued" while something runs, else null; a move running longer than
     * {@link #PROGRESS_AFTER_MILLIS} adds how far it got and an estimate ("event 3120/5000 62% ~2s left").
     */
    String busyText() {
        if (!worker.busy()) return null;
        String queued = typeAhead.isEmpty() ? "" : " +" + typeAhead.size() + " queued";
        String far = "";
        MoveProgress p = progress;
        if (p != null && worker.elapsedMillis() >= PROGRESS_AFTER_MILLIS) {
            p.sample(session.progressEvent(), System.nanoTime());
            far = p.text().isEmpty() ? "" : "  " + p.text() + "  (Ctrl-C stops)";
        }
        return String.format("%s %.1fs%s%s", worker.label(), worker.elapsedMillis() / 1000.0, far, queued);
    }

    /** Moves shorter than this show no progress: it would only flicker. */
    static final long PROGRESS_AFTER_MILLIS = 500;
    /** The running move's progress, or null while nothing moves. */
    private MoveProgress progress;

    /** Reads the event index and the first snapshot. */
    void start() {
        List<String> watches = List.copyOf(state.watches);
        // a session that cannot move (a core file) has no recording to load
        worker.submit(session.canMove() ? "loading the recording" : "loading the program's state", () -> {
            EventIndex index = EventIndex.load(session);
            return new Object[] {index, loader.load(session.status(), watches)};
        }, r -> {
            state.events = (EventIndex) r[0];
            Snapshot s = (Snapshot) r[1];
            arrive(s, true);
            reportStop(s);
            state.message = "? for help, : for a command, q to quit";
            next();
        }, this::failed);
    }

    // ---- moves in time ---------------------------------------------------------------------------

    /** A move in time: remembered for undo, reported in the console; queued when one runs. */
    void motion(String label, Function<DebugSession, StopEvent> op) {
        motion(label, "", op);
    }

    /** A move that prints a header first, as gdb does ("Continuing.", "Run till exit from ..."). */
    void motion(String label, String header, Function<DebugSession, StopEvent> op) {
        motion(label, header, op, -1);
    }

    /** goal: the event a jump goes to, or -1 for a move whose end is unknown (progress then shows a bound). */
    private void motion(String label, String header, Function<DebugSession, StopEvent> op, long goal) {
        if (worker.busy()) {
            if (typeAhead.size() >= TYPE_AHEAD) {
                state.message = "busy with " + worker.label() + " (Ctrl-C interrupts it)";
                return;
            }
            typeAhead.addLast(() -> motion(label, header, op, goal));
            return;
        }
        if (!header.isEmpty()) panes.console.append(header, Role.TEXT);
        TimeHistory.Moment from = history.moved(state.event());
        move(label, s -> {
            if (from != null) from.checkpointTaken(undoPoint(s));
            return op.apply(s);
        }, goal >= 1 ? MoveProgress.to(goal, state.event(), System.nanoTime()) : boundOf(label));
    }

    /**
     * Worker: a checkpoint where a move starts, so that undo comes back at once to this exact
     * instruction (0 where none can be taken: the end of the recording, a thread about to take a
     * signal, shared memory; undo then replays to the event). First deletes the ones undo gave up.
     */
    private int undoPoint(DebugSession s) {
        for (int n : history.takeDropped()) {
            try {
                s.deleteCheckpoint(n);
            } catch (JrrException gone) {
                // already deleted (by a typed "delete checkpoint")
            }
        }
        try {
            return s.checkpoint().number();
        } catch (JrrException refused) {
            return 0;
        }
    }

    /** A reverse move searches the stretch up to where it starts; any other may run to the end. */
    private MoveProgress boundOf(String label) {
        long now = System.nanoTime();
        return label.startsWith("reverse") ? MoveProgress.atMost(state.event(), -1, now)
                : MoveProgress.atMost(state.eventCount(), state.event(), now);
    }

    void continueForward() {
        motion("continue", printer.continuing(), DebugSession::cont);
    }

    void continueBackward() {
        motion("reverse-continue", printer.continuing(), DebugSession::reverseContinue);
    }

    void finish(boolean reverse) {
        FrameInfo f = state.snapshot == null ? null : state.snapshot.selected();
        String header = f == null ? "" : reverse ? printer.runBackToCall(f) : printer.runTillExit(f);
        motion(reverse ? "reverse-finish" : "finish", header, reverse ? DebugSession::reverseFinish : DebugSession::finish);
    }

    private static String frameName(FrameInfo f) {
        return f.where().function() == null ? "??" : f.where().function();
    }

    private void move(String label, Function<DebugSession, StopEvent> op, MoveProgress p) {
        List<String> watches = List.copyOf(state.watches);
        jumpNote = null;
        progress = p;
        worker.submit(label, () -> loader.load(op.apply(session), watches), s -> {
            progress = null;
            arrive(s, true);
            reportStop(s);
            String note = jumpNote;
            if (note != null) {
                panes.console.append(note, Role.DIM);
                state.message = note;
            }
            next();
        }, error -> {
            progress = null;
            failed(error);
            if (error.startsWith("Interrupted")) showWhereInterrupted(error);
        });
    }

    /** Ctrl-C stopped a move part-way: the panes show at once where it got to, the message stays. */
    private void showWhereInterrupted(String message) {
        List<String> watches = List.copyOf(state.watches);
        worker.submit("where", () -> loader.load(session.status(), watches), s -> {
            arrive(s, true);
            state.message = message;
            next();
        }, this::failed);
    }

    /** A jump (g, the scrubber, Enter in Output or Timeline): lands on the innermost frame that has source. */
    void gotoEvent(long n) {
        long target = Math.max(1, Math.min(n, Math.max(1, state.eventCount())));
        motion("go to event " + target, "", s -> landOnSource(s, s.gotoEvent(target)), target);
    }

    /**
     * A jump usually stops inside libc (a write, a read): select the innermost frame with a source
     * file this TUI can show, as most front-ends do; the frames above it stay in the Backtrace pane,
     * and one quiet line names the ones without source. Worker thread.
     */
    private StopEvent landOnSource(DebugSession s, StopEvent stop) {
        List<FrameInfo> frames;
        try {
            frames = s.backtrace(SnapshotLoader.BACKTRACE_LIMIT);
        } catch (RuntimeException noStack) {
            return stop; // the program has ended: nothing to select
        }
        for (FrameInfo f : frames) {
            if (!SourceFiles.readable(f.where(), s::sourcePath)) continue;
            if (f.level() > 0) {
                s.selectFrame(f.level());
                String first = frameName(frames.get(0)), last = frameName(frames.get(f.level() - 1));
                jumpNote = (f.level() == 1 ? "#0 " + first + " has" : "#0-#" + (f.level() - 1) + " (" + first + " .. " + last + ") have")
                        + " no source; showing #" + f.level() + " " + frameName(f);
            }
            return stop;
        }
        if (!frames.isEmpty()) jumpNote = "no frame here has source on this machine";
        return stop;
    }

    void undo(boolean back) {
        if (refuseWhenBusy()) return;
        TimeHistory.Moment now = new TimeHistory.Moment(state.event());
        TimeHistory.Moment target = back ? history.undo(now) : history.redo(now);
        if (target == null) {
            state.message = back ? "nothing to undo" : "nothing to redo";
            return;
        }
        move((back ? "undo: " : "redo: ") + "back to event " + target.event, s -> {
            now.checkpointTaken(undoPoint(s));
            if (target.checkpoint() == 0) return s.gotoEvent(target.event);
            StopEvent at = s.restart(target.checkpoint());
            history.arrivedAt(target); // restored: a later undo comes back here through "now"'s checkpoint
            return new StopEvent(at.reason(), at.where(), at.event(), at.breakpoint(), at.watch(), at.returnValue(),
                    null, at.reverse(), at.thread(), at.threadName()); // not "Switched to checkpoint N."
        }, MoveProgress.to(target.event, state.event(), System.nanoTime()));
    }

    /** m + letter: a checkpoint, so that ' + letter comes back to this exact instruction. */
    void setBookmark(char letter) {
        if (refuseWhenBusy()) return;
        worker.submit("bookmark " + letter, session::checkpoint, c -> {
            bookmarks.put(letter, c);
            state.message = "bookmark " + letter + " = event " + c.event() + " (checkpoint " + c.number() + ")";
            next();
        }, this::failed);
    }

    void goToBookmark(char letter) {
        CheckpointInfo c = bookmarks.get(letter);
        if (c == null) state.message = "no bookmark " + letter + " (m" + letter + " sets it)";
        else motion("bookmark " + letter, s -> s.restart(c.number()));
    }

    // ---- work that does not move -------------------------------------------------------------------

    /** Frame selection, breakpoints, watches: reload the panes after op. */
    void refresh(String label, Consumer<DebugSession> op) {
        if (refuseWhenBusy()) return;
        List<String> watches = List.copyOf(state.watches);
        worker.submit(label, () -> {
            op.accept(session);
            return loader.load(session.status(), watches);
        }, s -> {
            arrive(s, false);
            next();
        }, this::failed);
    }

    void selectFrame(int level) {
        refresh("frame " + level, s -> s.selectFrame(level));
    }

    /** Selects thread number: registers, stack, source and stepping follow it. */
    void selectThread(int number) {
        refresh("thread " + number, s -> s.selectThread(number));
    }

    /** Sets a breakpoint at location, or deletes the ones given. */
    void toggleBreakpoint(String location, String shown, List<Integer> existing) {
        if (existing.isEmpty()) {
            refresh("break " + shown, s -> {
                BreakpointInfo b = s.addBreakpoint(location, null, false);
                consoleLater(printer.breakpointCreated(b, s.breakpoints()));
            });
        } else {
            refresh("delete " + existing, s -> s.deleteBreakpoints(existing));
        }
    }

    void addWatch(String expression) {
        String e = expression.strip();
        if (e.isEmpty()) return;
        state.watches.add(e);
        refresh("watch " + e, s -> {});
    }

    /** A command line for the REPL's interpreter; its output goes to the console. */
    void command(String line) {
        if (line.isBlank()) return;
        panes.console.append(Repl.PROMPT + line, Role.PROMPT);
        if (worker.busy() && typeAhead.size() < TYPE_AHEAD) {
            typeAhead.addLast(() -> runCommand(line)); // typed ahead (while loading, or during a move): runs after it
            return;
        }
        runCommand(line);
    }

    private void runCommand(String line) {
        if (refuseWhenBusy()) {
            panes.console.append(state.message, Role.ERROR); // said where the command was typed, not only in the status bar
            return;
        }
        long before = state.event();
        List<String> watches = List.copyOf(state.watches);
        worker.submit(line.strip(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                interpreter.execute(line, o, e);
            }
            return new CommandResult(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    loader.load(session.status(), watches));
        }, r -> {
            if (!r.out().isEmpty()) panes.console.append(r.out(), Role.TEXT);
            if (!r.err().isEmpty()) panes.console.append(r.err(), Role.ERROR);
            boolean moved = r.snapshot().event() != before || state.snapshot == null || r.snapshot().pc() != state.snapshot.pc();
            if (r.snapshot().event() != before) history.moved(before);
            arrive(r.snapshot(), moved);
            if (interpreter.quitRequested()) quit = true;
            next();
        }, this::failed);
    }

    /** What a command line printed and the state after it. */
    private record CommandResult(String out, String err, Snapshot snapshot) {}

    // ---- control ------------------------------------------------------------------------------------

    /**
     * Ctrl-C: drops the moves typed ahead and asks the running command to stop at the replay's next
     * safe point (between two stops of the program); the screen then shows where it got to.
     */
    void interrupt() {
        if (!worker.busy()) {
            state.message = "nothing to interrupt (q quits)";
            return;
        }
        int dropped = typeAhead.size();
        typeAhead.clear();
        session.interrupt();
        state.message = (dropped > 0 ? "dropped " + dropped + " queued; " : "") + "interrupting " + worker.label();
    }

    void requestQuit() {
        if (worker.busy()) {
            typeAhead.clear();
            quitWhenIdle = true;
            state.message = "quitting when " + worker.label() + " ends";
        } else {
            quit = true;
        }
    }

    private boolean refuseWhenBusy() {
        if (!worker.busy()) return false;
        state.message = "busy with " + worker.label() + ": wait for it to finish";
        return true;
    }

    // ---- results ------------------------------------------------------------------------------------

    private void consoleLater(String text) {
        synchronized (pendingConsole) {
            pendingConsole.add(text);
        }
    }

    private void drainConsole() {
        synchronized (pendingConsole) {
            for (String t : pendingConsole) panes.console.append(t, Role.TEXT);
            pendingConsole.clear();
        }
    }

    /** A job ended: forget a "busy" complaint about it. */
    private void idle() {
        if (state.message.startsWith("busy with ")) state.message = "";
        if (quitWhenIdle) quit = true;
    }

    /** Runs the next move typed ahead, if any: every job's completion on the GUI thread ends with this. */
    private void next() {
        Runnable r = typeAhead.pollFirst();
        if (r != null && !quit) r.run();
    }

    private void failed(String error) {
        idle();
        typeAhead.clear();
        state.message = error;
        panes.console.append(error, Role.ERROR);
        drainConsole();
    }

    /** Takes in a snapshot; moved = the program moved, so the panes follow the new position. */
    private void arrive(Snapshot s, boolean moved) {
        idle();
        state.accept(s, moved);
        for (String p : s.problems()) panes.console.append(p, Role.ERROR);
        drainConsole();
        StopEvent stop = s.stop();
        state.reverse = stop.reverse();
        if (stop.reason() == StopEvent.Reason.BREAKPOINT) state.stops.breakpoints().add(s.event());
        if (stop.reason() == StopEvent.Reason.WATCHPOINT) state.stops.writes().add(s.event());
        panes.follow(moved);
        for (BreakpointInfo b : panes.watch.watchpoints()) {
            String e = WatchPane.watched(b);
            if (state.historyAsked.add(e)) history(e);
        }
    }

    /** A watched expression's value over the recording, by replaying it with the watchpoint armed (queued). */
    private void history(String expression) {
        if (worker.busy()) {
            typeAhead.addLast(() -> history(expression));
            return;
        }
        worker.submit("value history of " + expression, () -> session.history(expression), rows -> {
            state.histories.put(expression, new ValueOverTime(expression, rows));
            // the first point is the value before any write, not a write
            for (int i = 1; i < rows.size(); i++) state.stops.writes().add(rows.get(i).event());
            idle();
            next();
        }, error -> {
            state.histories.put(expression, new ValueOverTime(expression, List.of()));
            failed("history " + expression + ": " + error);
        });
    }

    /**
     * Enter on a point of a value's history: to that write itself. The history knows its event and
     * how many writes of the same event came before it, so go to the event before and continue to
     * the (k+1)-th write inside that event with a watchpoint (other breakpoints disabled meanwhile).
     */
    void jumpToWrite(ValueOverTime h, int index) {
        io.jrrtui.api.ValuePoint p = h.points.get(index);
        if (index == 0) {
            gotoEvent(p.event());
            return;
        }
        int skip = h.ordinalInEvent(index);
        motion("to write " + index + " of " + h.expression, s -> {
            List<Integer> enabled = new ArrayList<>();
            for (BreakpointInfo b : s.breakpoints()) if (b.enabled()) enabled.add(b.number());
            if (!enabled.isEmpty()) s.setEnabled(enabled, false);
            BreakpointInfo w = null;
            try {
                s.gotoEvent(Math.max(1, p.event() - 1));
                w = s.addWatchpoint(h.expression, DebugSession.WatchKind.WRITE, true);
                StopEvent stop = s.cont();
                while (stop.reason() == StopEvent.Reason.WATCHPOINT && stop.event() < p.event()) stop = s.cont();
                for (int k = 0; k < skip && stop.reason() == StopEvent.Reason.WATCHPOINT; k++) stop = s.cont();
                return stop;
            } finally {
                if (w != null) s.deleteBreakpoints(List.of(w.number()));
                if (!enabled.isEmpty()) s.setEnabled(enabled, true);
            }
        });
    }

    private void reportStop(Snapshot s) {
        StopEvent stop = s.stop();
        BreakpointInfo hit = null;
        for (BreakpointInfo b : s.breakpoints()) if (b.number() == stop.breakpoint()) hit = b;
        FrameInfo frame = s.frames().isEmpty() ? null : s.frames().get(0);
        String text = s.exited() && stop.reason() != StopEvent.Reason.EXITED ? EndOfRecording.line(s) : printer.stop(stop, frame, hit).strip();
        panes.console.append(text, Role.TEXT);
        state.message = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }
}
