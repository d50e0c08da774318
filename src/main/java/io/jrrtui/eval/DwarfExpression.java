package io.jrrtui.eval;

import io.jrrtui.dwarf.Unit;
import io.jrrtui.elf.ByteReader;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A DWARF expression evaluator (stack machine) producing a {@link Location}. It asks
 * {@link TargetAccess} for memory, registers and the CFA, and {@code frameBase} for DW_OP_fbreg.
 */
public final class DwarfExpression {
    private static final int MAX_STEPS = 100_000;
    private static final int MAX_STACK = 1024;

    private final TargetAccess target;
    private final LongSupplier frameBase;
    private final Unit unit;
    private final long bias;
    private final EntryValues entryValues;

    /** Recovers the value a register had on entry to the current function (from the caller's call site). */
    @FunctionalInterface
    public interface EntryValues {
        long registerAtEntry(int dwarfRegNo);

        EntryValues NONE = r -> { throw new OptimizedOutException(); };
    }

    /**
     * @param bias load bias added to addresses taken from the file (DW_OP_addr, addrx), so that
     *             position-independent modules resolve to run-time addresses
     */
    public DwarfExpression(TargetAccess target, LongSupplier frameBase, Unit unit, long bias, EntryValues entryValues) {
        this.target = target;
        this.frameBase = frameBase;
        this.unit = unit;
        this.bias = bias;
        this.entryValues = entryValues;
    }

    public DwarfExpression(TargetAccess target, LongSupplier frameBase, Unit unit, long bias) {
        this(target, frameBase, unit, bias, EntryValues.NONE);
    }

    /** Evaluates an expression; {@code initial} values are pushed first (e.g. an object address). */
    public Location evaluate(ByteBuffer expr, long... initial) {
        ByteReader r = new ByteReader(expr, "DWARF expression");
        if (r.limit() == 0) return new Location.OptimizedOut();
        Deque<Long> stack = new ArrayDeque<>();
        for (long v : initial) stack.push(v);
        List<Location.Piece> pieces = new ArrayList<>();
        Location current = null; // a register or implicit location awaiting DW_OP_piece
        boolean stackValue = false;
        int steps = 0;
        while (r.hasRemaining()) {
            if (++steps > MAX_STEPS) throw new JrrException("DWARF expression does not terminate");
            if (stack.size() > MAX_STACK) throw new JrrException("DWARF expression stack overflow");
            int op = r.u8();
            if (op >= 0x30 && op <= 0x4f) { stack.push((long) (op - 0x30)); continue; }          // lit0..31
            if (op >= 0x50 && op <= 0x6f) { current = new Location.Register(op - 0x50); continue; } // reg0..31
            if (op >= 0x70 && op <= 0x8f) { stack.push(target.register(op - 0x70) + r.sleb()); continue; } // breg0..31
            switch (op) {
                case 0x03: stack.push(r.u64() + bias); break;                // addr
                case 0x06: stack.push(readLong(pop(stack), 8)); break;        // deref
                case 0x08: stack.push((long) r.u8()); break;
                case 0x09: stack.push((long) r.s8()); break;
                case 0x0a: stack.push((long) r.u16()); break;
                case 0x0b: stack.push((long) (short) r.u16()); break;
                case 0x0c: stack.push(r.u32()); break;
                case 0x0d: stack.push((long) r.s32()); break;
                case 0x0e: case 0x0f: stack.push(r.u64()); break;
                case 0x10: stack.push(r.uleb()); break;
                case 0x11: stack.push(r.sleb()); break;
                case 0x12: stack.push(peek(stack, 0)); break;                 // dup
                case 0x13: pop(stack); break;                                 // drop
                case 0x14: stack.push(peek(stack, 1)); break;                 // over
                case 0x15: stack.push(peek(stack, r.u8())); break;            // pick
                case 0x16: { long a = pop(stack), b = pop(stack); stack.push(a); stack.push(b); break; }
                case 0x17: { long a = pop(stack), b = pop(stack), c = pop(stack); stack.push(a); stack.push(c); stack.push(b); break; }
                case 0x19: stack.push(Math.abs(pop(stack))); break;
                case 0x1a: { long b = pop(stack), a = pop(stack); stack.push(a & b); break; }
                case 0x1b: { long b = pop(stack), a = pop(stack); if (b == 0) throw new JrrException("Division by zero"); stack.push(a / b); break; }
                case 0x1c: { long b = pop(stack), a = pop(stack); stack.push(a - b); break; }
                case 0x1d: { long b = pop(stack), a = pop(stack); if (b == 0) throw new JrrException("Division by zero"); stack.push(Long.remainderUnsigned(a, b)); break; }
                case 0x1e: { long b = pop(stack), a = pop(stack); stack.push(a * b); break; }
                case 0x1f: stack.push(-pop(stack)); break;
                case 0x20: stack.push(~pop(stack)); break;
                case 0x21: { long b = pop(stack), a = pop(stack); stack.push(a | b); break; }
                case 0x22: { long b = pop(stack), a = pop(stack); stack.push(a + b); break; }
                case 0x23: stack.push(pop(stack) + r.uleb()); break;          // plus_uconst
                case 0x24: { long b = pop(stack), a = pop(stack); stack.push(b >= 64 ? 0 : a << b); break; }
                case 0x25: { long b = pop(stack), a = pop(stack); stack.push(b >= 64 ? 0 : a >>> b); break; }
                case 0x26: { long b = pop(stack), a = pop(stack); stack.push(a >> Math.min(b, 63)); break; }
                case 0x27: { long b = pop(stack), a = pop(stack); stack.push(a ^ b); break; }
                case 0x28: { int off = (short) r.u16(); if (pop(stack) != 0) r.seek(r.position() + off); break; } // bra
                case 0x29: { long b = pop(stack), a = pop(stack); stack.push(a == b ? 1L : 0L); break; }
                case 0x2a: { long b = pop(stack), a = pop(stack); stack.push(a >= b ? 1L : 0L); break; }
                case 0x2b: { long b = pop(stack), a = pop(stack); stack.push(a > b ? 1L : 0L); break; }
                case 0x2c: { long b = pop(stack), a = pop(stack); stack.push(a <= b ? 1L : 0L); break; }
                case 0x2d: { long b = pop(stack), a = pop(stack); stack.push(a < b ? 1L : 0L); break; }
                case 0x2e: { long b = pop(stack), a = pop(stack); stack.push(a != b ? 1L : 0L); break; }
                case 0x2f: { int off = (short) r.u16(); r.seek(r.position() + off); break; }              // skip
                case 0x90: current = new Location.Register(r.ulebInt()); break;                         // regx
                case 0x91: stack.push(frameBase.getAsLong() + r.sleb()); break;                         // fbreg
                case 0x92: { int reg = r.ulebInt(); stack.push(target.register(reg) + r.sleb()); break; } // bregx
                case 0x93: case 0x9d: {                                                                 // piece, bit_piece
                    long bits = op == 0x93 ? r.uleb() * 8 : r.uleb();
                    long bitOff = op == 0x93 ? 0 : r.uleb();
                    if (bits < 0 || bits > (1L << 27)) throw new JrrException("bad piece size " + bits);
                    Location l = current != null ? current
                            : stackValue ? implicit(pop(stack), 8)
                            : stack.isEmpty() ? new Location.OptimizedOut() : new Location.Memory(pop(stack));
                    pieces.add(new Location.Piece(l, bits, bitOff));
                    current = null;
                    stackValue = false;
                    break;
                }
                case 0x94: { int size = r.u8(); stack.push(readLong(pop(stack), size)); break; }      // deref_size
                case 0x96: break;                                                                       // nop
                case 0x9c: stack.push(target.cfa()); break;                                             // call_frame_cfa
                case 0x9e: {                                                                            // implicit_value
                    int len = r.ulebInt();
                    current = new Location.Implicit(r.bytes(len));
                    break;
                }
                case 0x9f: stackValue = true; break;                                                    // stack_value
                case 0xa1: case 0xfb: stack.push(unit.addressAt(r.uleb()) + bias); break;               // addrx
                case 0xa2: case 0xfc: stack.push(unit.addressAt(r.uleb())); break;                      // constx
                case 0xa3: case 0xf3: {                                                                 // entry_value
                    ByteReader inner = r.slice(r.uleb());
                    int iop = inner.u8();
                    int reg = iop >= 0x50 && iop <= 0x6f ? iop - 0x50 : iop == 0x90 ? inner.ulebInt() : -1;
                    if (reg < 0 || inner.hasRemaining()) throw new OptimizedOutException();
                    stack.push(entryValues.registerAtEntry(reg));
                    break;
                }
                case 0xa0: case 0xf2:                                                                   // implicit_pointer
                    r.unsigned(unit.offsetSize());
                    r.sleb();
                    current = new Location.ImplicitPointer();
                    break;
                case 0xe0: case 0x9b:                                                                   // (GNU_push/form)_tls_address
                    throw new JrrException("Cannot access thread-local variables yet (DW_OP_form_tls_address).");
                default:
                    throw new JrrException("unsupported DWARF expression op 0x" + Integer.toHexString(op));
            }
        }
        if (!pieces.isEmpty()) return new Location.Pieces(pieces);
        if (current != null) return current;
        if (stack.isEmpty()) return new Location.OptimizedOut();
        if (stackValue) return implicit(pop(stack), 8);
        return new Location.Memory(pop(stack));
    }

    /** Evaluates to a plain number (for DW_AT_frame_base: register contents or address). */
    public long evaluateToValue(ByteBuffer expr) {
        Location l = evaluate(expr);
        if (l instanceof Location.Memory m) return m.address();
        if (l instanceof Location.Register reg) return target.register(reg.regNo());
        if (l instanceof Location.Implicit imp) return ByteBuffer.wrap(pad8(imp.bytes())).order(ByteOrder.LITTLE_ENDIAN).getLong();
        throw new OptimizedOutException();
    }

    private static Location implicit(long v, int size) {
        byte[] b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
        return new Location.Implicit(java.util.Arrays.copyOf(b, Math.min(Math.max(size, 0), 8)));
    }

    static byte[] pad8(byte[] b) {
        return b.length >= 8 ? b : java.util.Arrays.copyOf(b, 8);
    }

    private long readLong(long addr, int size) {
        if (size < 1 || size > 8) throw new JrrException("bad DW_OP_deref_size " + size);
        byte[] b = target.readMemory(addr, size);
        return ByteBuffer.wrap(pad8(b)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static long pop(Deque<Long> s) {
        if (s.isEmpty()) throw new JrrException("DWARF expression stack underflow");
        return s.pop();
    }

    private static long peek(Deque<Long> s, int depth) {
        if (depth >= s.size()) throw new JrrException("DWARF expression stack underflow");
        int i = 0;
        for (long v : s) if (i++ == depth) return v;
        throw new JrrException("DWARF expression stack underflow");
    }

    /** The variable has no location at this pc (gdb prints {@code <optimized out>}). */
    public static final class OptimizedOutException extends JrrException {
        private static final long serialVersionUID = 1L;
        public OptimizedOutException() { super("value has been optimized out"); }
    }
}
