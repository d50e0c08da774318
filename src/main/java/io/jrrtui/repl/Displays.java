package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code display} expressions, shown after every stop as gdb shows them: "1: x = 5",
 * "2: /x counter = 0x1b3", or for memory formats "3: x/i $pc" followed by the dump. An expression
 * that cannot be evaluated at a stop is left out, as gdb leaves out displays out of scope.
 */
final class Displays {
    /** One display; memory is true for x-style formats (i, s, or with a count or size). */
    record Display(int number, String expression, PrintFormat format, boolean enabled) {}

    private final List<Display> displays = new ArrayList<>();
    private int next = 1;

    Display add(String expression, PrintFormat format) {
        Display d = new Display(next++, expression, format, true);
        displays.add(d);
        return d;
    }

    boolean isEmpty() {
        return displays.isEmpty();
    }

    void delete(List<Integer> numbers) {
        if (numbers.isEmpty()) {
            displays.clear();
            return;
        }
        for (int n : numbers) {
            if (!displays.removeIf(d -> d.number() == n)) throw new JrrException("No display number " + n + ".");
        }
    }

    /** The text of one display now; JrrException when it cannot be evaluated. */
    static String show(Display d, DebugSession session) {
        PrintFormat f = d.format();
        if (f.isMemory()) {
            StringBuilder sb = new StringBuilder().append(d.number()).append(": x/").append(f.spec()).append(' ')
                    .append(d.expression()).append('\n');
            for (String line : session.examine(f.spec(), d.expression())) sb.append(line).append('\n');
            return sb.toString();
        }
        String value = session.print(d.expression(), f.letter());
        String fmt = f.letter() == null ? "" : "/" + f.letter() + " ";
        return d.number() + ": " + fmt + d.expression() + " = " + value + "\n";
    }

    /** Shows every enabled display that can be evaluated now. */
    void showAll(DebugSession session, PrintStream out) {
        for (Display d : displays) {
            if (!d.enabled()) continue;
            try {
                out.print(show(d, session));
            } catch (JrrException e) {
                // out of scope here: gdb does not show it either
            }
        }
    }

    /** {@code info display}. */
    String table() {
        if (displays.isEmpty()) return "There are no auto-display expressions now.\n";
        StringBuilder sb = new StringBuilder("Auto-display expressions now in effect:\nNum Enb Expression\n");
        for (Display d : displays) {
            String fmt = d.format().spec().isEmpty() ? "" : "/" + d.format().spec() + " ";
            sb.append(String.format("%d:   %s  %s%s%n", d.number(), d.enabled() ? "y" : "n", fmt, d.expression()));
        }
        return sb.toString();
    }
}
