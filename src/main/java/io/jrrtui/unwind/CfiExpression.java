package io.jrrtui.unwind;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * The DWARF expression subset CFI needs (DW_CFA_def_cfa_expression, DW_CFA_expression,
 * DW_CFA_val_expression): constants, register-relative values, memory reads, arithmetic, comparisons
 * and branches, on a bounded stack with a bounded number of steps.
 */
final class CfiExpression {
    /** Source of the current frame's register values. */
    interface Registers {
        OptionalLong get(int dwarfRegister);
    }

    private static final int MAX_STACK = 1000;
    private static final int MAX_STEPS = 10_000;

    private final long[] stack = new long[MAX_STACK];
    private int sp;

    private CfiExpression() {
    }

    /** Evaluates {@code expr}; when {@code push} is non-null its value starts on the stack. */
    static long evaluate(ByteBuffer expr, Long push, Registers regs, MemoryReader mem) throws UnwindFailure {
        CfiExpression e = new CfiExpression();
        if (push != null) {
            e.push(push);
        }
        return e.run(expr, regs, mem);
    }

    private void push(long v) throws UnwindFailure {
        if (sp >= MAX_STACK) {
            throw new UnwindFailure("DWARF expression stack overflow");
        }
        stack[sp++] = v;
    }

    private long pop() throws UnwindFailure {
        if (sp == 0) {
            throw new UnwindFailure("DWARF expression stack underflow");
        }
        return stack[--sp];
    }

    private long peekAt(int depth) throws UnwindFailure {
        if (depth < 0 || depth >= sp) {
            throw new UnwindFailure("DWARF expression stack underflow");
        }
        return stack[sp - 1 - depth];
    }

    private static long register(Registers regs, int n) throws UnwindFailure {
        OptionalLong v = regs.get(n);
        if (v.isEmpty()) {
            throw new UnwindFailure("register " + n + " unknown in DWARF expression");
        }
        return v.getAsLong();
    }

    private static long read(MemoryReader mem, long addr, int size) throws UnwindFailure {
        OptionalLong v = mem.readU64(addr);
        if (v.isEmpty()) {
            throw new UnwindFailure("cannot read memory at 0x" + Long.toHexString(addr));
        }
        return size >= 8 ? v.getAsLong() : v.getAsLong() & ((1L << (8 * size)) - 1);
    }

    private long run(ByteBuffer expr, Registers regs, MemoryReader mem) throws UnwindFailure {
        CfiCursor c = new CfiCursor(expr, "DWARF expression");
        try {
            for (int steps = 0; !c.atEnd(); steps++) {
                if (steps > MAX_STEPS) {
                    throw new UnwindFailure("DWARF expression does not terminate");
                }
                step(c, c.u8(), regs, mem);
            }
        } catch (io.jrrtui.util.JrrException e) {
            throw new UnwindFailure(e.getMessage());
        }
        return pop();
    }

    private void step(CfiCursor c, int op, Registers regs, MemoryReader mem) throws UnwindFailure {
        if (op >= 0x30 && op <= 0x4f) {
            push(op - 0x30); // DW_OP_lit0..31
            return;
        }
        if (op >= 0x70 && op <= 0x8f) {
            push(register(regs, op - 0x70) + c.sleb()); // DW_OP_breg0..31
            return;
        }
        switch (op) {
            case 0x03 -> push(c.u64());
            case 0x06 -> push(read(mem, pop(), 8));
            case 0x08 -> push(c.u8());
            case 0x09 -> push((byte) c.u8());
            case 0x0a -> push(c.u16());
            case 0x0b -> push(c.s16());
            case 0x0c -> push(c.u32());
            case 0x0d -> push(c.s32());
            case 0x0e, 0x0f -> push(c.u64());
            case 0x10 -> push(c.uleb());
            case 0x11 -> push(c.sleb());
            case 0x12 -> push(peekAt(0));
            case 0x13 -> pop();
            case 0x14 -> push(peekAt(1));
            case 0x15 -> push(peekAt(c.u8()));
            case 0x16 -> {
                long a = pop();
                long b = pop();
                push(a);
                push(b);
            }
            case 0x17 -> {
                long a = pop();
                long b = pop();
                long d = pop();
                push(a);
                push(d);
                push(b);
            }
            case 0x19 -> push(Math.abs(pop()));
            case 0x1f -> push(-pop());
            case 0x20 -> push(~pop());
            case 0x23 -> push(pop() + c.uleb());
            case 0x28 -> {
                int delta = c.s16();
                if (pop() != 0) {
                    jump(c, delta);
                }
            }
            case 0x2f -> jump(c, c.s16());
            case 0x90 -> push(register(regs, (int) c.uleb()));
            case 0x92 -> {
                int reg = (int) c.uleb();
                push(register(regs, reg) + c.sleb());
            }
            case 0x94 -> {
                int size = c.u8();
                if (size < 1 || size > 8) {
                    throw new UnwindFailure("bad DW_OP_deref_size " + size);
                }
                push(read(mem, pop(), size));
            }
            case 0x96 -> {
            }
            default -> binary(op);
        }
    }

    private void binary(int op) throws UnwindFailure {
        long b = pop();
        long a = pop();
        long r = switch (op) {
            case 0x1a -> a & b;
            case 0x1b -> {
                if (b == 0) {
                    throw new UnwindFailure("division by zero in DWARF expression");
                }
                yield a / b;
            }
            case 0x1c -> a - b;
            case 0x1d -> {
                if (b == 0) {
                    throw new UnwindFailure("division by zero in DWARF expression");
                }
                yield Long.remainderUnsigned(a, b);
            }
            case 0x1e -> a * b;
            case 0x21 -> a | b;
            case 0x22 -> a + b;
            case 0x24 -> b >= 64 || b < 0 ? 0 : a << b;
            case 0x25 -> b >= 64 || b < 0 ? 0 : a >>> b;
            case 0x26 -> b >= 64 || b < 0 ? (a < 0 ? -1 : 0) : a >> b;
            case 0x27 -> a ^ b;
            case 0x29 -> a == b ? 1 : 0;
            case 0x2a -> a >= b ? 1 : 0;
            case 0x2b -> a > b ? 1 : 0;
            case 0x2c -> a <= b ? 1 : 0;
            case 0x2d -> a < b ? 1 : 0;
            case 0x2e -> a != b ? 1 : 0;
            default -> throw new UnwindFailure("DWARF operation 0x" + Integer.toHexString(op)
                    + " is not supported in CFI");
        };
        push(r);
    }

    private static void jump(CfiCursor c, int delta) throws UnwindFailure {
        long target = (long) c.position() + delta;
        if (target < 0 || target > c.limit()) {
            throw new UnwindFailure("DWARF branch out of the expression");
        }
        c.seek(target);
    }
}
