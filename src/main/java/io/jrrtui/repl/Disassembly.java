package io.jrrtui.repl;

import io.jrrtui.api.CodeRange;
import io.jrrtui.api.DisassemblyLine;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.List;

/**
 * gdb's {@code disassemble}: a whole function (the selected frame's, or the one holding an
 * address), or a range {@code START,END} / {@code START,+LENGTH}; {@code /r} adds the raw bytes.
 * The selected frame's pc is marked {@code =>}.
 */
final class Disassembly {
    private Disassembly() {}

    /** gdb pads the raw bytes to the width of seven of them less one space (libopcodes' x86 line). */
    private static final int RAW_WIDTH = 19;

    static ReplCommand command(ReplContext c) {
        return Cmd.of("disassemble", "Disassemble a specified section of memory.").usage("""
                        disassemble[/r] [ADDRESS | START,END | START,+LENGTH]
                        Without an argument, the function of the selected frame; with one address, the function
                        holding it; with two, the instructions from START up to END. /r shows the raw bytes too.
                        The selected frame's pc is marked "=>".""")
                .complete(ReplCommand.Completion.SYMBOL).does((a, out) -> run(c, a, out));
    }

    static void run(ReplContext c, String args, PrintStream out) {
        String rest = args.strip();
        boolean raw = false;
        while (rest.startsWith("/")) {
            int end = 1;
            while (end < rest.length() && Character.isLetter(rest.charAt(end))) end++;
            for (char m : rest.substring(1, end).toCharArray()) {
                switch (m) {
                    case 'r', 'b' -> raw = true;
                    case 'm', 's' -> throw new JrrException("disassemble /" + m + " (source lines among the instructions) is not "
                            + "supported in jrrtui; use \"disassemble\" or \"disassemble /r\", and \"list\" for the source.");
                    default -> throw new JrrException("Invalid disassembly modifier.");
                }
            }
            rest = rest.substring(end).strip();
        }
        long pc = c.session.pc();
        int comma = topLevelComma(rest);
        if (comma < 0) {
            CodeRange f = c.session.functionAround(rest.isEmpty() ? null : c.values.substitute(rest));
            out.println("Dump of assembler code for function " + f.function() + ":");
            for (DisassemblyLine l : c.session.disassembleRange(f.start(), f.end())) {
                out.println(line(c, l, "<+" + (l.address() - f.start()) + ">", pc, raw));
            }
        } else {
            long start = c.session.addressOf(c.values.substitute(rest.substring(0, comma).strip()));
            String second = rest.substring(comma + 1).strip();
            if (second.isEmpty()) throw new JrrException("Missing argument after the comma.");
            long end = second.startsWith("+") ? start + c.session.addressOf(c.values.substitute(second.substring(1)))
                    : c.session.addressOf(c.values.substitute(second));
            out.printf("Dump of assembler code from 0x%x to 0x%x:%n", start, end);
            for (DisassemblyLine l : c.session.disassembleRange(start, end)) {
                String label = l.label().isEmpty() ? "" : "<" + (l.label().matches(".*\\+\\d+") ? l.label() : l.label() + "+0") + ">";
                out.println(line(c, l, label, pc, raw));
            }
        }
        out.println("End of assembler dump.");
    }

    private static String line(ReplContext c, DisassemblyLine l, String label, long pc, boolean raw) {
        StringBuilder sb = new StringBuilder(l.address() == pc ? "=> " : "   ");
        sb.append(String.format("0x%016x", l.address()));
        if (!label.isEmpty()) sb.append(' ').append(label);
        sb.append(":\t");
        if (raw) {
            StringBuilder bytes = new StringBuilder();
            for (byte b : c.session.readMemory(l.address(), l.length())) {
                if (bytes.length() > 0) bytes.append(' ');
                bytes.append(String.format("%02x", b & 0xff));
            }
            while (bytes.length() < RAW_WIDTH) bytes.append(' ');
            sb.append(bytes).append('\t');
        }
        return sb.append(l.text()).toString();
    }

    /** The first comma outside parentheses and brackets (a call or index may hold one), or -1. */
    static int topLevelComma(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(' || ch == '[') depth++;
            else if (ch == ')' || ch == ']') depth--;
            else if (ch == ',' && depth == 0) return i;
        }
        return -1;
    }
}
