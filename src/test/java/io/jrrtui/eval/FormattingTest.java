package io.jrrtui.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormattingTest {
    private final ValueFormatter fmt = new ValueFormatter(a -> a == 0x1000 ? Optional.of("sym") : Optional.empty());

    @Test
    void cPercentG() {
        assertEquals("2.5", GdbNumbers.floating(2.5, 8));
        assertEquals("0.33333333333333331", GdbNumbers.floating(1.0 / 3, 8));
        assertEquals("0.333333343", GdbNumbers.floating(1.0f / 3, 4));
        assertEquals("1e+20", GdbNumbers.floating(1e20, 8));
        assertEquals("1e-10", GdbNumbers.floating(1e-10, 8));
        assertEquals("0.10000000000000001", GdbNumbers.floating(0.1, 8));
        assertEquals("0.0001", GdbNumbers.floating(1e-4, 8));
        assertEquals("100000", GdbNumbers.floating(1e5, 8));
        assertEquals("-0", GdbNumbers.floating(-0.0, 8));
        assertEquals("inf", GdbNumbers.floating(Double.POSITIVE_INFINITY, 8));
        assertEquals("9.80908925e-45", GdbNumbers.floating(Float.intBitsToFloat(7), 4));
    }

    @Test
    void charsStringsAndRepeats() {
        assertEquals("65 'A'", fmt.format(Value.ofLong(Literals.CHAR, 65)));
        assertEquals("-56 '\\310'", fmt.format(Value.ofLong(Literals.CHAR, -56)));
        assertEquals("10 '\\n'", fmt.format(Value.ofLong(Literals.CHAR, 10)));
        assertEquals("39 '\\''", fmt.format(Value.ofLong(Literals.CHAR, '\'')));
        assertEquals("\"a\\\"b\"", ValueFormatter.quoteChars(List.of((int) 'a', (int) '"', (int) 'b')));
        byte[] run = "xaaaaaaaaaaaay\0".getBytes();
        assertEquals("\"x\", 'a' <repeats 12 times>, \"y\"", fmt.format(Value.ofBytes(new Type.Array(Literals.CHAR, run.length), run)));
        byte[] ten = "aaaaaaaaaa\0".getBytes();
        assertEquals("\"aaaaaaaaaa\"", fmt.format(Value.ofBytes(new Type.Array(Literals.CHAR, ten.length), ten)));
        byte[] ints = new byte[4 * 12];
        ints[44] = 5;
        assertEquals("{0 <repeats 11 times>, 5}", fmt.format(Value.ofBytes(new Type.Array(Literals.INT, 12), ints)));
        byte[] big = new byte[4 * 250];
        for (int i = 0; i < 250; i++) big[4 * i] = (byte) i;
        String s = fmt.format(Value.ofBytes(new Type.Array(Literals.INT, 250), big));
        assertTrue(s.endsWith(", 199...}"), s);
    }

    @Test
    void scalarsPointersEnumsAndTypes() {
        assertEquals("4294967295", fmt.format(Value.ofLong(Literals.UINT, -1)));
        assertEquals("-1", fmt.format(Value.ofLong(Literals.INT, 0xffffffffL)));
        assertEquals("true", fmt.format(Value.ofLong(Literals.BOOL, 1)));
        assertEquals("(int *) 0x1000 <sym>", fmt.format(Value.ofLong(Type.Pointer.to(Literals.INT), 0x1000)));
        assertEquals("(int *) 0x0", fmt.format(Value.ofLong(Type.Pointer.to(Literals.INT), 0)));
        Type.Enum flags = new Type.Enum("f", 4, false, List.of(new Type.Enumerator("A", 1), new Type.Enumerator("B", 2)), false);
        assertEquals("(A | B)", fmt.format(Value.ofLong(flags, 3)));
        assertEquals("(A | unknown: 0x8)", fmt.format(Value.ofLong(flags, 9)));
        assertEquals("0", fmt.format(Value.ofLong(flags, 0)));
        Type fn = new Type.Function(Literals.INT, List.of(Literals.INT, Type.Pointer.to(Type.Pointer.to(Literals.CHAR))), true, false);
        assertEquals("int (*)(int, char **)", Type.Pointer.to(fn).name());
        assertEquals("int (*)[3]", Type.Pointer.to(new Type.Array(Literals.INT, 3)).name());
        assertEquals("const char *", Type.Pointer.to(new Type.Qualified(Type.Kind.CONST, Literals.CHAR)).name());
        assertEquals("char * const", new Type.Qualified(Type.Kind.CONST, Type.Pointer.to(Literals.CHAR)).name());
        assertEquals("int (void)", new Type.Function(Literals.INT, List.of(), true, false).name());
        assertEquals("int (int, ...)", new Type.Function(Literals.INT, List.of(Literals.INT), true, true).name());
        assertEquals("char name[8]", TypeNames.declaration(new Type.Array(Literals.CHAR, 8), "name"));
    }

    @Test
    void x87RoundTrip() {
        for (double d : new double[] {0, 1.5, -3.25, 1e300, 4.9e-324, 123456.789}) {
            assertEquals(d, Value.X87.toDouble(Value.X87.fromDouble(d, 16)), Math.abs(d) * 1e-15);
        }
    }
}
