package io.jrrtui.tui;

import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads of the debugged process at the current position (number, thread id, name, where it
 * is), the selected one marked; Enter selects the thread under the cursor and every pane follows.
 */
final class ThreadsPane extends Pane {
    private final TuiState state;

    ThreadsPane(TuiState state) {
        super(7, "Threads", 2);
        this.state = state;
    }

    @Override
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (ThreadInfo t : threads()) {
            rows.add(new Row(t.selected() ? "*" : " ", t.selected() ? Role.CURRENT : Role.TEXT,
                    // a core file's threads have no names
                    t.number() + "  LWP " + t.tid() + (t.name() == null ? "" : " \"" + t.name() + "\"") + "  " + describe(t),
                    t.selected() ? Role.CURRENT : Role.TEXT));
        }
        if (rows.isEmpty()) rows.add(Row.of(state.snapshot == null ? "(loading)" : "(no threads: the program is not running)", Role.DIM));
        return rows;
    }

    /** The thread under the cursor, or null. */
    ThreadInfo selected() {
        List<ThreadInfo> all = threads();
        return cursor >= 0 && cursor < all.size() ? all.get(cursor) : null;
    }

    private List<ThreadInfo> threads() {
        return state.snapshot == null ? List.of() : state.snapshot.threads();
    }

    private static String describe(ThreadInfo t) {
        FrameInfo f = t.frame();
        if (f == null) return "(no frame)";
        String where = f.where().function() == null ? String.format("0x%x", f.where().pc()) : f.where().function();
        if (f.where().hasLine()) where += " at " + TuiState.baseName(f.where().file()) + ":" + f.where().line();
        return t.inSyscall() ? where + " (in a system call)" : where;
    }
}
