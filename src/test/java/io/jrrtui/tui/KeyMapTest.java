package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.jrrtui.util.JrrException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMapTest {
    private static KeyStroke ch(char c) {
        return new KeyStroke(c, false, false);
    }

    @Test
    void defaultMapIsGdbSingleKeysLowerForwardUpperReverse() {
        KeyMap m = KeyMap.named("default");
        assertEquals(Action.CONTINUE, m.action(ch('c')));
        assertEquals(Action.REVERSE_CONTINUE, m.action(ch('C')));
        assertEquals(Action.NEXT, m.action(ch('n')));
        assertEquals(Action.REVERSE_NEXT, m.action(ch('N')));
        assertEquals(Action.STEP, m.action(ch('s')));
        assertEquals(Action.REVERSE_STEP, m.action(ch('S')));
        assertEquals(Action.STEPI, m.action(ch('i')));
        assertEquals(Action.REVERSE_STEPI, m.action(ch('I')));
        assertEquals(Action.FINISH, m.action(ch('f')));
        assertEquals(Action.REVERSE_FINISH, m.action(ch('F')));
        assertEquals(Action.UNDO, m.action(ch('u')));
        assertEquals(Action.REDO, m.action(new KeyStroke('r', true, false)));
        assertEquals(Action.INTERRUPT, m.action(new KeyStroke('c', true, false)));
        assertNull(m.action(new KeyStroke(KeyType.F5)));
    }

    @Test
    void functionKeyMapUsesCtrlOrAltForReverse() {
        KeyMap m = KeyMap.named("fkeys");
        assertEquals(Action.CONTINUE, m.action(new KeyStroke(KeyType.F5)));
        assertEquals(Action.REVERSE_CONTINUE, m.action(new KeyStroke(KeyType.F5, true, false)));
        assertEquals(Action.REVERSE_CONTINUE, m.action(new KeyStroke(KeyType.F5, false, true)));
        assertEquals(Action.NEXT, m.action(new KeyStroke(KeyType.F10)));
        assertEquals(Action.REVERSE_NEXT, m.action(new KeyStroke(KeyType.F10, true, false)));
        assertEquals(Action.STEP, m.action(new KeyStroke(KeyType.F11)));
        assertEquals(Action.FINISH, m.action(new KeyStroke(KeyType.F11, false, false, true)));
        assertEquals(Action.REVERSE_FINISH, m.action(new KeyStroke(KeyType.F11, true, false, true)));
        assertEquals(Action.CONTINUE, m.action(ch('c')), "letters still work");
    }

    @Test
    void helpListsEveryAction() {
        List<String> help = KeyMap.named("fkeys").helpRows();
        for (Action a : Action.values()) {
            assertTrue(help.stream().anyMatch(r -> r.endsWith(a.help)), a + " missing from help");
        }
        assertTrue(help.stream().anyMatch(r -> r.startsWith("c F5 Alt-F5") || r.contains("F5")), help.toString());
    }

    @Test
    void unknownKeyMapIsAClearError() {
        assertEquals("unknown key map \"emacs\" (use default or fkeys)",
                assertThrows(JrrException.class, () -> KeyMap.named("emacs")).getMessage());
    }
}
