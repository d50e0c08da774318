package io.jrrtui.tui;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.DisassemblyLine;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.Variable;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads a {@link Snapshot} from the session (worker thread only). Each part fails on its own. */
final class SnapshotLoader {
    static final int BACKTRACE_LIMIT = 64;
    static final int DISASSEMBLY_BEFORE_LIMIT = 4096;
    static final int DISASSEMBLY_COUNT = 64;

    private final DebugSession session;

    SnapshotLoader(DebugSession session) {
        this.session = session;
    }

    /** Parts that failed while loading the current snapshot (worker thread only). */
    private final List<String> problems = new ArrayList<>();

    Snapshot load(StopEvent stop, List<String> watches) {
        problems.clear();
        long pc = orElse("pc", session::pc, 0L);
        List<FrameInfo> frames = orElse("backtrace", () -> session.backtrace(BACKTRACE_LIMIT), List.of());
        FrameInfo selected = orElse("frame", session::selectedFrame, null);
        // threads before the values: their unwinding must not move the selected frame
        List<io.jrrtui.api.ThreadInfo> threads = orElse("threads", session::threads, List.of());
        List<String> values = new ArrayList<>();
        for (String w : watches) values.add(printOrError(w));
        return new Snapshot(stop, session.currentEvent(), session.eventCount(), pc, frames, selected,
                orElse("registers", session::registers, List.of()), disassembly(pc),
                orElse("breakpoints", session::breakpoints, List.of()), List.copyOf(watches), values,
                orElse("output", () -> session.output(session.currentEvent()), List.of()), List.copyOf(problems),
                threads, pc == 0 ? orElse("ending", this::ending, null) : null);
    }

    /** How the program ended, from the recording's last event ("exit 3", "killed by SIGSEGV"). */
    private String ending() {
        long last = session.eventCount();
        for (io.jrrtui.api.EventSummary e : session.events(last, last)) {
            if (!e.kind().equals("exit")) continue;
            String s = e.summary();
            return s.startsWith("exit ") ? "exited with status " + s.substring(5) : "was " + s;
        }
        return null;
    }

    private String printOrError(String expression) {
        try {
            return session.print(expression, null);
        } catch (RuntimeException e) {
            return "<" + Tui.message(e) + ">";
        }
    }

    /**
     * Instructions around pc: x86 cannot be decoded backwards, so start at the function's entry
     * (pc minus the offset in the "func+off" label) when it is near, else at pc.
     */
    private List<DisassemblyLine> disassembly(long pc) {
        if (pc == 0) return List.of();
        long start = pc;
        List<DisassemblyLine> here = orElse("disassemble", () -> session.disassemble(pc, 1), List.of());
        if (!here.isEmpty()) {
            long off = labelOffset(here.get(0).label());
            if (off > 0 && off <= DISASSEMBLY_BEFORE_LIMIT) start = pc - off;
        }
        long from = start;
        List<DisassemblyLine> lines = orElse("disassemble", () -> session.disassemble(from, DISASSEMBLY_COUNT), List.of());
        if (lines.stream().noneMatch(l -> l.address() == pc)) {
            lines = orElse("disassemble", () -> session.disassemble(pc, DISASSEMBLY_COUNT), List.of());
        }
        return lines;
    }

    static long labelOffset(String label) {
        if (label == null) return 0;
        int plus = label.lastIndexOf('+');
        if (plus < 0) return 0;
        String digits = label.substring(plus + 1).replace(">", "").strip();
        try {
            return digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * One part of the snapshot, or fallback when the session cannot give it. Any RuntimeException
     * is caught so that one failing pane (a bug deeper down) leaves the others working; the failure
     * goes to the console.
     */
    private <T> T orElse(String what, Supplier<T> part, T fallback) {
        try {
            return part.get();
        } catch (JrrException e) {
            return fallback; // an expected answer such as "No stack." after the exit
        } catch (RuntimeException e) {
            problems.add(what + ": " + Tui.message(e));
            return fallback;
        }
    }
}
