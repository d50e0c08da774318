package io.jrrtui.arch.x86;

import java.util.List;
import java.util.function.LongFunction;

/**
 * One decoded instruction.
 *
 * @param address      virtual address of its first byte
 * @param length       encoded length in bytes (1..15; 1 for INVALID)
 * @param bytes        the encoded bytes (a copy)
 * @param mnemonic     mnemonic including prefix words as objdump prints them, e.g. {@code "lock cmpxchg"}
 * @param operands     operands in AT&T order (source first), each as objdump prints it; a direct branch
 *                     target is plain hex without {@code 0x}
 * @param kind         control-flow class
 * @param branchTarget destination of a direct branch (call/jmp/jcc/loop/xbegin), else -1
 * @param ripRelative  true when a memory operand is addressed relative to rip
 * @param memoryTarget resolved address of the rip-relative memory operand, else -1
 * @param intelMnemonic mnemonic with prefix words in Intel syntax ({@code objdump -M intel})
 * @param intelOperands operands in Intel order and syntax ({@code QWORD PTR [rbp-0x8]})
 */
public record Instruction(long address, int length, byte[] bytes, String mnemonic, List<String> operands,
                          Kind kind, long branchTarget, boolean ripRelative, long memoryTarget,
                          String intelMnemonic, List<String> intelOperands) {

    /** Column width objdump pads mnemonics to before the operands. */
    private static final int MNEMONIC_WIDTH = 6;
    /** Spacing objdump puts before the {@code # address} comment of rip-relative operands. */
    private static final String COMMENT_GAP = "        # ";

    /** The address of the instruction that follows this one. */
    public long nextAddress() {
        return address + length;
    }

    /** True when a memory operand is rip-relative; {@link #memoryTarget()} is then its address. */
    public boolean isRipRelative() {
        return ripRelative;
    }

    /** True when {@link #branchTarget()} holds a direct branch destination. */
    public boolean hasBranchTarget() {
        return kind == Kind.CALL || kind == Kind.JUMP || kind == Kind.JUMP_CONDITIONAL;
    }

    /** AT&T text without symbol names, e.g. {@code mov    %rsp,%rbp}. */
    public String text() {
        return text(a -> null);
    }

    /**
     * AT&T text as {@code objdump -d --no-show-raw-insn} prints it; {@code symbolizer} names an address
     * ({@code "foo"} or {@code "foo+0x10"}) or returns null; names appear as {@code <name>} after
     * branch targets and in the {@code # address} comment of rip-relative operands.
     */
    public String text(LongFunction<String> symbolizer) {
        return format(mnemonic, operands, symbolizer);
    }

    /**
     * AT&T text as gdb's {@code x/i} and {@code disassemble} print it: as {@link #text(LongFunction)},
     * except that branch targets and the rip-relative comment are written with {@code 0x}.
     */
    public String gdbText(LongFunction<String> symbolizer) {
        List<String> args = operands;
        if (hasBranchTarget()) {
            String plain = Long.toHexString(branchTarget);
            args = operands.stream().map(o -> o.equals(plain) ? "0x" + plain : o).toList();
        }
        String t = format(mnemonic, args, symbolizer);
        if (ripRelative && !hasBranchTarget()) {
            int at = t.lastIndexOf(COMMENT_GAP + Long.toHexString(memoryTarget));
            if (at >= 0) t = t.substring(0, at + COMMENT_GAP.length()) + "0x" + t.substring(at + COMMENT_GAP.length());
        }
        return t;
    }

    /** Intel-syntax text as {@code objdump -d -M intel} prints it, without symbol names. */
    public String intelText() {
        return intelText(a -> null);
    }

    /** Intel-syntax text; {@code symbolizer} as for {@link #text(LongFunction)}. */
    public String intelText(LongFunction<String> symbolizer) {
        return format(intelMnemonic, intelOperands, symbolizer);
    }

    private String format(String name, List<String> args, LongFunction<String> symbolizer) {
        StringBuilder sb = new StringBuilder(48).append(name);
        if (!args.isEmpty()) {
            while (sb.length() < MNEMONIC_WIDTH) {
                sb.append(' ');
            }
            sb.append(' ');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(args.get(i));
            }
        }
        if (hasBranchTarget()) {
            appendSymbol(sb, symbolizer.apply(branchTarget));
        } else if (ripRelative) {
            sb.append(COMMENT_GAP).append(Long.toHexString(memoryTarget));
            appendSymbol(sb, symbolizer.apply(memoryTarget));
        }
        return sb.toString();
    }

    private static void appendSymbol(StringBuilder sb, String name) {
        if (name != null) {
            sb.append(" <").append(name).append('>');
        }
    }

    @Override
    public String toString() {
        return Long.toHexString(address) + ": " + text();
    }
}
