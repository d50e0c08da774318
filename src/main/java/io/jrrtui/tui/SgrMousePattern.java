package io.jrrtui.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.util.List;

/**
 * SGR (mode 1006) mouse reports, which modern terminals send instead of the old X10 encoding that
 * Lanterna decodes: {@code ESC [ < b ; x ; y M} (press) or {@code m} (release), 1-based x and y
 * in decimal. Without this pattern they arrived as stray keystrokes.
 */
final class SgrMousePattern implements CharacterPattern {
    /** Turns SGR reports on/off once mouse capture is on; terminals without it ignore the request. */
    static final String ENABLE = "\033[?1006h", DISABLE = "\033[?1006l";

    @Override
    public Matching match(List<Character> seq) {
        String prefix = "\033[<";
        for (int i = 0; i < Math.min(prefix.length(), seq.size()); i++) {
            if (seq.get(i) != prefix.charAt(i)) return null;
        }
        if (seq.size() <= prefix.length()) return Matching.NOT_YET;
        int[] n = new int[3];
        int field = 0;
        boolean digits = false;
        for (int i = prefix.length(); i < seq.size(); i++) {
            char c = seq.get(i);
            if (c >= '0' && c <= '9') {
                n[field] = n[field] * 10 + (c - '0');
                digits = true;
                if (n[field] > 100_000) return null;
            } else if (c == ';' && digits && field < 2) {
                field++;
                digits = false;
            } else if ((c == 'M' || c == 'm') && digits && field == 2 && i == seq.size() - 1) {
                return new Matching(action(n[0], n[1], n[2], c == 'M'));
            } else {
                return null;
            }
        }
        return Matching.NOT_YET;
    }

    static MouseAction action(int b, int x, int y, boolean press) {
        TerminalPosition at = new TerminalPosition(Math.max(0, x - 1), Math.max(0, y - 1));
        int button = (b & 3) + 1;
        MouseActionType type;
        if ((b & 64) != 0) type = (b & 1) == 0 ? MouseActionType.SCROLL_UP : MouseActionType.SCROLL_DOWN;
        else if ((b & 32) != 0) type = (b & 3) == 3 ? MouseActionType.MOVE : MouseActionType.DRAG;
        else type = press ? MouseActionType.CLICK_DOWN : MouseActionType.CLICK_RELEASE;
        return new MouseAction(type, button, at);
    }
}
