package io.jrrtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.CheckpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.DisassemblyLine;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.repl.CommandInterpreter;
import io.jrrtui.repl.Repl;
import io.jrrtui.repl.SourceCache;
import io.jrrtui.repl.StopPrinter;
import io.jrrtui.repl.ValueHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The TUI's state machine on the GUI thread: turns keys into actions, starts debugger work on the
 * {@link Worker} and takes in the {@link Snapshot} each piece of work ends with. It never calls the
 * session itself.
 */
final class Workbench {
    final TuiState state = new TuiState();
    final DisassemblyPane disassembly = new DisassemblyPane(state);
    final SourcePane source = new SourcePane(state, disassembly);
    final RegistersPane registers = new RegistersPane(state);
    final TimelinePane timeline = new TimelinePane(state);
    final WatchPane watch = new WatchPane(state);
    final BacktracePane backtrace = new BacktracePane(state);
    final ThreadsPane threads = new ThreadsPane(state);
    final OutputPane output = new OutputPane(state);
    final ConsolePane console = new ConsolePane();
    final List<Pane> panes = List.of(source, disassembly, registers, timeline, watch, backtrace, threads, output, console);
    final PaneLayout layout = new PaneLayout(List.of(source, disassembly, timeline, console),
            List.of(registers, watch, backtrace, threads, output));

    private final DebugSession session;
    private final Worker worker;
    private final SnapshotLoader loader;
    private final StopPrinter printer = new StopPrinter(new SourceCache(), new ValueHistory());
    private final CommandInterpreter interpreter;
    final KeyMap keys;
    final TimeHistory history = new TimeHistory();
    private final Map<Character, CheckpointInfo> bookmarks = new HashMap<>();
    private final List<String> commandHistory = new ArrayList<>();
    private final List<String> eventHistory = new ArrayList<>();
    private final List<String> watchHistory = new ArrayList<>();
    /** Content heights of the panes as last drawn (for paging), by pane. */
    final Map<Pane, Integer> heights = new HashMap<>();
    /** Pane rectangles as last drawn, for mouse clicks. */
    Map<Pane, PaneLayout.Rect> lastRects = Map.of();
    /** Console text produced inside worker jobs, shown when the job's snapshot arrives. */
    private final List<String> pendingConsole = new ArrayList<>();

    Pane focus = source;
    Prompt prompt;
    boolean helpShown;
    private char pendingPrefix;
    String message = "";
    boolean reverse;
    private boolean quit;
    private boolean quitWhenIdle;

    Workbench(DebugSession session, Worker worker, KeyMap keys) {
        this.session = session;
        this.worker = worker;
        this.keys = keys;
        this.loader = new SnapshotLoader(session);
        this.interpreter = new CommandInterpreter(session, printer);
    }

    boolean quit() {
        return quit;
    }

    boolean busy() {
        return worker.busy();
    }

    int height(Pane p) {
        return Math.max(1, heights.getOrDefault(p, 10));
    }

    /** Reads the event index and the first snapshot. */
    void start() {
        List<String> watches = List.copyOf(state.watches);
        worker.submit("loading the recording", () -> {
            EventIndex index = EventIndex.load(session);
            return new Object[] {index, loader.load(session.status(), watches)};
        }, r -> {
            state.events = (EventIndex) r[0];
            Snapshot s = (Snapshot) r[1];
            arrive(s, true);
            reportStop(s);
            message = "? for help, : for a command, q to quit";
        }, this::failed);
    }

    /** The status line's parts: position words, the last message, and what runs (null when idle). */
    record Status(String position, String message, String busy) {}

    Status status() {
        long n = state.event(), total = state.eventCount();
        String pos = total <= 0 ? "loading" : String.format("event %d/%d %3d%%", n, total, total == 0 ? 0 : Math.round(100.0 * n / total));
        int tid = state.thread();
        if (tid != 0) pos += "  thread " + tid;
        if (state.snapshot != null) pos += "  " + StopText.reason(state.snapshot.stop()) + "  " + (reverse ? "reverse" : "forward");
        String busy = worker.busy() ? String.format("%s %.1fs (Ctrl-C)", worker.label(), worker.elapsedMillis() / 1000.0) : null;
        return new Status(pos, message, busy);
    }

    // ---- keys ------------------------------------------------------------------------------------

    void handle(KeyStroke k) {
        if (k == null) return;
        if (prompt != null) {
            prompt.handle(k);
            if (prompt.done()) prompt = null;
            return;
        }
        if (helpShown) {
            helpShown = false;
            return;
        }
        if (k instanceof MouseAction m) {
            mouse(m);
            return;
        }
        if (pendingPrefix != 0) {
            char prefix = pendingPrefix;
            pendingPrefix = 0;
            if (k.getKeyType() == KeyType.Character && Character.isLetter(k.getCharacter())) bookmark(prefix, k.getCharacter());
            else message = "bookmarks are letters a-z";
            return;
        }
        if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()
                && k.getCharacter() >= '1' && k.getCharacter() <= '9') {
            Pane p = panes.get(k.getCharacter() - '1');
            p.hidden = false;
            focus = p;
            return;
        }
        if (k.getKeyType() == KeyType.Enter) {
            activate();
            return;
        }
        if (k.getKeyType() == KeyType.Delete && focus == watch) {
            perform(Action.REMOVE_WATCH);
            return;
        }
        if (k.getKeyType() == KeyType.Escape) {
            message = "";
            return;
        }
        Action a = keys.action(k);
        if (a != null) perform(a);
        else if (!focus.navigate(k, height(focus))) message = "no key " + describe(k) + " (? for help)";
    }

    private static String describe(KeyStroke k) {
        String mods = (k.isCtrlDown() ? "Ctrl-" : "") + (k.isAltDown() ? "Alt-" : "") + (k.isShiftDown() && k.getKeyType() != KeyType.Character ? "Shift-" : "");
        return mods + (k.getKeyType() == KeyType.Character ? String.valueOf(k.getCharacter()) : k.getKeyType().name());
    }

    void perform(Action a) {
        switch (a) {
            case CONTINUE -> motion("continue", printer.continuing(), DebugSession::cont);
            case REVERSE_CONTINUE -> motion("reverse-continue", printer.continuing(), DebugSession::reverseContinue);
            case NEXT -> motion("next", DebugSession::next);
            case REVERSE_NEXT -> motion("reverse-next", DebugSession::reverseNext);
            case STEP -> motion("step", DebugSession::step);
            case REVERSE_STEP -> motion("reverse-step", DebugSession::reverseStep);
            case STEPI -> motion("stepi", DebugSession::stepi);
            case REVERSE_STEPI -> motion("reverse-stepi", DebugSession::reverseStepi);
            case FINISH -> motion("finish", header(printer::runTillExit), DebugSession::finish);
            case REVERSE_FINISH -> motion("reverse-finish", header(printer::runBackToCall), DebugSession::reverseFinish);
            case TOGGLE_BREAKPOINT -> toggleBreakpoint();
            case ADD_WATCH -> prompt = new Prompt("watch: ", watchHistory, this::addWatch);
            case REMOVE_WATCH -> removeWatch();
            case GOTO_EVENT -> prompt = new Prompt("go to event: ", eventHistory, this::gotoTyped);
            case PREV_EVENT -> gotoEvent(state.event() - 1);
            case NEXT_EVENT -> gotoEvent(state.event() + 1);
            case UNDO -> undo(true);
            case REDO -> undo(false);
            case SET_BOOKMARK -> prefix('m', "bookmark this moment as (a-z): ");
            case GO_BOOKMARK -> prefix('\'', "go to bookmark (a-z): ");
            case COMMAND -> prompt = new Prompt("(jrr) ", commandHistory, this::command);
            case HELP -> helpShown = true;
            case QUIT -> requestQuit();
            case FOCUS_NEXT -> cycleFocus(1);
            case FOCUS_PREV -> cycleFocus(-1);
            case HIDE_PANE -> hideFocused();
            case SHOW_ALL -> panes.forEach(p -> p.hidden = false);
            case GROW -> focus.weight++;
            case SHRINK -> focus.weight = Math.max(1, focus.weight - 1);
            case WIDEN_LEFT -> layout.leftPercent = Math.min(85, layout.leftPercent + 4);
            case NARROW_LEFT -> layout.leftPercent = Math.max(15, layout.leftPercent - 4);
            case INTERRUPT -> interrupt();
        }
    }

    private void prefix(char c, String text) {
        pendingPrefix = c;
        message = text;
    }

    private void cycleFocus(int delta) {
        int i = panes.indexOf(focus);
        for (int n = 0; n < panes.size(); n++) {
            i = Math.floorMod(i + delta, panes.size());
            if (!panes.get(i).hidden) {
                focus = panes.get(i);
                return;
            }
        }
    }

    private void hideFocused() {
        if (panes.stream().filter(p -> !p.hidden).count() <= 1) {
            message = "cannot hide the last pane";
            return;
        }
        focus.hidden = true;
        message = focus.name + " hidden (" + focus.number + " or H shows it)";
        cycleFocus(1);
    }

    private void interrupt() {
        if (!worker.busy()) {
            message = "nothing to interrupt (q quits)";
            return;
        }
        worker.interrupt();
        message = "interrupt requested; the debugger finishes " + worker.label() + " first";
    }

    private void requestQuit() {
        if (worker.busy()) {
            quitWhenIdle = true;
            message = "quitting when " + worker.label() + " ends";
        } else {
            quit = true;
        }
    }

    private void activate() {
        if (focus == timeline) {
            gotoEvent(timeline.cursorEvent);
        } else if (focus == output) {
            OutputPane.Line l = output.selected();
            if (l != null) gotoEvent(l.event());
        } else if (focus == backtrace) {
            FrameInfo f = backtrace.selected();
            if (f != null) refresh("frame " + f.level(), s -> s.selectFrame(f.level()));
        } else if (focus == watch) {
            prompt = new Prompt("watch: ", watchHistory, this::addWatch);
        } else if (focus == console) {
            perform(Action.COMMAND);
        } else if (focus == source) {
            toggleBreakpoint();
        }
    }

    private void mouse(MouseAction m) {
        if (!m.isMouseDown()) return;
        PaneLayout.Rect r = lastRects.get(timeline);
        int col = m.getPosition().getColumn(), row = m.getPosition().getRow();
        if (r != null && row == r.top() + 1 && col >= r.left() && col < r.left() + r.width()) {
            long target = Scrubber.eventAt(col - r.left(), r.width(), state.eventCount());
            timeline.cursorEvent = target;
            focus = timeline;
            gotoEvent(target);
            return;
        }
        for (Map.Entry<Pane, PaneLayout.Rect> e : lastRects.entrySet()) {
            PaneLayout.Rect pr = e.getValue();
            if (col >= pr.left() && col < pr.left() + pr.width() && row >= pr.top() && row < pr.top() + pr.height()) {
                focus = e.getKey();
                if (row > pr.top() && focus != timeline) focus.cursor = focus.top + row - pr.top() - 1;
            }
        }
    }

    // ---- work on the debugger ------------------------------------------------------------------

    private boolean refuseWhenBusy() {
        if (!worker.busy()) return false;
        message = "busy with " + worker.label() + " (Ctrl-C asks it to stop)";
        return true;
    }

    /** A move in time: remembered for undo, reported in the console. */
    void motion(String label, Function<DebugSession, StopEvent> op) {
        motion(label, "", op);
    }

    /** A move that prints a header first, as gdb does ("Continuing.", "Run till exit from ..."). */
    private void motion(String label, String header, Function<DebugSession, StopEvent> op) {
        if (refuseWhenBusy()) return;
        if (!header.isEmpty()) console.append(header, Role.TEXT);
        history.moved(state.event());
        move(label, op);
    }

    /** The finish headers name the selected frame ("" when there is none). */
    private String header(Function<FrameInfo, String> text) {
        FrameInfo f = state.snapshot == null ? null : state.snapshot.selected();
        return f == null ? "" : text.apply(f);
    }

    private void move(String label, Function<DebugSession, StopEvent> op) {
        List<String> watches = List.copyOf(state.watches);
        worker.submit(label, () -> loader.load(op.apply(session), watches), s -> {
            arrive(s, true);
            reportStop(s);
        }, this::failed);
    }

    /** Work that does not move (frame selection, breakpoints, watches): reload the panes after it. */
    void refresh(String label, Consumer<DebugSession> op) {
        if (refuseWhenBusy()) return;
        List<String> watches = List.copyOf(state.watches);
        worker.submit(label, () -> {
            op.accept(session);
            return loader.load(session.status(), watches);
        }, s -> arrive(s, false), this::failed);
    }

    private void gotoEvent(long n) {
        long target = Math.max(1, Math.min(n, Math.max(1, state.eventCount())));
        motion("go to event " + target, s -> s.gotoEvent(target));
    }

    private void gotoTyped(String text) {
        try {
            gotoEvent(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            message = "not an event number: " + text.strip();
        }
    }

    private void undo(boolean back) {
        if (refuseWhenBusy()) return;
        long target = back ? history.undo(state.event()) : history.redo(state.event());
        if (target < 0) {
            message = back ? "nothing to undo" : "nothing to redo";
            return;
        }
        move((back ? "undo: " : "redo: ") + "go to event " + target, s -> s.gotoEvent(target));
    }

    private void bookmark(char prefix, char letter) {
        if (prefix == 'm') {
            if (refuseWhenBusy()) return;
            worker.submit("bookmark " + letter, session::checkpoint, c -> {
                bookmarks.put(letter, c);
                message = "bookmark " + letter + " = event " + c.event() + " (checkpoint " + c.number() + ")";
            }, this::failed);
        } else {
            CheckpointInfo c = bookmarks.get(letter);
            if (c == null) message = "no bookmark " + letter + " (m" + letter + " sets it)";
            else motion("bookmark " + letter, s -> s.restart(c.number()));
        }
    }

    private void toggleBreakpoint() {
        String file = source.file();
        if (file != null) {
            int line = source.selectedLine();
            List<Integer> existing = state.breakpointsAt(file, line);
            String where = TuiState.baseName(file) + ":" + line;
            if (existing.isEmpty()) refresh("break " + where, s -> consoleLater(printer.breakpointCreated(s.addBreakpoint(file + ":" + line, null, false))));
            else refresh("delete " + existing, s -> s.deleteBreakpoints(existing));
            return;
        }
        List<DisassemblyLine> code = state.snapshot == null ? List.of() : state.snapshot.disassembly();
        int i = focus == disassembly ? disassembly.cursor : source.cursor;
        if (i < 0 || i >= code.size()) {
            message = "no line or instruction selected";
            return;
        }
        long address = code.get(i).address();
        List<Integer> existing = new ArrayList<>();
        for (BreakpointInfo b : state.snapshot.breakpoints()) {
            if (b.locations().stream().anyMatch(l -> l.pc() == address)) existing.add(b.number());
        }
        if (existing.isEmpty()) refresh(String.format("break *0x%x", address), s -> consoleLater(printer.breakpointCreated(s.addBreakpoint(String.format("*0x%x", address), null, false))));
        else refresh("delete " + existing, s -> s.deleteBreakpoints(existing));
    }

    /** Text a worker job produced for the console; shown when the job's snapshot arrives. */
    private void consoleLater(String text) {
        synchronized (pendingConsole) {
            pendingConsole.add(text);
        }
    }

    private void addWatch(String expression) {
        String e = expression.strip();
        if (e.isEmpty()) return;
        state.watches.add(e);
        refresh("watch " + e, s -> {});
    }

    private void removeWatch() {
        if (focus != watch) {
            message = "d removes a watch in the Watch pane (5)";
            return;
        }
        String w = watch.selected();
        if (w == null) return;
        state.watches.remove(w);
        message = "removed watch " + w;
    }

    private void command(String line) {
        if (line.isBlank()) return;
        console.append(Repl.PROMPT + line, Role.PROMPT);
        if (refuseWhenBusy()) return;
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
            if (!r.out().isEmpty()) console.append(r.out(), Role.TEXT);
            if (!r.err().isEmpty()) console.append(r.err(), Role.ERROR);
            if (r.snapshot().event() != before) history.moved(before);
            arrive(r.snapshot(), r.snapshot().event() != before || r.snapshot().pc() != state.snapshot.pc());
            if (interpreter.quitRequested()) quit = true;
        }, this::failed);
    }

    /** What a command line printed and the state after it. */
    private record CommandResult(String out, String err, Snapshot snapshot) {}

    /** A job ended: forget a "busy" complaint about it. */
    private void idle() {
        if (message.startsWith("busy with ")) message = "";
    }

    private void failed(String error) {
        idle();
        message = error;
        console.append(error, Role.ERROR);
        drainConsole();
        if (quitWhenIdle) quit = true;
    }

    private void drainConsole() {
        synchronized (pendingConsole) {
            for (String t : pendingConsole) console.append(t, Role.TEXT);
            pendingConsole.clear();
        }
    }

    /** Takes in a snapshot; moved = the program moved, so the panes follow the new position. */
    private void arrive(Snapshot s, boolean moved) {
        idle();
        state.accept(s);
        for (String p : s.problems()) console.append(p, Role.ERROR);
        drainConsole();
        StopEvent stop = s.stop();
        reverse = stop.reverse();
        if (stop.reason() == StopEvent.Reason.BREAKPOINT || stop.reason() == StopEvent.Reason.WATCHPOINT) state.hitEvents.add(s.event());
        if (moved) {
            source.follow(height(source));
            disassembly.follow(disassembly, height(disassembly));
            timeline.follow();
            backtrace.follow(height(backtrace));
            output.follow(height(output));
        } else {
            source.follow(height(source));
        }
        if (quitWhenIdle) quit = true;
    }

    private void reportStop(Snapshot s) {
        StopEvent stop = s.stop();
        BreakpointInfo hit = null;
        for (BreakpointInfo b : s.breakpoints()) if (b.number() == stop.breakpoint()) hit = b;
        FrameInfo frame = s.frames().isEmpty() ? null : s.frames().get(0);
        String text = printer.stop(stop, frame, hit).strip();
        console.append(text, Role.TEXT);
        message = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }
}
