package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * gdb's output formats ({@code print/x}, {@code /d /u /o /t /z /c /a /f /s}): applied to every scalar
 * inside structures and arrays; floating-point values are shown by their bits for the integer
 * formats, and {@code /f} reinterprets an integer's bits as a float of the same size.
 */
final class FormatLetters {
    private final ValueFormatter natural;

    FormatLetters(ValueFormatter natural) {
        this.natural = natural;
    }

    String format(Value v, char letter, int depth) {
        if (depth > 20) return "...";
        if (v.isOptimizedOut()) return "<optimized out>";
        if (letter == 's') return natural.format(v, false, depth);
        Type s = v.type().strip();
        switch (s.kind()) {
            case STRUCT: case UNION: case CLASS: {
                Type.Struct st = (Type.Struct) s;
                List<String> parts = new ArrayList<>();
                for (Type.Member m : st.members()) {
                    Value mv = m.isBitField() ? Value.bitField(m.type(), v, m.bitOffset(), m.bitSize()) : v.sub(m.type(), m.offset());
                    String text = format(mv, letter, depth + 1);
                    parts.add(m.name() == null ? text : m.baseClass() ? "<" + m.name() + "> = " + text : m.name() + " = " + text);
                }
                return "{" + String.join(", ", parts) + "}";
            }
            case ARRAY: {
                Type.Array a = (Type.Array) s;
                long count = Math.max(0, a.count());
                List<String> parts = new ArrayList<>();
                long i = 0;
                while (i < count && parts.size() < ValueFormatter.PRINT_MAX) {
                    String e = format(v.sub(a.element(), i * a.element().size()), letter, depth + 1);
                    long j = i + 1;
                    while (j < count && format(v.sub(a.element(), j * a.element().size()), letter, depth + 1).equals(e)) j++;
                    if (j - i > ValueFormatter.REPEAT_THRESHOLD) {
                        parts.add(e + " <repeats " + (j - i) + " times>");
                        i = j;
                    } else {
                        parts.add(e);
                        i++;
                    }
                }
                return "{" + String.join(", ", parts) + (i < count ? "..." : "") + "}";
            }
            case FUNCTION:
                if (letter == 'a') throw new JrrException("Value can't be converted to integer.");
                return "0x" + Long.toHexString(v.address().orElse(0));
            default:
                return scalar(v, s, letter);
        }
    }

    private String scalar(Value v, Type s, char letter) {
        int size = (int) Math.max(1, Math.min(8, s.size()));
        long raw = rawBits(v, size);
        long mask = size >= 8 ? -1L : (1L << (8 * size)) - 1;
        switch (letter) {
            case 'x': return "0x" + Long.toHexString(raw & mask);
            case 'z': {
                String h = Long.toHexString(raw & mask);
                return "0x" + "0".repeat(Math.max(0, 2 * size - h.length())) + h;
            }
            case 'o': return (raw & mask) == 0 ? "0" : "0" + Long.toOctalString(raw & mask);
            case 't': return Long.toBinaryString(raw & mask);
            case 'd': return Long.toString(size >= 8 ? raw : (raw << (64 - 8 * size)) >> (64 - 8 * size));
            case 'u': return Long.toUnsignedString(raw & mask);
            case 'c': {
                // gdb casts to char, or to unsigned char when the value's type is unsigned
                boolean unsigned = s instanceof Type.Base b && !b.isFloat() && !b.isSigned();
                int c = unsigned ? (int) (raw & 0xff) : (byte) raw;
                return c + " '" + GdbNumbers.escapeChar(c, '\'') + "'";
            }
            case 'a': return "0x" + Long.toHexString(raw & mask) + natural.sym(raw & mask);
            case 'f': {
                if (s instanceof Type.Base b && b.isFloat()) return natural.format(v, false, 0);
                if (size == 4) return GdbNumbers.floating(Float.intBitsToFloat((int) raw), 4);
                if (size == 8) return GdbNumbers.floating(Double.longBitsToDouble(raw), 8);
                return natural.format(v, false, 0);
            }
            default: throw new JrrException("Undefined output format \"" + letter + "\".");
        }
    }

    /** The value's bytes as an integer (floats by their bit pattern). */
    private static long rawBits(Value v, int size) {
        byte[] b = v.bytes();
        if (v.isBitField() || !(v.type().strip() instanceof Type.Base base && base.isFloat())) return v.asLong();
        return ByteBuffer.wrap(DwarfExpression.pad8(java.util.Arrays.copyOf(b, Math.max(8, b.length)))).order(ByteOrder.LITTLE_ENDIAN).getLong()
                & (size >= 8 ? -1L : (1L << (8 * size)) - 1);
    }
}
