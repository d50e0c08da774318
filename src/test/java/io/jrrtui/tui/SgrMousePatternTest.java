package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgrMousePatternTest {
    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>();
        for (char c : s.toCharArray()) out.add(c);
        return out;
    }

    private final SgrMousePattern p = new SgrMousePattern();

    @Test
    void pressReleaseWheelAndDrag() {
        MouseAction down = (MouseAction) p.match(chars("\033[<0;40;33M")).fullMatch;
        assertEquals(MouseActionType.CLICK_DOWN, down.getActionType());
        assertEquals(39, down.getPosition().getColumn());
        assertEquals(32, down.getPosition().getRow());
        assertEquals(1, down.getButton());
        assertEquals(MouseActionType.CLICK_RELEASE, ((MouseAction) p.match(chars("\033[<0;40;33m")).fullMatch).getActionType());
        assertEquals(MouseActionType.SCROLL_UP, ((MouseAction) p.match(chars("\033[<64;1;1M")).fullMatch).getActionType());
        assertEquals(MouseActionType.SCROLL_DOWN, ((MouseAction) p.match(chars("\033[<65;1;1M")).fullMatch).getActionType());
        assertEquals(MouseActionType.DRAG, ((MouseAction) p.match(chars("\033[<32;5;5M")).fullMatch).getActionType());
        assertEquals(3, ((MouseAction) p.match(chars("\033[<2;200;50M")).fullMatch).getButton());
    }

    @Test
    void partialAndForeignSequences() {
        assertSame(CharacterPattern.Matching.NOT_YET, p.match(chars("\033[")));
        assertSame(CharacterPattern.Matching.NOT_YET, p.match(chars("\033[<0;4")));
        assertNull(p.match(chars("\033[A")), "an arrow key is not ours");
        assertNull(p.match(chars("\033[<0;;3M")), "an empty field");
        assertNull(p.match(chars("\033[<0;1;2;3M")), "too many fields");
        assertNull(p.match(chars("x")));
    }
}
