package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {
    @Test
    void everyBuiltInThemeLoadsWithEveryRole() {
        for (String name : Theme.BUILT_IN) {
            for (boolean c256 : new boolean[] {true, false}) {
                Theme t = Theme.load(name, c256);
                for (Role r : Role.values()) {
                    Theme.Style s = t.style(r);
                    assertTrue(s != null && s.fg() != null && s.bg() != null, name + " " + r);
                }
            }
        }
    }

    @Test
    void themeFileGivesColoursAndModifiers() {
        Theme dark = Theme.load("dark", true);
        assertEquals(new TextColor.Indexed(110), dark.style(Role.STATUS).bg());
        assertTrue(dark.style(Role.TITLE_FOCUSED).modifiers().contains(SGR.BOLD));
        Theme hc = Theme.load("high-contrast", true);
        assertEquals(TextColor.ANSI.GREEN_BRIGHT, hc.style(Role.CURRENT).bg());
    }

    @Test
    void withoutTwoHundredFiftySixColoursEveryColourIsAnsi() {
        Theme dark = Theme.load("dark", false);
        for (Role r : Role.values()) {
            assertTrue(dark.style(r).fg() instanceof TextColor.ANSI, r + " fg " + dark.style(r).fg());
            assertTrue(dark.style(r).bg() instanceof TextColor.ANSI, r + " bg " + dark.style(r).bg());
        }
        assertEquals(TextColor.ANSI.BLACK, Theme.nearestAnsi(new TextColor.Indexed(234)));
        assertEquals(TextColor.ANSI.RED_BRIGHT, Theme.nearestAnsi(new TextColor.RGB(255, 80, 80)));
    }

    @Test
    void terminalsWith256ColoursAreRecognised() {
        assertTrue(Theme.supports256("xterm-256color", null));
        assertTrue(Theme.supports256("tmux-256color", null));
        assertTrue(Theme.supports256("screen", "truecolor"));
        assertFalse(Theme.supports256("screen", null));
        assertFalse(Theme.supports256("xterm", null));
        assertFalse(Theme.supports256(null, null));
    }

    @Test
    void aThemeFileByPathAndItsErrors(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("mine.properties");
        Files.writeString(f, "text = #102030,default\nstatus = red,white,reverse\n");
        Theme t = Theme.load(f.toString(), true);
        assertEquals(new TextColor.RGB(0x10, 0x20, 0x30), t.style(Role.TEXT).fg());
        assertEquals(t.style(Role.TEXT), t.style(Role.CURSOR), "missing roles fall back to text");
        assertEquals(TextColor.ANSI.RED, t.style(Role.STATUS).fg());
        Files.writeString(f, "text = purple,black\n");
        assertEquals("theme " + f + ": bad colour \"purple\"", assertThrows(JrrException.class, () -> Theme.load(f.toString(), true)).getMessage());
        Files.writeString(f, "text = red,black\nstatsu = red,black\n");
        assertTrue(assertThrows(JrrException.class, () -> Theme.load(f.toString(), true)).getMessage().contains("unknown role \"statsu\""));
        Files.writeString(f, "text = red\n");
        assertTrue(assertThrows(JrrException.class, () -> Theme.load(f.toString(), true)).getMessage().contains("needs FOREGROUND,BACKGROUND"));
        assertEquals("unknown theme \"neon\" (built in: dark, light, high-contrast)",
                assertThrows(JrrException.class, () -> Theme.load("neon", true)).getMessage());
    }

    @Test
    void configFileChoosesThemeAndKeyMap(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("config.properties");
        assertEquals(new TuiConfig(null, null), TuiConfig.load(f));
        Files.writeString(f, "theme = light\nkeymap = fkeys\n");
        assertEquals(new TuiConfig("light", "fkeys"), TuiConfig.load(f));
        TuiOptions defaults = new TuiOptions(null, null, null);
        assertEquals("dark", defaults.theme());
        assertEquals("default", defaults.keyMap());
    }
}
