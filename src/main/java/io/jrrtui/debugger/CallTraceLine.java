package io.jrrtui.debugger;

import java.util.List;

/**
 * One line of a call trace: a call with its arguments (and optionally its callers), a return with
 * its value, or a call that was left without returning (longjmp, exception, the program's end).
 *
 * @param event    the last completed event of the recording, or -1 in a live run (printed as "-")
 * @param depth    nesting: how many traced calls of this thread were active when it was called
 * @param args     arguments by name (DWARF) or, for functions without debug info, the six integer
 *                 argument registers named rdi..r9 ({@code rawArgs})
 * @param value    the return value (RETURN), or why the call ended without returning (UNWOUND)
 * @param note     extra words for a return (e.g. "tail call"), or empty
 * @param stack    the callers (CALL with --stack), innermost first
 */
public record CallTraceLine(Kind kind, int tid, long event, int depth, String function, List<Arg> args, boolean rawArgs,
                            String value, String note, List<String> stack) {
    public enum Kind { CALL, RETURN, UNWOUND }

    /** One argument: name and value in gdb's print format. */
    public record Arg(String name, String value) {}

    public String eventLabel() {
        return event < 0 ? "-" : Long.toString(event);
    }

    /** The human form: {@code > [tid 4711 ev 12] foo(x=99, y=9801)}, indented two spaces per depth. */
    public String text() {
        String indent = "  ".repeat(depth);
        StringBuilder sb = new StringBuilder(indent);
        String where = "[tid " + tid + " ev " + eventLabel() + "] ";
        switch (kind) {
            case CALL -> {
                sb.append("> ").append(where).append(function).append('(');
                for (int i = 0; i < args.size(); i++) sb.append(i > 0 ? ", " : "").append(args.get(i).name()).append('=').append(args.get(i).value());
                sb.append(')');
                for (String s : stack) sb.append('\n').append(indent).append("    ").append(s);
            }
            case RETURN -> {
                sb.append(">> ").append(where).append(function).append(" => ").append(value);
                if (!note.isEmpty()) sb.append(" (").append(note).append(')');
            }
            case UNWOUND -> sb.append(">> ").append(where).append(function).append(" <- ").append(value);
        }
        return sb.toString();
    }
}
