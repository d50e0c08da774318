package io.jrrtui.debugger;

import io.jrrtui.eval.Value;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** {@code x/NFU ADDR}: gdb's memory examination (formats x d u o t c a s, sizes b h w g). */
final class Examiner {
    private final ProgramImage image;
    private final FrameAccess.MemorySource memory;
    private char lastFormat = 'x';
    private char lastSize = 'w';
    private long pc = -1;

    /** Marks the current pc with "=>" in x/i listings. */
    Examiner at(long currentPc) {
        this.pc = currentPc;
        return this;
    }

    Examiner(ProgramImage image, FrameAccess.MemorySource memory) {
        this.image = image;
        this.memory = memory;
    }

    List<String> examine(String spec, Value where) {
        io.jrrtui.eval.Type.Kind kind = where.type().strip().kind();
        // an array or a function: where it is (gdb's value_as_address of a function is its address)
        long addr = (kind == io.jrrtui.eval.Type.Kind.ARRAY || kind == io.jrrtui.eval.Type.Kind.FUNCTION) && where.address().isPresent()
                ? where.address().getAsLong() : where.asLong();
        int count = 1;
        char fmt = lastFormat;
        char size = lastSize;
        String s = spec == null ? "" : spec;
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i > 0) count = Integer.parseInt(s.substring(0, i));
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("bhwg".indexOf(c) >= 0) size = c;
            else if ("xduotacsfzi".indexOf(c) >= 0) fmt = c;
            else throw new JrrException("Invalid number \"" + s + "\".");
        }
        if (fmt == 'a') size = 'g';
        if (fmt == 'c') size = 'b';
        lastFormat = fmt;
        lastSize = size;
        if (fmt == 's') return strings(addr, count);
        if (fmt == 'i') return instructions(addr, count);
        int unit = switch (size) {
            case 'b' -> 1;
            case 'h' -> 2;
            case 'g' -> 8;
            default -> 4;
        };
        int perLine = switch (unit) {
            case 1 -> 8;
            case 2 -> 8;
            case 4 -> 4;
            default -> 2;
        };
        List<String> out = new ArrayList<>();
        StringBuilder line = null;
        for (int k = 0; k < count; k++) {
            long a = addr + (long) k * unit;
            if (k % perLine == 0) {
                if (line != null) out.add(line.toString());
                line = new StringBuilder(label(a)).append(':');
            }
            byte[] b = read(a, unit);
            long v = switch (unit) {
                case 1 -> b[0];
                case 2 -> ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort();
                case 4 -> ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
                default -> ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
            };
            line.append('\t').append(formatUnit(v, unit, fmt));
        }
        if (line != null) out.add(line.toString());
        return out;
    }

    private byte[] read(long a, int n) {
        try {
            return memory.read(a, n);
        } catch (JrrException e) {
            throw new JrrException(String.format("Cannot access memory at address 0x%x", a));
        }
    }

    private String label(long a) {
        return String.format("0x%x", a) + image.symbols().symbolize(a).map(s -> " <" + s + ">").orElse("");
    }

    private String formatUnit(long v, int unit, char fmt) {
        long mask = unit == 8 ? -1L : (1L << (8 * unit)) - 1;
        long u = v & mask;
        return switch (fmt) {
            case 'x' -> String.format("0x%0" + (2 * unit) + "x", u);
            case 'z' -> String.format("0x%0" + (2 * unit) + "x", u);
            case 'd' -> Long.toString(v);
            case 'u' -> Long.toUnsignedString(u);
            case 'o' -> "0" + Long.toOctalString(u);
            case 't' -> String.format("%" + (8 * unit) + "s", Long.toBinaryString(u)).replace(' ', '0');
            case 'c' -> v + " '" + (char) (u & 0xff) + "'";
            case 'a' -> String.format("0x%x", u) + image.symbols().symbolize(u).map(s -> " <" + s + ">").orElse("");
            // floats of the unit's size (a 1- or 2-byte unit has none: gdb shows the integer)
            case 'f' -> unit == 4 ? io.jrrtui.eval.GdbNumbers.floating(Float.intBitsToFloat((int) v), 4)
                    : unit == 8 ? io.jrrtui.eval.GdbNumbers.floating(Double.longBitsToDouble(v), 8) : Long.toString(v);
            default -> Long.toString(v);
        };
    }

    private List<String> instructions(long addr, int count) {
        io.jrrtui.arch.x86.X86Decoder decoder = new io.jrrtui.arch.x86.X86Decoder();
        List<String> out = new ArrayList<>();
        long a = addr;
        for (int k = 0; k < count; k++) {
            byte[] code = new byte[io.jrrtui.arch.x86.X86Decoder.MAX_LENGTH];
            int n = 0;
            for (; n < code.length; n++) {
                try {
                    code[n] = memory.read(a + n, 1)[0];
                } catch (JrrException e) {
                    break;
                }
            }
            if (n == 0) throw new JrrException(String.format("Cannot access memory at address 0x%x", a));
            io.jrrtui.arch.x86.Instruction insn = decoder.decode(java.util.Arrays.copyOf(code, n), 0, a);
            String marker = a == pc ? "=> " : "   ";
            out.add(marker + label(a) + ":\t" + insn.gdbText(t -> image.symbols().symbolize(t).orElse(null)));
            a += Math.max(1, insn.length());
        }
        return out;
    }

    private List<String> strings(long addr, int count) {
        List<String> out = new ArrayList<>();
        long a = addr;
        for (int k = 0; k < count; k++) {
            StringBuilder sb = new StringBuilder();
            long p = a;
            while (sb.length() < 200) {
                byte c = read(p++, 1)[0];
                if (c == 0) break;
                if (c == '"' || c == '\\') sb.append('\\');
                sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\%03o", c & 0xff));
            }
            out.add(label(a) + ":\t\"" + sb + "\"");
            a = p;
        }
        return out;
    }
}
