package io.jrrtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.DisassemblyLine;
import io.jrrtui.api.FrameInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The TUI's key handling on the GUI thread: turns keys, prompts and clicks into pane changes or
 * {@link Driver} work. It never calls the session itself.
 */
final class Workbench {
    final TuiState state = new TuiState();
    final Panes panes = new Panes(state);
    final KeyMap keys;
    final Driver driver;
    private final List<String> commandHistory = new ArrayList<>();
    private final List<String> eventHistory = new ArrayList<>();
    private final List<String> watchHistory = new ArrayList<>();
    private final List<String> filterHistory = new ArrayList<>();

    Prompt prompt;
    boolean helpShown;
    /** 'm' or '\'' while waiting for a bookmark letter, else 0. */
    private char pendingPrefix;

    Workbench(DebugSession session, Worker worker, KeyMap keys) {
        this.keys = keys;
        this.driver = new Driver(session, worker, state, panes);
    }

    boolean quit() {
        return driver.quit();
    }

    boolean busy() {
        return driver.busy();
    }

    void start() {
        driver.start();
    }

    /** The status line's parts: position words, the last message, and what runs (null when idle). */
    record Status(String position, String message, String busy) {}

    Status status() {
        long n = state.event(), total = state.eventCount();
        String pos = total <= 0 ? "loading" : String.format("event %d/%d %3d%%", n, total, Math.round(100.0 * n / total));
        io.jrrtui.api.ThreadInfo thread = state.snapshot == null ? null : state.snapshot.selectedThread();
        if (thread != null) pos += "  thread " + thread.number() + " (LWP " + thread.tid() + ")";
        if (state.snapshot != null) pos += "  " + StopText.reason(state.snapshot.stop()) + "  " + (state.reverse ? "reverse" : "forward");
        return new Status(pos, state.message, driver.busyText());
    }

    void handle(KeyStroke k) {
        if (k == null) return;
        if (prompt != null) {
            prompt.handle(k);
            if (prompt.done()) prompt = null;
        } else if (helpShown) {
            helpShown = false;
        } else if (k instanceof MouseAction m) {
            mouse(m);
        } else if (pendingPrefix != 0) {
            bookmarkLetter(k);
        } else if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()
                && k.getCharacter() >= '1' && k.getCharacter() <= '9') {
            panes.focus(k.getCharacter() - '0');
            if (state.message.startsWith(panes.focus.name + " hidden (")) state.message = "";
        } else if (k.getKeyType() == KeyType.Enter) {
            activate();
        } else if (k.getKeyType() == KeyType.Delete && panes.focus == panes.watch) {
            perform(Action.REMOVE_WATCH);
        } else if (k.getKeyType() == KeyType.Escape) {
            state.message = "";
        } else {
            Action a = keys.action(k);
            if (a != null) perform(a);
            else if (!panes.focus.navigate(k, panes.height(panes.focus))) state.message = "no key " + describe(k) + " (? for help)";
        }
    }

    private static String describe(KeyStroke k) {
        String mods = (k.isCtrlDown() ? "Ctrl-" : "") + (k.isAltDown() ? "Alt-" : "")
                + (k.isShiftDown() && k.getKeyType() != KeyType.Character ? "Shift-" : "");
        return mods + (k.getKeyType() == KeyType.Character ? String.valueOf(k.getCharacter()) : k.getKeyType().name());
    }

    void perform(Action a) {
        switch (a) {
            case CONTINUE -> driver.continueForward();
            case REVERSE_CONTINUE -> driver.continueBackward();
            case NEXT -> driver.motion("next", DebugSession::next);
            case REVERSE_NEXT -> driver.motion("reverse-next", DebugSession::reverseNext);
            case STEP -> driver.motion("step", DebugSession::step);
            case REVERSE_STEP -> driver.motion("reverse-step", DebugSession::reverseStep);
            case STEPI -> driver.motion("stepi", DebugSession::stepi);
            case REVERSE_STEPI -> driver.motion("reverse-stepi", DebugSession::reverseStepi);
            case FINISH -> driver.finish(false);
            case REVERSE_FINISH -> driver.finish(true);
            case TOGGLE_BREAKPOINT -> toggleBreakpoint();
            case ADD_WATCH -> prompt = new Prompt("watch: ", watchHistory, driver::addWatch);
            case REMOVE_WATCH -> removeWatch();
            case GOTO_EVENT -> prompt = new Prompt("go to event: ", eventHistory, this::gotoTyped);
            case FILTER_TIMELINE -> prompt = new Prompt("timeline filter (text, syscall, t<tid>; empty clears): ", filterHistory,
                    driver::filterTimeline);
            case PREV_EVENT -> driver.gotoEvent(state.event() - 1);
            case NEXT_EVENT -> driver.gotoEvent(state.event() + 1);
            case UNDO -> driver.undo(true);
            case REDO -> driver.undo(false);
            case SET_BOOKMARK -> prefix('m', "bookmark this moment as (a-z): ");
            case GO_BOOKMARK -> prefix('\'', "go to bookmark (a-z): ");
            case COMMAND -> prompt = new Prompt("(jrr) ", commandHistory, driver::command);
            case HELP -> helpShown = true;
            case QUIT -> driver.requestQuit();
            case FOCUS_NEXT -> panes.cycleFocus(1);
            case FOCUS_PREV -> panes.cycleFocus(-1);
            case HIDE_PANE -> state.message = panes.hideFocused();
            case SHOW_ALL -> {
                panes.all.forEach(p -> p.hidden = false);
                if (state.message.contains(" hidden (")) state.message = "all panes shown";
            }
            case GROW -> panes.focus.weight++;
            case SHRINK -> panes.focus.weight = Math.max(1, panes.focus.weight - 1);
            case WIDEN_LEFT -> panes.layout.leftPercent = Math.min(85, panes.layout.leftPercent + 4);
            case NARROW_LEFT -> panes.layout.leftPercent = Math.max(15, panes.layout.leftPercent - 4);
            case INTERRUPT -> driver.interrupt();
        }
    }

    private void prefix(char c, String text) {
        pendingPrefix = c;
        state.message = text;
    }

    private void bookmarkLetter(KeyStroke k) {
        char prefix = pendingPrefix;
        pendingPrefix = 0;
        if (k.getKeyType() != KeyType.Character || !Character.isLetter(k.getCharacter())) {
            state.message = "bookmarks are letters a-z";
        } else if (prefix == 'm') {
            driver.setBookmark(k.getCharacter());
        } else {
            driver.goToBookmark(k.getCharacter());
        }
    }

    private void gotoTyped(String text) {
        try {
            driver.gotoEvent(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            state.message = "not an event number: " + text.strip();
        }
    }

    /** Enter: what the focused pane offers. */
    private void activate() {
        Pane focus = panes.focus;
        if (focus == panes.timeline) {
            driver.gotoEvent(panes.timeline.cursorEvent);
        } else if (focus == panes.output) {
            OutputPane.Line l = panes.output.selected();
            if (l != null) driver.gotoEvent(l.event());
        } else if (focus == panes.backtrace) {
            FrameInfo f = panes.backtrace.selected();
            if (f != null) driver.selectFrame(f.level());
        } else if (focus == panes.threads) {
            io.jrrtui.api.ThreadInfo t = panes.threads.selected();
            if (t != null) driver.selectThread(t.number());
        } else if (focus == panes.watch) {
            ValueOverTime h = panes.watch.selectedHistory();
            if (h != null && !h.points.isEmpty()) driver.jumpToWrite(h, panes.watch.chosenIndex(h));
            else perform(Action.ADD_WATCH);
        } else if (focus == panes.console) {
            perform(Action.COMMAND);
        } else if (focus == panes.source || focus == panes.disassembly) {
            toggleBreakpoint();
        }
    }

    /** A click on the scrubber bar goes to that point in time; elsewhere it focuses and selects; the wheel scrolls. */
    private void mouse(MouseAction m) {
        int col = m.getPosition().getColumn(), row = m.getPosition().getRow();
        MouseActionType type = m.getActionType();
        if (type == MouseActionType.SCROLL_UP || type == MouseActionType.SCROLL_DOWN) {
            Pane p = panes.at(col, row);
            KeyStroke k = new KeyStroke(type == MouseActionType.SCROLL_UP ? KeyType.ArrowUp : KeyType.ArrowDown);
            for (int i = 0; p != null && i < 3; i++) p.navigate(k, panes.height(p));
            return;
        }
        if (!m.isMouseDown()) return;
        PaneLayout.Rect bar = panes.rects.get(panes.timeline);
        if (bar != null && row == bar.top() + 1 && col >= bar.left() && col < bar.left() + bar.width()) {
            long target = Scrubber.eventAt(col - bar.left(), bar.width(), state.eventCount());
            panes.timeline.cursorEvent = target;
            panes.focus = panes.timeline;
            driver.gotoEvent(target);
            return;
        }
        Pane p = panes.at(col, row);
        if (p == null) return;
        panes.focus = p;
        PaneLayout.Rect r = panes.rects.get(p);
        if (row > r.top() && p != panes.timeline) p.cursor = p.top + row - r.top() - 1;
    }

    /** b: on the selected source line, or on the selected instruction where there is no source. */
    private void toggleBreakpoint() {
        String file = panes.source.file();
        if (file != null && panes.focus != panes.disassembly) {
            int line = panes.source.selectedLine();
            driver.toggleBreakpoint(file + ":" + line, TuiState.baseName(file) + ":" + line, state.breakpointsAt(file, line));
            return;
        }
        List<DisassemblyLine> code = state.snapshot == null ? List.of() : state.snapshot.disassembly();
        int i = panes.focus == panes.disassembly ? panes.disassembly.cursor : panes.source.cursor;
        if (i < 0 || i >= code.size()) {
            state.message = "no line or instruction selected";
            return;
        }
        long address = code.get(i).address();
        List<Integer> existing = new ArrayList<>();
        for (BreakpointInfo b : state.snapshot.breakpoints()) {
            if (b.locations().stream().anyMatch(l -> l.pc() == address)) existing.add(b.number());
        }
        String location = String.format("*0x%x", address);
        driver.toggleBreakpoint(location, location, existing);
    }

    private void removeWatch() {
        if (panes.focus != panes.watch) {
            state.message = "d removes a watch in the Watch pane (5)";
            return;
        }
        String w = panes.watch.selected();
        if (w == null) return;
        state.watches.remove(w);
        state.message = "removed watch " + w;
    }
}
