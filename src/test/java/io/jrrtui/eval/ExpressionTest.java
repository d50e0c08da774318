package io.jrrtui.eval;

import static org.junit.jupiter.api.Assertions.*;

import io.jrrtui.util.JrrException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The expression evaluator over a fake context (no DWARF): literals, C conversions, errors, fuzzing. */
class ExpressionTest {
    private final DwarfExpressionTest.FakeTarget target = new DwarfExpressionTest.FakeTarget();
    private final Map<String, Value> conv = new HashMap<>();
    private final EvalContext ctx = new EvalContext() {
        @Override public Optional<Value> variable(String name) {
            if (name.equals("x")) return Optional.of(Value.ofLong(Literals.INT, 7));
            if (name.equals("p")) return Optional.of(Value.ofLong(Type.Pointer.to(Literals.INT), 0x8000));
            return Optional.empty();
        }
        @Override public Optional<Type> type(String name) { return Optional.empty(); }
        @Override public TargetAccess target() { return target; }
        @Override public Map<String, Value> convenience() { return conv; }
    };
    private final ValueFormatter fmt = new ValueFormatter(a -> Optional.empty());

    private String print(String e) {
        return fmt.format(new Evaluator(ctx).evaluate(e));
    }

    @Test
    void arithmeticAsGdb() {
        assertEquals("3", print("7/2"));
        assertEquals("3.5", print("7.0/2"));
        assertEquals("-2", print("-5 % 3"));
        assertEquals("4294967295", print("5u - 6"));
        assertEquals("3000000000", print("3000000000"));
        assertEquals("0", print("1 << 40"));
        assertEquals("1099511627776", print("1L << 40"));
        assertEquals("1", print("x > 3 && x < 10"));
        assertEquals("21", print("x * 3"));
        assertEquals("65 'A'", print("(char)65"));
        assertEquals("44 ','", print("(unsigned char)300"));
        assertEquals("-6", print("~5"));
        assertEquals("2", print("1 ? 2 : 3"));
        assertEquals("0x10", "0x" + Long.toHexString(new Evaluator(ctx).evaluate("0x10").asLong()));
        assertEquals("\"abc\"", print("\"abc\""));
        assertEquals("10 '\\n'", print("'\\n'"));
        assertEquals("(int *) 0x8008", print("p + 2"));
        assertEquals("4", print("sizeof(int)"));
        assertEquals("(long *) 0x10", print("(long *)16"));
    }

    @Test
    void convenienceVariablesAndRegisters() {
        assertEquals("void", print("$nothing"));
        assertEquals("5", print("$a = 5"));
        assertEquals("10", print("$a * 2"));
        assertEquals("(void (*)()) 0x11000", print("$rip"));
        assertEquals("(void *) 0x8000", print("$sp"));
        assertEquals("4096", print("$rax"));
    }

    @Test
    void gdbErrorMessages() {
        assertEquals("No symbol \"xyz\" in current context.", error("xyz"));
        assertEquals("A syntax error in expression, near `'.", error("1 +"));
        assertEquals("A syntax error in expression, near `)'.", error("(1 + )"));
        assertEquals("A syntax error in expression, near `# 2'.", error("1 # 2"));
        assertEquals("Division by zero", error("1 / 0"));
        assertEquals("Attempt to take contents of a non-pointer value.", error("*x"));
        assertEquals("Attempt to take address of value not located in memory.", error("&x"));
        assertEquals("Argument required (expression to compute).", error("  "));
    }

    private String error(String e) {
        return assertThrows(JrrException.class, () -> new Evaluator(ctx).evaluate(e)).getMessage();
    }

    @Test
    void randomInputOnlyRaisesJrrException() {
        String[] atoms = {"x", "p", "1", "0x7", "2.5", "'a'", "\"s\"", "$rip", "$v", "(", ")", "[", "]", "*", "&", "-", "+",
                "!", "~", "->", ".", "sizeof", "int", "char", "?", ":", ",", "==", "<<", "/", "%", "&&", "||", "=", "y", "'", "\""};
        Random rnd = new Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(10);
            for (int k = 0; k < n; k++) sb.append(atoms[rnd.nextInt(atoms.length)]).append(rnd.nextBoolean() ? " " : "");
            try {
                new Evaluator(ctx).evaluate(sb.toString());
            } catch (JrrException expected) {
                // fine
            } catch (RuntimeException | StackOverflowError e) {
                fail("\"" + sb + "\" escaped " + e, e);
            }
        }
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThrows(JrrException.class, () -> new Evaluator(ctx).evaluate(deep));
    }
}
