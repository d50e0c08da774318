package io.jrrtui.dap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** print's value text split into expandable members; the JSON reader and writer. */
class ValueTextAndJsonTest {
    @Test
    void structsArraysAndQuotedCommas() {
        List<ValueText.Member> m = ValueText.members("{a = 1, b = {c = 2, d = 0x4011a6 <main+4>}, s = \"x, {y}\", ch = 44 ',', arr = {1, 2}}");
        assertEquals(List.of("a", "b", "s", "ch", "arr"), m.stream().map(ValueText.Member::name).toList());
        assertEquals("{c = 2, d = 0x4011a6 <main+4>}", m.get(1).value());
        assertEquals("\"x, {y}\"", m.get(2).value());
        assertEquals("44 ','", m.get(3).value());
        List<ValueText.Member> arr = ValueText.members(m.get(4).value());
        assertEquals(List.of(new ValueText.Member("[0]", "1"), new ValueText.Member("[1]", "2")), arr);
        assertEquals("(p).b", ValueText.memberExpression("p", "b"));
        assertEquals("(p.arr)[1]", ValueText.memberExpression("p.arr", "[1]"));
        assertEquals(List.of(), ValueText.members("42"));
        assertEquals(List.of(new ValueText.Member("[0]", "0 <repeats 16 times>")), ValueText.members("{0 <repeats 16 times>}"));
    }

    @Test
    void dataPointersButNotNullCodeOrStrings() {
        assertTrue(ValueText.pointer("0x7ffe1234"));
        assertTrue(ValueText.pointer("(struct point *) 0x7ffe1234"));
        assertFalse(ValueText.pointer("0x0"));
        assertFalse(ValueText.pointer("0x4011a6 <main>"));
        assertFalse(ValueText.pointer("0x402004 \"world\""));
        assertFalse(ValueText.pointer("42"));
    }

    @Test
    void jsonRoundTripAndErrors() {
        Object v = Json.parse("{\"a\": [1, -2.5, true, null, \"q\\\"\\u0041\\n\"], \"b\": {}}");
        assertEquals("{\"a\":[1,-2.5,true,null,\"q\\\"A\\n\"],\"b\":{}}", Json.write(v));
        assertEquals(1L, ((List<?>) ((Map<?, ?>) v).get("a")).get(0));
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "\"unterminated", "{} x", "tru", "\"\\u12\"")) {
            assertThrows(Json.SyntaxError.class, () -> Json.parse(bad), bad);
        }
        assertTrue(Json.write(Json.obj("x", null, "y", 1)).equals("{\"y\":1}"));
    }
}
