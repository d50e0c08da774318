package io.jrrtui.tui;

import io.jrrtui.api.DisassemblyLine;
import java.util.ArrayList;
import java.util.List;

/** Instructions around the selected frame's pc, the current one marked. */
final class DisassemblyPane extends Pane {
    private final TuiState state;

    DisassemblyPane(TuiState state) {
        super(2, "Disassembly", 3);
        this.state = state;
    }

    @Override
    String subtitle() {
        long pc = pc();
        return pc == 0 ? "" : String.format("pc 0x%x", pc);
    }

    private long pc() {
        return state.where() == null ? 0 : state.where().pc();
    }

    /** Index of the current instruction, or -1. */
    int currentIndex() {
        List<DisassemblyLine> lines = lines();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).address() == pc()) return i;
        return -1;
    }

    private List<DisassemblyLine> lines() {
        return state.snapshot == null ? List.of() : state.snapshot.disassembly();
    }

    void follow(Pane shown, int height) {
        shown.focusRow(Math.max(0, currentIndex()), height);
    }

    private static String label(DisassemblyLine l) {
        return l.label() == null || l.label().isEmpty() ? "" : "<" + l.label() + ">";
    }

    @Override
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        long pc = pc();
        int labelWidth = 0;
        for (DisassemblyLine l : lines()) labelWidth = Math.max(labelWidth, label(l).length());
        for (DisassemblyLine l : lines()) {
            boolean current = l.address() == pc;
            boolean bp = state.breakpointAt(l.address());
            String mark = (bp ? "B" : " ") + (current ? ">" : " ");
            rows.add(new Row(mark, bp ? Role.BREAKPOINT : current ? Role.CURRENT : Role.DIM,
                    String.format("0x%x %-" + Math.max(1, labelWidth) + "s  %s", l.address(), label(l), l.text()),
                    current ? Role.CURRENT : Role.TEXT));
        }
        if (rows.isEmpty()) rows.add(Row.of(state.snapshot != null && state.snapshot.exited() ? "(the program has exited)" : "(no code here)", Role.DIM));
        return rows;
    }
}
