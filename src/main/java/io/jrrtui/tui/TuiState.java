package io.jrrtui.tui;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the panes read: the current and previous snapshots, the event index, watches, sources. GUI thread only. */
final class TuiState {
    Snapshot snapshot;
    Snapshot previous;
    EventIndex events = EventIndex.empty();
    final SourceFiles sources = new SourceFiles();
    final List<String> watches = new ArrayList<>();
    /** Events at which a breakpoint or watchpoint stopped us in this session (and watched writes), for the scrubber. */
    final Stops stops = new Stops();
    /** Value histories of watched expressions (watchpoints), by expression; asked once each. */
    final java.util.Map<String, ValueOverTime> histories = new java.util.HashMap<>();
    final Set<String> historyAsked = new java.util.HashSet<>();
    /** The status line's message, and the direction of the last move. */
    String message = "";
    boolean reverse;

    /**
     * Takes in a new snapshot. previous stays the one of the stop before, so that a reload without
     * moving (frame selection, a new watch) keeps "changed since the last stop" highlights.
     */
    void accept(Snapshot s, boolean moved) {
        if (moved || previous == null) previous = snapshot;
        snapshot = s;
    }

    long event() {
        return snapshot == null ? 0 : snapshot.event();
    }

    long eventCount() {
        return snapshot == null ? events.count() : snapshot.eventCount();
    }

    /** The selected frame's location, or the stop's. */
    SourceLocation where() {
        if (snapshot == null) return null;
        if (snapshot.selected() != null) return snapshot.selected().where();
        return snapshot.stop().where();
    }

    boolean breakpointAt(String file, int line) {
        if (snapshot == null || file == null) return false;
        for (BreakpointInfo b : snapshot.breakpoints()) {
            for (SourceLocation l : b.locations()) {
                if (l.line() == line && sameFile(l.file(), file)) return true;
            }
        }
        return false;
    }

    boolean breakpointAt(long pc) {
        if (snapshot == null) return false;
        for (BreakpointInfo b : snapshot.breakpoints()) {
            for (SourceLocation l : b.locations()) if (l.pc() == pc) return true;
        }
        return false;
    }

    /** The breakpoint numbers set on file:line, or placed there (b toggles them). */
    List<Integer> breakpointsAt(String file, int line) {
        List<Integer> out = new ArrayList<>();
        if (snapshot == null) return out;
        for (BreakpointInfo b : snapshot.breakpoints()) {
            if (b.what().equals(file + ":" + line)) { // set on this line, placed on a later one (a function's opening line)
                out.add(b.number());
                continue;
            }
            for (SourceLocation l : b.locations()) {
                if (l.line() == line && sameFile(l.file(), file)) {
                    out.add(b.number());
                    break;
                }
            }
        }
        return out;
    }

    static boolean sameFile(String a, String b) {
        if (a == null || b == null) return false;
        return a.equals(b) || a.endsWith("/" + b) || b.endsWith("/" + a);
    }

    static String baseName(String file) {
        if (file == null) return "";
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }
}
