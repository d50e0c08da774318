package io.jrrtui.debugger;

import io.jrrtui.eval.Type;
import io.jrrtui.eval.Value;
import io.jrrtui.eval.ValueFormatter;

/** gdb's print formats (/x /d /u /o /t /c /a) for scalar values; aggregates print normally. */
final class Formats {
    private Formats() {}

    static String format(Value v, char fmt, ValueFormatter normal) {
        Type t = v.type().strip();
        if (!t.isScalar()) return normal.format(v);
        long size = Math.max(1, Math.min(8, t.size()));
        long raw = v.asLong();
        long mask = size >= 8 ? -1L : (1L << (8 * size)) - 1;
        long u = raw & mask;
        return switch (fmt) {
            case 'x' -> "0x" + Long.toHexString(u);
            case 'o' -> "0" + Long.toOctalString(u);
            case 't' -> Long.toBinaryString(u);
            case 'd' -> Long.toString(size >= 8 ? raw : (raw << (64 - 8 * size)) >> (64 - 8 * size));
            case 'u' -> Long.toUnsignedString(u);
            case 'c' -> normal.format(v, 'c'); // gdb's char cast and escapes, as for members
            case 'a' -> "0x" + Long.toHexString(u);
            case 'z' -> String.format("0x%0" + (2 * size) + "x", u);
            default -> throw new io.jrrtui.util.JrrException("Undefined output format \"" + fmt + "\".");
        };
    }

    /** eflags as gdb shows it: [ CF PF ZF IF ... ]. */
    static String eflags(long v) {
        String[] names = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF"};
        StringBuilder sb = new StringBuilder("[ ");
        for (int i = 0; i < names.length; i++) if (!names[i].isEmpty() && (v & (1L << i)) != 0) sb.append(names[i]).append(' ');
        if ((v & (1L << 16)) != 0) sb.append("RF ");
        return sb.append(']').toString();
    }
}
