package io.jrrtui.repl;

import io.jrrtui.api.StopEvent;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * gdb's breakpoint command lists ({@code commands N ... end}): the lines typed for each breakpoint,
 * the list being typed now, and the list a stop has made due. A list starting with {@code silent}
 * hides the stop's report; the lines run after the stop is reported, in the order gdb runs them.
 */
final class BreakpointScripts {
    private final Map<Integer, List<String>> byNumber = new HashMap<>();
    /** The breakpoints the lines being typed are for, or null when no list is being typed. */
    private List<Integer> typingFor;
    private final List<String> typed = new ArrayList<>();
    /** The list the last stop made due and that has not run yet, or null. */
    private List<String> due;
    /** Counts stops reported, so that a list can tell that one of its lines moved the program. */
    private long stops;

    /** Starts a list for these breakpoints: the following lines are its own, up to "end". */
    void startTyping(List<Integer> numbers) {
        if (numbers.isEmpty()) throw new JrrException("No breakpoints specified.");
        typingFor = List.copyOf(numbers);
        typed.clear();
    }

    /** gdb's words to a person starting a list. */
    String intro() {
        StringBuilder sb = new StringBuilder("Type commands for breakpoint(s) ");
        for (int i = 0; typingFor != null && i < typingFor.size(); i++) sb.append(i > 0 ? " " : "").append(typingFor.get(i));
        return sb.append(", one per line.\nEnd with a line saying just \"end\".").toString();
    }

    boolean typing() {
        return typingFor != null;
    }

    /** One line of the list being typed; "end" finishes it (an empty list removes the commands). */
    void type(String line) {
        String text = line.strip();
        if (!text.equals("end")) {
            typed.add(text);
            return;
        }
        for (int n : typingFor) {
            if (typed.isEmpty()) byNumber.remove(n);
            else byNumber.put(n, List.copyOf(typed));
        }
        typingFor = null;
        typed.clear();
    }

    /** The lines of breakpoint n's list, empty when it has none. */
    List<String> of(int number) {
        return byNumber.getOrDefault(number, List.of());
    }

    /**
     * Notes a stop about to be reported and returns whether its report is to be shown: a stop at a
     * breakpoint or watchpoint with a list makes the list due, and "silent" as its first line hides it.
     */
    boolean noteStop(StopEvent stop) {
        stops++;
        boolean atBreakpoint = stop.reason() == StopEvent.Reason.BREAKPOINT || stop.reason() == StopEvent.Reason.WATCHPOINT;
        List<String> lines = atBreakpoint ? of(stop.breakpoint()) : List.of();
        due = lines.isEmpty() ? null : lines;
        return lines.isEmpty() || !lines.get(0).equals("silent");
    }

    /** The list the last stop made due, once (null when none): the caller runs it. */
    List<String> takeDue() {
        List<String> d = due;
        due = null;
        return d;
    }

    /** How many stops were reported so far. */
    long stops() {
        return stops;
    }
}
