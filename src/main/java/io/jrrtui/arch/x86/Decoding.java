package io.jrrtui.arch.x86;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoding of one instruction: opcode table lookup, operand texts in AT&T syntax, mnemonic
 * spelling and prefix words, on top of the encoding fields read by {@link EncodingReader}.
 * One instance per decode call.
 */
final class Decoding extends EncodingReader {
    private static final int XMM_V = Operand.parse("Vo");
    private static final int XMM_H = Operand.parse("Ho");
    private static final int XMM_U = Operand.parse("Uo");

    private int osz; // 16, 32, 64
    private long branchTarget = -1;
    private boolean hasRegisterOperand;
    private String mnemonic;
    /** Intel-syntax name when it differs from {@link #mnemonic}'s spelling rules (set with it). */
    private String intelName;
    /** Intel text of the memory operand just formatted by {@link #operand}, else null. */
    private String pendingIntel;
    private final List<String> intelOps = new ArrayList<>(4);
    private final List<String> ops = new ArrayList<>(4);
    private Kind kind = Kind.SEQUENTIAL;
    private OpEntry entry;

    Decoding(byte[] code, int start, int limit, long address) {
        super(code, start, limit, address);
    }

    static Instruction invalid(byte[] code, int start, long address) {
        byte[] b = start < code.length ? new byte[] {code[start]} : new byte[0];
        return new Instruction(address, 1, b, "(bad)", List.of(), Kind.INVALID, -1, false, -1, "(bad)", List.of());
    }

    Instruction run() {
        try {
            decode();
            String[] words = prefixWords();
            String text = words[0] + mnemonic + words[1];
            String intelText = words[2] + (intelName != null ? intelName : mnemonic);
            int len = pos - start;
            long memTarget = ripRel ? address + len + disp : -1;
            return new Instruction(address, len, Arrays.copyOfRange(code, start, pos), text,
                    List.copyOf(ops), kind, branchTarget, ripRel, memTarget, intelText, List.copyOf(intelOps));
        } catch (Bad e) {
            if (e == STRAY_REX) {
                return strayRex();
            }
            return invalid(code, start, address);
        } catch (RuntimeException e) {
            // last line of defence: malformed input must never escape as an exception
            return invalid(code, start, address);
        }
    }

    private Instruction strayRex() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < prefixCount; i++) {
            int p = prefixes[i];
            sb.append(i > 0 ? " " : "").append((p & 0xf0) == 0x40 ? Mnemonics.rexName(p) : Mnemonics.prefixWord(p));
        }
        return new Instruction(address, pos - start, Arrays.copyOfRange(code, start, pos), sb.toString(),
                List.of(), Kind.SEQUENTIAL, -1, false, -1, sb.toString(), List.of());
    }

    // ------------------------------------------------------------------ prefixes and opcode

    private void decode() {
        readPrefixes();
        int b = u8();
        if (b == 0xc4 || b == 0xc5) {
            readVex(b);
        } else if (b == 0x8f && (peek() & 0x1f) >= 8) {
            readVex(b); // AMD XOP
        } else if (b == 0x62) {
            readEvex();
        } else if (b == 0x0f) {
            b = u8();
            if (b == 0x38) {
                map = OpcodeTable.MAP_0F38;
                b = u8();
            } else if (b == 0x3a) {
                map = OpcodeTable.MAP_0F3A;
                b = u8();
            } else {
                map = OpcodeTable.MAP_0F;
            }
        }
        if (!vex && !evex) {
            opcode = b;
        }
        if (map == OpcodeTable.MAP_ONE && opcode == 0x9b && pos < limit && (code[pos] & 0xf8) == 0xd8) {
            // objdump shows fwait + x87 as one instruction, the waiting form of fnstcw & co.
            opcode = u8();
            X87.decode(this);
            if (mnemonic.startsWith("fn") && !mnemonic.equals("fnop")) {
                mnemonic = "f" + mnemonic.substring(2);
                intelName = "f" + intelName.substring(2);
            }
            return;
        }
        if (map == OpcodeTable.MAP_ONE && opcode >= 0xd8 && opcode <= 0xdf) {
            X87.decode(this);
            return;
        }
        if (!vex && !evex && map == OpcodeTable.MAP_ONE && opcode == 0x90) {
            if (nop90()) {
                return;
            }
        }
        entry = lookup();
        if (entry == null) {
            throw bad();
        }
        finishEntry();
    }

    private OpEntry lookup() {
        if (vex || evex) {
            OpEntry e = evex ? OpcodeTable.evex(map, vexPp, opcode) : OpcodeTable.vex(map, vexPp, opcode);
            if (e == null) {
                e = OpcodeTable.legacy(map, vexPp, opcode);
            }
            e = resolveGroup(e);
            if (e == null || e.has(OpEntry.NO_VEX) || !(e.has(OpEntry.VECTOR) || e.has(OpEntry.VEX_ONLY))) {
                if (vex && !vexXop && map == OpcodeTable.MAP_0F && opcode == 0x77) {
                    return new OpEntry(vexL == 0 ? "vzeroupper" : "vzeroall", new int[0], OpEntry.VEX_ONLY, null);
                }
                return null;
            }
            if (e.has(OpEntry.NO_VEX_L) && vexL != 0) {
                return null;
            }
            return e;
        }
        if (map == OpcodeTable.MAP_ONE) {
            return resolveGroup(OpcodeTable.legacy(map, 0, opcode));
        }
        int pp = legacyPp();
        OpEntry e = pp == 0 ? null : resolveGroup(OpcodeTable.legacy(map, pp, opcode));
        if (e != null && !e.has(OpEntry.VEX_ONLY)) {
            usedPrefixes |= 1 << (pp == 1 ? osIdx : repIdx);
            if (pp == 1) {
                osIdx = -1; // consumed as mandatory prefix, not operand size
            }
            return e;
        }
        if (pp >= 2 && osIdx >= 0) {
            e = resolveGroup(OpcodeTable.legacy(map, 1, opcode));
            if (e != null && !e.has(OpEntry.VEX_ONLY)) {
                usedPrefixes |= 1 << osIdx;
                osIdx = -1;
                return e;
            }
        }
        e = resolveGroup(OpcodeTable.legacy(map, 0, opcode));
        return e == null || e.has(OpEntry.VEX_ONLY) ? null : e;
    }

    private OpEntry resolveGroup(OpEntry e) {
        if (e == null) {
            return null;
        }
        if (e.has(OpEntry.MODRM)) {
            readModrm();
        }
        if (!e.isGroup()) {
            return e;
        }
        if (mod == 3) {
            if (e.exact != null && e.exact[reg * 8 + rm] != null) {
                return e.exact[reg * 8 + rm];
            }
            return e.reg == null ? null : e.reg[reg];
        }
        return e.mem == null ? null : e.mem[reg];
    }

    /** 0x90: nop, pause, xchg %ax,%ax or xchg with r8. Returns false to decode it as xchg Zv,rAX. */
    private boolean nop90() {
        if ((rex & 1) != 0) {
            return false;
        }
        if (repIdx >= 0 && prefixes[repIdx] == 0xf3) {
            usedPrefixes |= 1 << repIdx;
            mnemonic = "pause";
            return true;
        }
        if (osIdx >= 0) {
            usedPrefixes |= 1 << osIdx;
            mnemonic = "xchg";
            ops.add("%ax");
            ops.add("%ax");
            intelOps.add("ax");
            intelOps.add("ax");
            return true;
        }
        mnemonic = "nop";
        return true;
    }

    // ------------------------------------------------------------------ operands

    private void finishEntry() {
        OpEntry e = entry;
        if (e.has(OpEntry.DEFAULT64)) {
            osz = osIdx >= 0 && (rex & 8) == 0 ? 16 : 64; // REX.W overrides 0x66 without being "used"
        } else if (rexWForSize(e)) {
            osz = 64;
        } else {
            osz = osIdx >= 0 && !e.has(OpEntry.IGNORE_66) ? 16 : 32;
        }
        if (osz == 16 && (rex & 8) != 0 && !vex && !evex) {
            osz = 32; // in/out: REX.W cancels 0x66 without widening to 64 bits
        }
        if (e.kind != null) {
            kind = e.kind;
        }
        String name = wBit(e) ? e.nameW : e.name;
        if (map == OpcodeTable.MAP_ONE && (opcode == 0x98 || opcode == 0x99) && osz == 16) {
            usedPrefixes |= 1 << osIdx;
            name = opcode == 0x98 ? "cbtw" : "cwtd";
        }
        int[] spec = e.opsW != e.ops && vexW != 0 ? e.opsW : e.ops;
        if ((vex || evex) && isMovScalarRegForm(e)) {
            spec = spec[0] == XMM_V
                    ? new int[] {spec[0], XMM_H, XMM_U}
                    : new int[] {XMM_U, XMM_H, spec[1]};
        }
        if (e.has(OpEntry.W_SWAPS) && vexW != 0) {
            spec = spec.clone();
            int t = spec[spec.length - 1];
            spec[spec.length - 1] = spec[spec.length - 2];
            spec[spec.length - 2] = t;
        }
        if (evex && evexB && mod == 3) {
            vl = 512; // L'L holds the rounding mode
        }
        String[] intel = new String[spec.length + 1]; // AT&T texts in Intel operand order
        String[] intelSyntax = new String[spec.length + 1];
        int n = 0;
        for (int op : spec) {
            if (!vex && !evex && Operand.kind(op) == Operand.H) {
                continue; // legacy SSE: the destination is also the first source
            }
            intel[n] = operand(op);
            intelSyntax[n++] = pendingIntel != null ? pendingIntel : IntelSyntax.fromAtt(intel[n - 1]);
            pendingIntel = null;
        }
        if ((vex || evex) && (vvvv & 15) != 0 && !usesVvvv(spec)) {
            throw bad();
        }
        if (kind == Kind.CALL_INDIRECT || kind == Kind.JUMP_INDIRECT) {
            intel[0] = "*" + intel[0];
        }
        if (name.equals("3dnow")) {
            name = Amd3dNow.name(u8());
            if (name == null) {
                throw bad();
            }
        }
        String plain = name;
        name = adjustName(e, name, spec, intel, n);
        String iname = IntelSyntax.rename(intelNameFor(plain, name));
        int intelCount = n;
        for (int i = 0; i < n; i++) {
            if (intel[i] == null && Operand.kind(spec[Math.min(i, spec.length - 1)]) != Operand.ONE) {
                intelSyntax[i] = null; // folded into the mnemonic (predicates)
            }
        }
        if (evex) {
            intelCount = decorateIntel(e, spec, intelSyntax, intelCount);
            n = applyEvexDecorations(e, spec, intel, n);
        }
        boolean keep = e.has(OpEntry.KEEP_ORDER);
        for (int i = 0; i < n; i++) {
            String s = intel[keep ? i : n - 1 - i];
            if (s != null) {
                ops.add(s);
            }
        }
        for (int i = 0; i < intelCount; i++) {
            if (intelSyntax[i] != null) {
                intelOps.add(intelSyntax[i]);
            }
        }
        if (e.has(OpEntry.SUFFIX) && !hasRegisterOperand) {
            name = name + Mnemonics.suffixChar(primarySize(spec));
        } else if (e.has(OpEntry.DEFAULT64) && osz == 16 && !hasRegisterOperand && !isShortJump(spec)
                && kind != Kind.JUMP_CONDITIONAL) {
            name = name + 'w';
            if (!hasMemoryOperand(spec)) {
                iname = iname + 'w';
            }
        }
        if (mnemonic == null) {
            String v = (vex || evex) && !e.has(OpEntry.VEX_ONLY) ? "v" : "";
            mnemonic = v + name;
            intelName = v + iname;
        }
    }

    /** Intel spelling: no size suffixes, movzx/movsx, no x/y conversion suffix. */
    private String intelNameFor(String plain, String adjusted) {
        if (plain.endsWith("%")) {
            return plain.startsWith("movz") ? "movzx" : "movsx";
        }
        if (plain.endsWith("~") || plain.endsWith("^")) {
            return plain.substring(0, plain.length() - 1);
        }
        if (adjusted.length() == plain.length() + 1 && adjusted.startsWith(plain) && plain.startsWith("cvt")) {
            return plain; // vcvtpd2psx/y
        }
        return adjusted;
    }

    private boolean hasMemoryOperand(int[] spec) {
        for (int op : spec) {
            int k = Operand.kind(op);
            if ((k == Operand.E || k == Operand.M) && mod != 3) {
                return true;
            }
        }
        return false;
    }

    /** Intel syntax puts masks on the destination and the rounding mode on the last register source. */
    private int decorateIntel(OpEntry e, int[] spec, String[] ops, int n) {
        if (evexAaa != 0 || evexZ) {
            ops[0] = ops[0] + (evexAaa != 0 ? "{k" + evexAaa + "}" : "") + (evexZ ? "{z}" : "");
        }
        if (evexB && mod == 3) {
            String rc = e.has(OpEntry.ROUNDING) ? Mnemonics.ROUNDING[vexL] : e.has(OpEntry.SAE) ? "{sae}"
                    : Mnemonics.ROUNDING_BAD[vexL];
            if (!e.has(OpEntry.ROUNDING) && !e.has(OpEntry.SAE)) {
                ops[n] = rc; // an invalid rounding field prints as an operand of its own
                return n + 1;
            }
            int last = n - 1;
            while (last > 0 && (ops[last] == null || Operand.kind(spec[Math.min(last, spec.length - 1)]) == Operand.I)) {
                last--;
            }
            ops[last] = ops[last] + rc;
        }
        return n;
    }

    private static boolean isShortJump(int[] spec) {
        return spec.length == 1 && spec[0] == (Operand.J << 8 | Operand.SB);
    }

    private static boolean usesVvvv(int[] spec) {
        for (int op : spec) {
            int k = Operand.kind(op);
            if (k == Operand.H || k == Operand.B || k == Operand.KH) {
                return true;
            }
        }
        return false;
    }

    private boolean rexWForSize(OpEntry e) {
        for (int op : e.ops) {
            int s = Operand.size(op);
            int k = Operand.kind(op);
            boolean sizedByW = s == Operand.SV || s == Operand.SY || s == Operand.SZ && k != Operand.ACC && k != Operand.X
                    && k != Operand.Y; // in/out and ins/outs never reach 64 bits
            if (sizedByW && k != Operand.LITERAL) {
                return rexW();
            }
        }
        if (!e.name.equals(e.nameW)) {
            return rexW();
        }
        return false;
    }

    private boolean wBit(OpEntry e) {
        return !e.name.equals(e.nameW) && rexW();
    }

    private boolean isMovScalarRegForm(OpEntry e) {
        return mod == 3 && map == OpcodeTable.MAP_0F && (opcode == 0x10 || opcode == 0x11)
                && (vexPp == 2 || vexPp == 3);
    }

    private String adjustName(OpEntry e, String name, int[] spec, String[] intel, int n) {
        if ((vex || evex) && mod != 3 && vl < 512 && (name.equals("cvtpd2ps") || name.equals("cvttpd2dq")
                || name.equals("cvtpd2dq"))) {
            return name + (vl == 256 ? 'y' : 'x');
        }
        if (name.endsWith("%")) {
            return name.substring(0, name.length() - 1) + Mnemonics.suffixChar(osz / 8);
        }
        if (name.endsWith("~")) {
            String base = name.substring(0, name.length() - 1);
            return mod != 3 ? base + (rexW() ? 'q' : 'l') : base;
        }
        if (name.endsWith("^")) {
            String base = name.substring(0, name.length() - 1);
            return mod != 3 ? base + Mnemonics.suffixChar(primarySize(spec)) : base;
        }
        if (Mnemonics.K_SIZED.contains(name) && e.has(OpEntry.VEX_ONLY)) {
            String k = Mnemonics.kSuffix(name, opcode, vexPp, vexW != 0);
            if (k == null) {
                throw bad();
            }
            return name + k;
        }
        if (name.equals("pclmulqdq") || name.equals("vpclmulqdq")) {
            int v = Integer.parseInt(intel[n - 1].substring(3), 16);
            if ((v & 0xee) == 0) {
                intel[n - 1] = null;
                return name.replace("qdq", "") + ((v & 1) != 0 ? "hq" : "lq") + ((v & 0x10) != 0 ? "hq" : "lq") + "dq";
            }
            return name;
        }
        if (e.has(OpEntry.CMP_PREDICATE) || e.has(OpEntry.PCMP_PREDICATE)) {
            return predicate(e, name, intel, n);
        }
        return name;
    }

    private String predicate(OpEntry e, String name, String[] intel, int n) {
        String imm = intel[n - 1];
        int v = Integer.parseInt(imm.substring(3), 16);
        String[] table = vexXop ? Mnemonics.XOP_PRED : e.has(OpEntry.PCMP_PREDICATE) ? Mnemonics.PCMP_PRED : Mnemonics.CMP_PRED;
        int max = e.has(OpEntry.PCMP_PREDICATE) ? 8 : (vex || evex) && !vexXop ? 32 : 8;
        if (v >= max) {
            return name;
        }
        intel[n - 1] = null;
        String tail = name.substring(name.startsWith("vpcmp") || name.startsWith("vpcom") ? 5
                : name.startsWith("vcmp") ? 4 : 3);
        String head = name.substring(0, name.length() - tail.length());
        return head + table[v] + tail;
    }

    private int applyEvexDecorations(OpEntry e, int[] spec, String[] intel, int n) {
        if (evexAaa != 0 || evexZ) {
            intel[0] = intel[0] + (evexAaa != 0 ? "{%k" + evexAaa + "}" : "") + (evexZ ? "{z}" : "");
        }
        if (evexB && mod == 3) {
            String rc = e.has(OpEntry.ROUNDING) ? Mnemonics.ROUNDING[vexL] : e.has(OpEntry.SAE) ? "{sae}" : Mnemonics.ROUNDING_BAD[vexL];
            // AT&T prints it before the sources, after a trailing immediate or a general register source
            int at = n;
            int last = Operand.kind(spec[spec.length - 1]);
            boolean valid = e.has(OpEntry.ROUNDING) || e.has(OpEntry.SAE);
            if (valid && (last == Operand.I || last == Operand.E || last == Operand.R)) {
                at = n - 1;
            }
            System.arraycopy(intel, at, intel, at + 1, n - at);
            intel[at] = rc;
            n++;
        }
        return n;
    }

    private int primarySize(int[] spec) {
        for (int op : spec) {
            int k = Operand.kind(op);
            if (k == Operand.E || k == Operand.X || k == Operand.Y || k == Operand.M) {
                return sizeBytes(Operand.size(op));
            }
        }
        return osz / 8;
    }

    private int sizeBytes(int s) {
        switch (s) {
            case Operand.SV: return osz / 8;
            case Operand.SZ: return osz == 16 ? 2 : 4;
            case Operand.SY: return rexW() ? 8 : 4;
            case Operand.SX: return vl / 8;
            case Operand.SH: return vl / 16;
            case Operand.SQUARTER: return vl / 32;
            case Operand.SEIGHTH: return vl / 64;
            case Operand.SDW: return mod == 3 ? 4 : 2;
            case Operand.SDB: return mod == 3 ? 4 : 1;
            case Operand.SDUP: return vl == 128 ? 8 : vl / 8;
            default: return s;
        }
    }

    /** Formats one operand as AT&T text. */
    private String operand(int op) {
        int k = Operand.kind(op);
        int s = Operand.size(op);
        switch (k) {
            case Operand.E:
                return mod == 3 ? gpReg(rm + rexBit(1), sizeBytes(s)) : memory(sizeBytes(s));
            case Operand.M:
                if (mod == 3) {
                    throw bad();
                }
                return memory(sizeBytes(s));
            case Operand.R:
                if (mod != 3 && !(map == OpcodeTable.MAP_0F && opcode >= 0x20 && opcode <= 0x23)) {
                    throw bad();
                }
                return gpReg(rm + rexBit(1), sizeBytes(s));
            case Operand.G:
                return gpReg(reg + rexBit(4) + (evexRp ? 16 : 0), sizeBytes(s));
            case Operand.B:
                return gpReg(vvvv & 15, sizeBytes(s));
            case Operand.Z:
                return gpReg((opcode & 7) + rexBit(1), sizeBytes(s));
            case Operand.ACC:
                return gpReg(0, sizeBytes(s));
            case Operand.I:
                return immediate(s);
            case Operand.IS:
                return imm(mask((byte) u8(), osz));
            case Operand.J:
                return jump(s);
            case Operand.O:
                return moffs();
            case Operand.X: {
                markUsed(asIdx);
                markUsed(segIdx); // string instructions take any segment override silently
                String seg = segPrefix("%ds:");
                String si = asIdx >= 0 ? "esi" : "rsi";
                pendingIntel = IntelSyntax.sized(seg.substring(1) + "[" + si + "]", sizeBytes(s), 0);
                return seg + "(%" + si + ")";
            }
            case Operand.Y: {
                markUsed(asIdx);
                String di = asIdx >= 0 ? "edi" : "rdi";
                pendingIntel = IntelSyntax.sized("es:[" + di + "]", sizeBytes(s), 0);
                return "%es:(%" + di + ")";
            }
            case Operand.S:
                hasRegisterOperand = true;
                return Registers.segment(reg);
            case Operand.C:
                hasRegisterOperand = true;
                return "%cr" + (reg + rexBit(4));
            case Operand.D:
                hasRegisterOperand = true;
                return "%db" + (reg + rexBit(4));
            case Operand.P:
                hasRegisterOperand = true;
                return "%mm" + reg;
            case Operand.Q:
                if (mod != 3) {
                    return memory(s == Operand.SD ? 4 : 8);
                }
                hasRegisterOperand = true;
                return "%mm" + rm;
            case Operand.N:
                if (mod != 3) {
                    throw bad();
                }
                hasRegisterOperand = true;
                return "%mm" + rm;
            case Operand.V:
                return vecReg(reg + rexBit(4) + (evexRp ? 16 : 0), s);
            case Operand.W:
                if (mod != 3) {
                    return memory(sizeBytes(s));
                }
                return vecReg(rm + rexBit(1) + (evex && (rex & 2) != 0 ? 16 : 0), s);
            case Operand.U:
                if (mod != 3) {
                    throw bad();
                }
                return vecReg(rm + rexBit(1) + (evex && (rex & 2) != 0 ? 16 : 0), s);
            case Operand.H:
                return vecReg(vvvv, s);
            case Operand.L:
                return vecReg(u8() >> 4, s);
            case Operand.KG:
                hasRegisterOperand = true;
                return "%k" + reg;
            case Operand.KE:
                if (mod != 3) {
                    return memory(8);
                }
                hasRegisterOperand = true;
                return "%k" + rm;
            case Operand.KR:
                if (mod != 3) {
                    throw bad();
                }
                hasRegisterOperand = true;
                return "%k" + rm;
            case Operand.KH:
                hasRegisterOperand = true;
                return "%k" + (vvvv & 7);
            case Operand.LITERAL:
                if (Operand.literal(op).startsWith("%ds:")) {
                    markUsed(segIdx); // xlat
                }
                return Operand.literal(op);
            case Operand.A:
                return vsib();
            case Operand.ONE:
                pendingIntel = "1"; // shift by one: implicit in AT&T, explicit in Intel
                return null;
            default:
                throw bad();
        }
    }

    private String gpReg(int n, int bytes) {
        hasRegisterOperand = true;
        if (n > 15) {
            throw bad();
        }
        switch (bytes) {
            case 1:
                byteRegSeen |= n >= 4 && n < 8;
                return "%" + (rex == 0 ? Registers.R8_LEGACY[n & 7] : Registers.R8[n]);
            case 2: return "%" + Registers.R16[n];
            case 8: return "%" + Registers.R64[n];
            default: return "%" + Registers.R32[n];
        }
    }

    private String vecReg(int n, int s) {
        hasRegisterOperand = true;
        int width;
        switch (s) {
            case Operand.SX: width = halfWidthGather() ? Math.max(128, vl / 2) : vl; break;
            case Operand.SDUP: width = vl; break;
            case Operand.SH: width = Math.max(128, vl / 2); break;
            default: width = 128; break;
        }
        return (width == 512 ? "%zmm" : width == 256 ? "%ymm" : "%xmm") + n;
    }

    private String immediate(int s) {
        switch (s) {
            case Operand.SB: return imm(u8());
            case Operand.SW: return imm(le(2));
            case Operand.SD: return imm(le(4));
            case Operand.SZ:
                if (osz == 16) {
                    return imm(le(2));
                }
                return imm(mask((int) le(4), osz));
            case Operand.SV:
                if (osz == 64) {
                    long v = le(8);
                    if (map == OpcodeTable.MAP_ONE && opcode >= 0xb8) {
                        mnemonic = "movabs";
                    }
                    return imm(v);
                }
                return imm(le(osz / 8));
            default:
                throw bad();
        }
    }

    private static long mask(long v, int bits) {
        return bits == 64 ? v : v & ((1L << bits) - 1);
    }

    private static String imm(long v) {
        return "$0x" + Long.toHexString(v);
    }

    private String jump(int s) {
        long rel = s == Operand.SB ? (byte) u8() : osz == 16 ? (short) le(2) : (int) le(4);
        long next = address + (pos - start);
        branchTarget = s != Operand.SB && osz == 16 ? (next + rel) & 0xffff : next + rel;
        if (asIdx >= 0 && map == OpcodeTable.MAP_ONE && opcode == 0xe3) {
            usedPrefixes |= 1 << asIdx;
            mnemonic = "jecxz";
        }
        return Long.toHexString(branchTarget);
    }

    private String moffs() {
        long a = le(asIdx >= 0 ? 4 : 8);
        if (asIdx >= 0) {
            usedPrefixes |= 1 << asIdx;
        }
        String seg = segPrefix("");
        pendingIntel = (seg.isEmpty() ? "ds:" : seg.substring(1)) + "0x" + Long.toHexString(a);
        return seg + "0x" + Long.toHexString(a);
    }

    /** fs/gs overrides apply to memory operands; the others are printed as prefix words. */
    private String segPrefix(String dflt) {
        if (segIdx >= 0) {
            int p = prefixes[segIdx];
            if (p == 0x64 || p == 0x65) {
                usedPrefixes |= 1 << segIdx;
                return p == 0x64 ? "%fs:" : "%gs:";
            }
        }
        return dflt;
    }

    private String memory(int bytes) {
        StringBuilder sb = new StringBuilder(24);
        sb.append(segPrefix(""));
        long d = disp;
        if (evex && dispSize == 1) {
            d *= evexB ? (vexW != 0 ? 8 : 4) : compressedElement() ? elementBytes() : Math.max(1, bytes);
        }
        boolean addr32 = asIdx >= 0;
        if (addr32) {
            usedPrefixes |= 1 << asIdx;
        }
        // objdump counts REX.B/X as used by any memory operand (even rip-relative or without base)
        int bExt = rexBit(1);
        int xExt = sib ? rexBit(2) : 0;
        String seg = sb.length() == 0 ? null : sb.substring(1, sb.length() - 1);
        int bcst = evex && evexB ? (vexW != 0 ? 8 : 4) : 0;
        if (ripRel) {
            disp = d;
            signedHex(sb, d).append(addr32 ? "(%eip)" : "(%rip)");
            // objdump's Intel syntax prints a negative rip displacement as a 64-bit unsigned addend
            String ripAddr = (seg == null ? "" : seg + ":") + "[" + (addr32 ? "eip" : "rip") + "+0x" + Long.toHexString(d) + "]";
            pendingIntel = IntelSyntax.sized(ripAddr, bytes, bcst);
            return broadcast(sb, bytes);
        }
        int b = base < 0 ? -1 : base + bExt;
        int x = sib ? index + xExt : -1;
        boolean riz = x == 4 && (scale != 0 || base >= 0 && (base & 7) != 4);
        if (x == 4 && !riz) {
            x = -1;
        }
        if (b < 0 && x < 0) {
            String abs = "0x" + Long.toHexString(addr32 ? d & 0xffffffffL : d);
            sb.append(abs);
            pendingIntel = IntelSyntax.sized((seg == null ? "ds" : seg) + ":" + abs, bytes, bcst);
            return broadcast(sb, bytes);
        }
        String[] names = addr32 ? Registers.R32 : Registers.R64;
        pendingIntel = IntelSyntax.sized(IntelSyntax.address(seg, b >= 0 ? names[b] : null,
                x < 0 ? null : x == 4 ? (addr32 ? "eiz" : "riz") : names[x], scale, d, dispSize > 0 || b < 0), bytes, bcst);
        if (dispSize > 0) {
            signedHex(sb, d);
        }
        sb.append('(');
        if (b >= 0) {
            sb.append('%').append(addr32 ? Registers.R32[b] : Registers.R64[b]);
        }
        if (x >= 0) {
            sb.append(",%").append(x == 4 ? (addr32 ? "eiz" : "riz") : addr32 ? Registers.R32[x] : Registers.R64[x]);
            sb.append(',').append(1 << scale);
        }
        sb.append(')');
        return broadcast(sb, bytes);
    }

    /** Gathers: memory with a vector index register (VSIB). */
    private String vsib() {
        if (mod == 3 || !sib) {
            throw bad();
        }
        StringBuilder sb = new StringBuilder(32).append(segPrefix(""));
        String seg = sb.length() == 0 ? null : sb.substring(1, sb.length() - 1);
        long d = disp;
        if (evex && dispSize == 1) {
            d *= vexW != 0 ? 8 : 4;
        }
        if (dispSize > 0 || base < 0) {
            signedHex(sb, d);
        }
        sb.append('(');
        String baseName = base >= 0 ? Registers.R64[base + rexBit(1)] : null;
        if (baseName != null) {
            sb.append('%').append(baseName);
        }
        int x = index + rexBit(2) + (evexV ? 16 : 0);
        boolean dwordIndex = (opcode & 1) == 0;
        int width = dwordIndex && vexW != 0 ? Math.max(128, vl / 2) : vl;
        String indexName = (width == 512 ? "zmm" : width == 256 ? "ymm" : "xmm") + x;
        sb.append(",%").append(indexName).append(',').append(1 << scale).append(')');
        pendingIntel = IntelSyntax.sized(IntelSyntax.address(seg, baseName, indexName, scale, d,
                dispSize > 0 || base < 0), vexW != 0 ? 8 : 4, 0);
        return sb.toString();
    }

    /** Gathers with qword indices and dword elements have a destination half the index width. */
    private boolean halfWidthGather() {
        return map == OpcodeTable.MAP_0F38 && (opcode >= 0x90 && opcode <= 0x93 || opcode >= 0xa0 && opcode <= 0xa3)
                && (opcode & 1) == 1 && vexW == 0;
    }

    /** Expand/compress move single elements: their disp8 scale is the element size. */
    private boolean compressedElement() {
        return entry != null && map == OpcodeTable.MAP_0F38 && (opcode == 0x62 || opcode == 0x63 || opcode == 0x88
                || opcode == 0x89 || opcode == 0x8a || opcode == 0x8b);
    }

    private int elementBytes() {
        String n = vexW != 0 ? entry.nameW : entry.name;
        if (n.endsWith("pd") || n.endsWith("q")) {
            return 8;
        }
        return n.endsWith("b") ? 1 : n.endsWith("w") ? 2 : 4;
    }

    private String broadcast(StringBuilder sb, int bytes) {
        if (evex && evexB) {
            int elem = vexW != 0 ? 8 : 4;
            // widening conversions broadcast into a half-width source; everything else spans the vector
            int count = Mnemonics.WIDENING.matcher(vexW != 0 ? entry.nameW : entry.name).matches() ? bytes / elem : vl / (elem * 8);
            if (bytes <= elem) {
                return sb.append("{bad}").toString(); // scalar operands cannot broadcast
            }
            sb.append("{1to").append(Math.max(1, count)).append('}');
        }
        return sb.toString();
    }

    private static StringBuilder signedHex(StringBuilder sb, long v) {
        if (v < 0) {
            return sb.append("-0x").append(Long.toHexString(-v));
        }
        return sb.append("0x").append(Long.toHexString(v));
    }

    // ------------------------------------------------------------------ x87 support for X87

    int readModrmForX87() {
        readModrm();
        return mod == 3 ? -1 : reg;
    }

    int modrmReg() {
        return reg;
    }

    int modrmRm() {
        return rm;
    }

    int opcode() {
        return opcode;
    }

    void setX87(String name, String iname, String... operands) {
        mnemonic = name;
        intelName = iname;
        for (String o : operands) {
            ops.add(o);
        }
        for (int i = operands.length - 1; i >= 0; i--) {
            intelOps.add(pendingIntel != null ? pendingIntel : IntelSyntax.fromAtt(operands[i]));
        }
        pendingIntel = null;
    }

    /** The AT&T memory operand; its Intel form (with the size keyword) is kept for {@link #setX87}. */
    String x87Memory(int bytes) {
        String att = memory(0);
        pendingIntel = IntelSyntax.sized(pendingIntel, bytes, 0);
        return att;
    }

    // ------------------------------------------------------------------ prefix words

    /** {AT&T prefix words before the mnemonic, AT&T branch-hint suffix, Intel prefix words}. */
    private String[] prefixWords() {
        boolean branch = kind == Kind.CALL || kind == Kind.CALL_INDIRECT || kind == Kind.JUMP
                || kind == Kind.JUMP_INDIRECT || kind == Kind.RET || kind == Kind.JUMP_CONDITIONAL;
        boolean string = entry != null && map == OpcodeTable.MAP_ONE
                && (opcode >= 0xa4 && opcode <= 0xa7 || opcode >= 0xaa && opcode <= 0xaf
                || opcode >= 0x6c && opcode <= 0x6f);
        if (osIdx >= 0 && usesOperandSize()) {
            usedPrefixes |= 1 << osIdx;
        }
        String suffixHint = "";
        StringBuilder sb = new StringBuilder();
        StringBuilder intelWords = new StringBuilder();
        for (int i = 0; i < prefixCount; i++) {
            int p = prefixes[i];
            if ((usedPrefixes & (1 << i)) != 0 && (p & 0xf0) != 0x40) {
                continue;
            }
            String w = null;
            if ((p & 0xf0) == 0x40) {
                if (p == rex && (usedPrefixes & (1 << i)) != 0) {
                    if ((rex & 0xf & ~rexUsed) == 0 && (rex != 0x40 || byteRegSeen)) {
                        continue;
                    }
                    if (vex || evex) {
                        continue;
                    }
                }
                w = Mnemonics.rexName(p);
            } else if (p == 0xf3 || p == 0xf2) {
                if (p == 0xf2 && branch && i == lastIndexOf(0xf2) && !isFarOrInterruptReturn()) {
                    w = "bnd";
                } else if (string) {
                    boolean cmp = opcode == 0xa6 || opcode == 0xa7 || opcode == 0xae || opcode == 0xaf;
                    w = p == 0xf2 || i != lastIndexOf(0xf3) ? (p == 0xf2 ? "repnz" : "repz") : cmp ? "repz" : "rep";
                } else if (i != repIdx) {
                    w = p == 0xf3 ? "repz" : "repnz";
                } else if (isHleCandidate() || p == 0xf3 && isHleStore()) {
                    w = p == 0xf2 ? "xacquire" : "xrelease";
                } else {
                    w = p == 0xf3 ? "repz" : "repnz";
                }
            } else if (p == 0x3e && i == segIdx && (kind == Kind.CALL_INDIRECT || kind == Kind.JUMP_INDIRECT)) {
                w = "notrack";
            } else if ((p == 0x3e || p == 0x2e) && i == segIdx && kind == Kind.JUMP_CONDITIONAL) {
                suffixHint = p == 0x3e ? ",pt" : ",pn"; // Intel syntax keeps the plain ds/cs word
                intelWords.append(Mnemonics.prefixWord(p)).append(' ');
            } else {
                w = Mnemonics.prefixWord(p);
            }
            if (w != null) {
                sb.append(w).append(' ');
                intelWords.append(w).append(' ');
            }
        }
        return new String[] {sb.toString(), suffixHint, intelWords.toString()};
    }

    private int lastIndexOf(int prefix) {
        for (int i = prefixCount - 1; i >= 0; i--) {
            if (prefixes[i] == prefix) {
                return i;
            }
        }
        return -1;
    }

    private boolean isFarOrInterruptReturn() {
        if (map == OpcodeTable.MAP_0F) {
            return opcode == 0x07 || opcode == 0x35; // sysret, sysexit
        }
        return map == OpcodeTable.MAP_ONE && (opcode == 0xca || opcode == 0xcb || opcode == 0xcf
                || opcode >= 0xe0 && opcode <= 0xe3
                || opcode == 0xff && (reg == 3 || reg == 5));
    }

    /** Locked read-modify-write instructions (and xchg with memory) take xacquire/xrelease. */
    private boolean isHleCandidate() {
        if (!hasModrm || mod == 3 || vex || evex) {
            return false;
        }
        if (map == OpcodeTable.MAP_ONE && (opcode == 0x86 || opcode == 0x87)) {
            return true;
        }
        return lockIdx >= 0 && Mnemonics.isLockable(map, opcode, reg);
    }

    /** mov to memory accepts xrelease without lock. */
    private boolean isHleStore() {
        return map == OpcodeTable.MAP_ONE && mod != 3 && hasModrm
                && (opcode == 0x88 || opcode == 0x89 || opcode == 0xc6 || opcode == 0xc7);
    }

    private boolean usesOperandSize() {
        if (entry == null) {
            return false;
        }
        if (entry.has(OpEntry.DEFAULT64)) {
            return osz == 16 && !isShortJump(entry.ops); // 16-bit push/pop/branch forms, 'w' suffix
        }
        if (osz == 64 || (rex & 8) != 0 && !vex && !evex) {
            return false; // REX.W overrides 0x66
        }
        return hasSizedOperand() || entry.name.endsWith("%") || entry.name.endsWith("^");
    }

    private boolean hasSizedOperand() {
        for (int op : entry.ops) {
            int s = Operand.size(op);
            int k = Operand.kind(op);
            if ((s == Operand.SV || s == Operand.SZ) && k != Operand.LITERAL && k != Operand.J) {
                return true;
            }
        }
        return false;
    }
}
