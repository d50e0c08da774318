package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code display} expressions, shown after every stop as gdb shows them: "1: x = 5",
 * "2: /x counter = 0x1b3", or for memory formats "3: x/i $pc" followed by the dump. An expression
 * that cannot be evaluated at a stop is left out, as gdb leaves out displays out of scope.
 */
final class Displays {
    /**
     * One display. scope is the function whose locals or arguments the expression names (it is
     * shown only while that function's frame is selected, as gdb ties displays to blocks), or null.
     */
    record Display(int number, String expression, PrintFormat format, boolean enabled, String scope) {}

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.>$\\w])[A-Za-z_]\\w*");

    private final List<Display> displays = new ArrayList<>();
    private int next = 1;

    Display add(String expression, PrintFormat format, String scope) {
        Display d = new Display(next++, expression, format, true, scope);
        displays.add(d);
        return d;
    }

    /** Takes back the display just added (its expression failed): gdb never makes it, nor uses its number. */
    void withdraw(Display d) {
        if (displays.remove(d) && d.number() == next - 1) next--;
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

    /** disable/enable display [N...] (all without numbers). */
    void setEnabled(List<Integer> numbers, boolean enabled) {
        for (int n : numbers) {
            if (displays.stream().noneMatch(d -> d.number() == n)) throw new JrrException("No display number " + n + ".");
        }
        displays.replaceAll(d -> numbers.isEmpty() || numbers.contains(d.number())
                ? new Display(d.number(), d.expression(), d.format(), enabled, d.scope()) : d);
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

    /** gdb's line for a display whose value cannot be read: {@code 1: *p = <error: Cannot access memory ...>}. */
    static String failed(Display d, JrrException e) {
        String fmt = d.format().letter() == null ? "" : "/" + d.format().letter() + " ";
        return d.number() + ": " + fmt + d.expression() + " = <error: " + e.getMessage() + ">\n";
    }

    /** An error gdb meets parsing the expression (an unknown name, bad syntax): it then makes no display. */
    static boolean isParseError(JrrException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("No symbol") || m.startsWith("A syntax error") || m.startsWith("Argument required");
    }

    /** The function an expression is tied to: the selected one when it names its locals or arguments. */
    static String scopeOf(String expression, DebugSession session) {
        try {
            int level = session.selectedFrame().level();
            Set<String> names = new HashSet<>();
            session.locals(level).forEach(v -> names.add(v.name()));
            session.args(level).forEach(v -> names.add(v.name()));
            Matcher m = IDENTIFIER.matcher(expression);
            while (m.find()) if (names.contains(m.group())) return session.selectedFrame().where().function();
        } catch (JrrException e) {
            // no frame: a global expression
        }
        return null;
    }

    /** Shows every enabled display that can be evaluated now, in its scope. */
    void showAll(DebugSession session, PrintStream out) {
        String here = null;
        for (Display d : displays) {
            if (!d.enabled()) continue;
            if (d.scope() != null) {
                try {
                    if (here == null) here = String.valueOf(session.selectedFrame().where().function());
                } catch (JrrException e) {
                    continue;
                }
                if (!d.scope().equals(here)) continue;
            }
            try {
                out.print(show(d, session));
            } catch (JrrException e) {
                // out of scope here: gdb does not show it either; a value it cannot read, it says so
                if (!isParseError(e) && !d.format().isMemory()) out.print(failed(d, e));
            }
        }
    }

    /** {@code info display}; here is the selected frame's function (null when unknown). */
    String table(String here) {
        if (displays.isEmpty()) return "There are no auto-display expressions now.\n";
        StringBuilder sb = new StringBuilder("Auto-display expressions now in effect:\nNum Enb Expression\n");
        for (Display d : displays) {
            String fmt = d.format().spec().isEmpty() ? "" : "/" + d.format().spec() + " ";
            String away = d.scope() != null && !d.scope().equals(here) ? " (cannot be evaluated in the current context)" : "";
            sb.append(String.format("%d:   %s  %s%s%s%n", d.number(), d.enabled() ? "y" : "n", fmt, d.expression(), away));
        }
        return sb.toString();
    }
}
