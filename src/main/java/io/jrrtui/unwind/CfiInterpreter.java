package io.jrrtui.unwind;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a CIE's initial instructions and an FDE's instructions up to a pc (DWARF 5, section 6.4.2),
 * giving the row of the CFI table for that pc. All DW_CFA_* instructions of DWARF 4/5 plus the GNU
 * extensions GCC emits.
 */
final class CfiInterpreter {
    /** Deeper remember_state nesting than this is garbage. */
    private static final int MAX_REMEMBERED = 64;

    private final FrameDescriptionEntry fde;
    private final CommonInfoEntry cie;
    private final PointerEncoding.Bases bases;
    private CfaRule cfa = new CfaRule.RegisterOffset(7, 8);
    private Map<Integer, RegisterRule> rules = new HashMap<>();
    private Map<Integer, RegisterRule> initialRules = Map.of();
    private final Deque<State> remembered = new ArrayDeque<>();
    private final boolean ehFrame;
    private long loc;

    private record State(CfaRule cfa, Map<Integer, RegisterRule> rules) {
    }

    private CfiInterpreter(FrameDescriptionEntry fde, PointerEncoding.Bases bases, boolean ehFrame) {
        this.fde = fde;
        this.ehFrame = ehFrame;
        this.cie = fde.cie();
        this.bases = bases;
        this.loc = fde.pcBegin();
    }

    /** The row for {@code pc}, which must lie in the FDE's range. */
    static UnwindRow rowAt(FrameDescriptionEntry fde, long pc, PointerEncoding.Bases bases, boolean ehFrame) {
        CfiInterpreter in = new CfiInterpreter(fde, bases, ehFrame);
        in.execute(fde.cie().initialInstructions(), Long.MAX_VALUE, true);
        in.initialRules = new HashMap<>(in.rules);
        in.execute(fde.instructions(), pc, false);
        return new UnwindRow(pc, fde.pcBegin(), in.cfa, in.rules, fde.cie().returnAddressRegister(),
                fde.cie().signalFrame());
    }

    /** Runs {@code code} until the location passes {@code pc}. */
    private void execute(ByteBuffer code, long pc, boolean inCie) {
        CfiCursor c = new CfiCursor(code, inCie ? "CIE instructions" : "FDE instructions");
        while (!c.atEnd()) {
            int op = c.u8();
            int high = op & 0xc0;
            int low = op & 0x3f;
            if (high == 0x40) {
                if (!advance(low * cie.codeAlign(), pc)) {
                    return;
                }
            } else if (high == 0x80) {
                rules.put(low, new RegisterRule.Offset(c.uleb() * cie.dataAlign()));
            } else if (high == 0xc0) {
                restore(low);
            } else if (!extended(c, low, pc)) {
                return;
            }
        }
    }

    /** Moves the location; false when the new row starts beyond {@code pc} (the current row applies). */
    private boolean advance(long delta, long pc) {
        long next = loc + delta;
        if (Long.compareUnsigned(next, pc) > 0) {
            return false;
        }
        loc = next;
        return true;
    }

    private boolean setLoc(long next, long pc) {
        if (Long.compareUnsigned(next, pc) > 0) {
            return false;
        }
        loc = next;
        return true;
    }

    private void restore(int reg) {
        RegisterRule initial = initialRules.get(reg);
        if (initial == null) {
            rules.remove(reg);
        } else {
            rules.put(reg, initial);
        }
    }

    private int reg(CfiCursor c) {
        long r = c.uleb();
        if (r < 0 || r > 0xffff) {
            throw c.malformed("register number " + r + " out of range");
        }
        return (int) r;
    }

    /** One instruction with a zero high part; false when it moved past {@code pc}. */
    private boolean extended(CfiCursor c, int op, long pc) {
        long da = cie.dataAlign();
        switch (op) {
            case 0x00 -> { }
            case 0x01 -> {
                long target = ehFrame ? PointerEncoding.read(c, cie.fdeEncoding(), bases)
                        : cie.addressSize() == 4 ? c.u32() : c.u64();
                return setLoc(target, pc);
            }
            case 0x02 -> {
                return advance(c.u8() * cie.codeAlign(), pc);
            }
            case 0x03 -> {
                return advance(c.u16() * cie.codeAlign(), pc);
            }
            case 0x04 -> {
                return advance(c.u32() * cie.codeAlign(), pc);
            }
            case 0x05 -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.Offset(c.uleb() * da));
            }
            case 0x06 -> restore(reg(c));
            case 0x07 -> rules.put(reg(c), RegisterRule.UNDEFINED);
            case 0x08 -> rules.put(reg(c), RegisterRule.SAME_VALUE);
            case 0x09 -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.InRegister(reg(c)));
            }
            case 0x0a -> {
                if (remembered.size() >= MAX_REMEMBERED) {
                    throw c.malformed("DW_CFA_remember_state nested too deeply");
                }
                remembered.push(new State(cfa, new HashMap<>(rules)));
            }
            case 0x0b -> {
                State s = remembered.poll();
                if (s == null) {
                    throw c.malformed("DW_CFA_restore_state without remember_state");
                }
                cfa = s.cfa();
                rules = s.rules();
            }
            case 0x0c -> {
                int r = reg(c);
                cfa = new CfaRule.RegisterOffset(r, c.uleb());
            }
            case 0x0d -> cfa = new CfaRule.RegisterOffset(reg(c), currentCfaOffset());
            case 0x0e -> cfa = new CfaRule.RegisterOffset(currentCfaRegister(c), c.uleb());
            case 0x0f -> cfa = new CfaRule.Expression(c.slice(c.uleb()));
            case 0x10 -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.Expression(c.slice(c.uleb())));
            }
            case 0x11 -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.Offset(c.sleb() * da));
            }
            case 0x12 -> {
                int r = reg(c);
                cfa = new CfaRule.RegisterOffset(r, c.sleb() * da);
            }
            case 0x13 -> cfa = new CfaRule.RegisterOffset(currentCfaRegister(c), c.sleb() * da);
            case 0x14 -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.ValOffset(c.uleb() * da));
            }
            case 0x15 -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.ValOffset(c.sleb() * da));
            }
            case 0x16 -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.ValExpression(c.slice(c.uleb())));
            }
            case 0x2e -> c.uleb(); // DW_CFA_GNU_args_size: only matters for exception landing pads
            case 0x2f -> {
                int r = reg(c);
                rules.put(r, new RegisterRule.Offset(-c.uleb() * da));
            }
            default -> throw c.malformed("unknown CFA instruction 0x" + Integer.toHexString(op));
        }
        return true;
    }

    private long currentCfaOffset() {
        return cfa instanceof CfaRule.RegisterOffset ro ? ro.offset() : 0;
    }

    private int currentCfaRegister(CfiCursor c) {
        if (cfa instanceof CfaRule.RegisterOffset ro) {
            return ro.register();
        }
        throw c.malformed("DW_CFA_def_cfa_offset after a CFA expression");
    }
}
