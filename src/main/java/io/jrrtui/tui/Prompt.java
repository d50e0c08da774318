package io.jrrtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import java.util.function.Consumer;

/** A one-line editor on the status row ("go to event: ", "watch: ", "(jrr) "), with history for Up/Down. */
final class Prompt {
    private final String label;
    private final Consumer<String> onSubmit;
    private final List<String> history;
    private final StringBuilder text = new StringBuilder();
    private int pos;
    private int historyIndex;
    private boolean done;

    /** @param history earlier entries (oldest first); submitted lines are appended to it */
    Prompt(String label, List<String> history, Consumer<String> onSubmit) {
        this.label = label;
        this.history = history;
        this.historyIndex = history.size();
        this.onSubmit = onSubmit;
    }

    String label() {
        return label;
    }

    String text() {
        return text.toString();
    }

    int cursorColumn() {
        return label.length() + pos;
    }

    boolean done() {
        return done;
    }

    /** Edits for k; Enter submits, Escape cancels (both end the prompt). */
    void handle(KeyStroke k) {
        switch (k.getKeyType()) {
            case Enter -> {
                done = true;
                String line = text.toString();
                if (!line.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(line))) history.add(line);
                onSubmit.accept(line);
            }
            case Escape -> done = true;
            case Backspace -> {
                if (pos > 0) text.deleteCharAt(--pos);
                else if (text.length() == 0) done = true;
            }
            case Delete -> {
                if (pos < text.length()) text.deleteCharAt(pos);
            }
            case ArrowLeft -> pos = Math.max(0, pos - 1);
            case ArrowRight -> pos = Math.min(text.length(), pos + 1);
            case Home -> pos = 0;
            case End -> pos = text.length();
            case ArrowUp -> recall(-1);
            case ArrowDown -> recall(1);
            case Character -> {
                if (k.isCtrlDown() && k.getCharacter() == 'c') done = true;
                else if (k.isCtrlDown() && k.getCharacter() == 'u') {
                    text.setLength(0);
                    pos = 0;
                } else if (!k.isCtrlDown() && !k.isAltDown()) text.insert(pos++, k.getCharacter().charValue());
            }
            default -> {}
        }
    }

    private void recall(int delta) {
        int i = historyIndex + delta;
        if (i < 0 || i > history.size()) return;
        historyIndex = i;
        text.setLength(0);
        if (i < history.size()) text.append(history.get(i));
        pos = text.length();
    }
}
