package io.jrrtui.tui;

import com.googlecode.lanterna.terminal.Terminal;

/**
 * How to run the TUI.
 *
 * @param theme    a theme name ("dark", "light", "high-contrast") or a path to a theme .properties file
 * @param keyMap   "default" (gdb single keys) or "fkeys" (F5/F10/F11, Ctrl for reverse)
 * @param terminal the terminal to draw on; null opens the process's own terminal
 */
public record TuiOptions(String theme, String keyMap, Terminal terminal) {
    public TuiOptions {
        if (theme == null || theme.isBlank()) theme = "dark";
        if (keyMap == null || keyMap.isBlank()) keyMap = "default";
    }

    /**
     * Options from the command line ({@code --theme NAME}, {@code --keys NAME}; null when not
     * given) over the config file {@code $XDG_CONFIG_HOME/jrrtui/config.properties} over the defaults.
     */
    public static TuiOptions fromCommandLine(String theme, String keyMap) {
        TuiConfig config = TuiConfig.load();
        return new TuiOptions(theme != null ? theme : config.theme(), keyMap != null ? keyMap : config.keymap(), null);
    }

    public TuiOptions withTerminal(Terminal t) {
        return new TuiOptions(theme, keyMap, t);
    }
}
