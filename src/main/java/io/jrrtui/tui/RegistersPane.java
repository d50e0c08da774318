package io.jrrtui.tui;

import io.jrrtui.api.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The register file, registers changed since the previous stop highlighted. */
final class RegistersPane extends Pane {
    private final TuiState state;

    RegistersPane(TuiState state) {
        super(3, "Registers", 5);
        this.state = state;
    }

    @Override
    List<Row> rows() {
        if (state.snapshot == null) return List.of();
        Map<String, String> before = new HashMap<>();
        if (state.previous != null) for (Variable v : state.previous.registers()) before.put(v.name(), v.value());
        List<Row> rows = new ArrayList<>();
        for (Variable v : state.snapshot.registers()) {
            String old = before.get(v.name());
            boolean changed = old != null && !old.equals(v.value());
            rows.add(new Row(changed ? "*" : " ", changed ? Role.CHANGED : Role.TEXT,
                    String.format("%-7s %s", v.name(), v.value()), changed ? Role.CHANGED : Role.TEXT));
        }
        return rows;
    }
}
