package io.jrrtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys to actions. "default" is gdb's single-key style (lower case forward, upper case reverse);
 * "fkeys" is the IDE style (F5 continue, F10 next, F11 step, Shift-F11 finish, Ctrl+key reverse),
 * which keeps the letter keys too. Digits 1-9 focus a pane and arrows/PgUp/PgDn/Home/End/Enter go
 * to the focused pane in both maps.
 */
final class KeyMap {
    static final List<String> NAMES = List.of("default", "fkeys");

    /** A key as the help overlay names it and as it is matched: type, character, ctrl, alt, shift. */
    record Key(String label, KeyType type, Character ch, boolean ctrl, boolean alt, boolean shift) {
        boolean matches(KeyStroke k) {
            if (k.getKeyType() != type) return false;
            if (type == KeyType.Character) return k.getCharacter().equals(ch) && k.isCtrlDown() == ctrl && k.isAltDown() == alt;
            return k.isCtrlDown() == ctrl && k.isAltDown() == alt && k.isShiftDown() == shift;
        }
    }

    private final String name;
    private final Map<Key, Action> keys = new LinkedHashMap<>();

    private KeyMap(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    static KeyMap named(String name) {
        String n = name == null ? "default" : name.strip();
        KeyMap m = new KeyMap(n);
        switch (n) {
            case "default" -> {}
            case "fkeys" -> m.addFunctionKeys();
            default -> throw new JrrException("unknown key map \"" + n + "\" (use " + String.join(" or ", NAMES) + ")");
        }
        m.addLetters();
        return m;
    }

    private void addFunctionKeys() {
        fkey(KeyType.F5, false, false, Action.CONTINUE);
        fkey(KeyType.F5, true, false, Action.REVERSE_CONTINUE);
        fkey(KeyType.F10, false, false, Action.NEXT);
        fkey(KeyType.F10, true, false, Action.REVERSE_NEXT);
        fkey(KeyType.F11, false, false, Action.STEP);
        fkey(KeyType.F11, true, false, Action.REVERSE_STEP);
        fkey(KeyType.F11, false, true, Action.FINISH);
        fkey(KeyType.F11, true, true, Action.REVERSE_FINISH);
        fkey(KeyType.F7, false, false, Action.STEPI);
        fkey(KeyType.F7, true, false, Action.REVERSE_STEPI);
        fkey(KeyType.F9, false, false, Action.TOGGLE_BREAKPOINT);
        // Alt as a second reverse modifier: some terminals and tmux set-ups swallow Ctrl+Fn.
        fkey(KeyType.F5, false, false, true, Action.REVERSE_CONTINUE);
        fkey(KeyType.F10, false, false, true, Action.REVERSE_NEXT);
        fkey(KeyType.F11, false, false, true, Action.REVERSE_STEP);
    }

    private void addLetters() {
        chars("cC", Action.CONTINUE, Action.REVERSE_CONTINUE);
        chars("nN", Action.NEXT, Action.REVERSE_NEXT);
        chars("sS", Action.STEP, Action.REVERSE_STEP);
        chars("iI", Action.STEPI, Action.REVERSE_STEPI);
        chars("fF", Action.FINISH, Action.REVERSE_FINISH);
        ch('b', Action.TOGGLE_BREAKPOINT);
        ch('w', Action.ADD_WATCH);
        ch('d', Action.REMOVE_WATCH);
        ch('g', Action.GOTO_EVENT);
        ch('/', Action.FILTER_TIMELINE);
        ch('[', Action.PREV_EVENT);
        ch(']', Action.NEXT_EVENT);
        ch('u', Action.UNDO);
        keys.put(new Key("Ctrl-R", KeyType.Character, 'r', true, false, false), Action.REDO);
        ch('m', Action.SET_BOOKMARK);
        ch('\'', Action.GO_BOOKMARK);
        ch(':', Action.COMMAND);
        ch('?', Action.HELP);
        ch('q', Action.QUIT);
        keys.put(new Key("Tab", KeyType.Tab, null, false, false, false), Action.FOCUS_NEXT);
        keys.put(new Key("Shift-Tab", KeyType.ReverseTab, null, false, false, false), Action.FOCUS_PREV);
        ch('h', Action.HIDE_PANE);
        ch('H', Action.SHOW_ALL);
        ch('+', Action.GROW);
        ch('-', Action.SHRINK);
        ch('>', Action.WIDEN_LEFT);
        ch('<', Action.NARROW_LEFT);
        keys.put(new Key("Ctrl-C", KeyType.Character, 'c', true, false, false), Action.INTERRUPT);
    }

    private void chars(String pair, Action forward, Action reverse) {
        ch(pair.charAt(0), forward);
        ch(pair.charAt(1), reverse);
    }

    private void ch(char c, Action a) {
        keys.put(new Key(String.valueOf(c), KeyType.Character, c, false, false, false), a);
    }

    private void fkey(KeyType t, boolean ctrl, boolean shift, Action a) {
        fkey(t, ctrl, shift, false, a);
    }

    private void fkey(KeyType t, boolean ctrl, boolean shift, boolean alt, Action a) {
        String label = (ctrl ? "Ctrl-" : "") + (alt ? "Alt-" : "") + (shift ? "Shift-" : "") + t.name();
        keys.put(new Key(label, t, null, ctrl, alt, shift), a);
    }

    /** The action bound to k, or null. */
    Action action(KeyStroke k) {
        for (Map.Entry<Key, Action> e : keys.entrySet()) if (e.getKey().matches(k)) return e.getValue();
        return null;
    }

    /** Help rows "KEYS  what it does", one per action, keys in binding order. */
    List<String> helpRows() {
        Map<Action, List<String>> byAction = new LinkedHashMap<>();
        for (Action a : Action.values()) byAction.put(a, new ArrayList<>());
        keys.forEach((k, a) -> byAction.get(a).add(k.label()));
        List<String> rows = new ArrayList<>();
        byAction.forEach((a, labels) -> {
            if (!labels.isEmpty()) rows.add(String.format("%-22s %s", String.join(" ", labels), a.help));
        });
        rows.add(String.format("%-22s %s", "1-9", "focus pane N (shows it if hidden)"));
        rows.add(String.format("%-22s %s", "Up Down PgUp PgDn", "move the cursor in the focused pane"));
        rows.add(String.format("%-22s %s", "Home End", "first / last (Timeline: first / last event)"));
        rows.add(String.format("%-22s %s", "Enter", "Timeline/Output: go to that event; Backtrace: select frame"));
        rows.add(String.format("%-22s %s", "mouse click", "on the scrubber bar: go to that point in time"));
        return rows;
    }
}
