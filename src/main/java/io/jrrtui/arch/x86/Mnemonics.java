package io.jrrtui.arch.x86;

import java.util.Set;
import java.util.regex.Pattern;

/** Mnemonic spelling rules shared by the decoder: size suffixes, predicates, prefix words. */
final class Mnemonics {
    private Mnemonics() {
    }

    static final Set<String> K_SIZED = Set.of("kmov", "kortest", "ktest", "kand",
            "kandn", "knot", "kor", "kxnor", "kxor", "kadd", "kunpck");
    static final String[] XOP_PRED = {"lt", "le", "gt", "ge", "eq", "neq", "false", "true"};

    static final Pattern WIDENING =
            Pattern.compile("v?cvtt?(ps|u?dq)2u?(pd|qq)");
    static final String[] ROUNDING = {"{rn-sae}", "{rd-sae}", "{ru-sae}", "{rz-sae}"};
    static final String[] ROUNDING_BAD = {"{rn-bad}", "{rd-bad}", "{ru-bad}", "{rz-bad}"};

    static final String[] CMP_PRED = {"eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord",
        "eq_uq", "nge", "ngt", "false", "neq_oq", "ge", "gt", "true", "eq_os", "lt_oq", "le_oq", "unord_s",
        "neq_us", "nlt_uq", "nle_uq", "ord_s", "eq_us", "nge_uq", "ngt_uq", "false_os", "neq_os", "ge_oq",
        "gt_oq", "true_us"};
    static final String[] PCMP_PRED = {"eq", "lt", "le", "false", "neq", "nlt", "nle", "true"};

    static char suffixChar(int bytes) {
        switch (bytes) {
            case 1: return 'b';
            case 2: return 'w';
            case 8: return 'q';
            default: return 'l';
        }
    }

    static String prefixWord(int p) {
        switch (p) {
            case 0xf0: return "lock";
            case 0xf2: return "repnz";
            case 0xf3: return "repz";
            case 0x66: return "data16";
            case 0x67: return "addr32";
            case 0x64: return "fs";
            case 0x65: return "gs";
            default: return SEG_NAME[(p >> 3) & 3];
        }
    }

    static final String[] SEG_NAME = {"es", "cs", "ss", "ds"};

    static String rexName(int p) {
        if (p == 0x40) {
            return "rex";
        }
        StringBuilder sb = new StringBuilder("rex.");
        if ((p & 8) != 0) {
            sb.append('W');
        }
        if ((p & 4) != 0) {
            sb.append('R');
        }
        if ((p & 2) != 0) {
            sb.append('X');
        }
        if ((p & 1) != 0) {
            sb.append('B');
        }
        return sb.toString();
    }

    /** k-register instruction size suffix from pp and W, or null for an undefined combination. */
    static String kSuffix(String name, int opcode, int pp, boolean w) {
        if (w && pp == 1 && name.equals("kunpck") || w && (opcode == 0x92 || opcode == 0x93) && pp != 3) {
            return null;
        }
        if (name.equals("kunpck")) {
            return pp == 1 ? "bw" : w ? "dq" : "wd";
        }
        if (opcode == 0x92 || opcode == 0x93) {
            if (pp == 3) {
                return w ? "q" : "d";
            }
            return pp == 1 ? "b" : "w";
        }
        if (pp == 1) {
            return w ? "d" : "b";
        }
        return w ? "q" : "w";
    }

    /** Read-modify-write instructions that accept a lock prefix (reg = ModRM.reg). */
    static boolean isLockable(int map, int opcode, int reg) {
        if (map == OpcodeTable.MAP_ONE) {
            if (opcode < 0x38 && (opcode & 7) <= 1) {
                return true; // add/or/adc/sbb/and/sub/xor to memory
            }
            switch (opcode) {
                case 0x80: case 0x81: case 0x83: return reg != 7;
                case 0xf6: case 0xf7: return reg == 2 || reg == 3;
                case 0xfe: case 0xff: return reg <= 1;
                default: return false;
            }
        }
        switch (opcode) {
            case 0xab: case 0xb3: case 0xbb: case 0xb0: case 0xb1: case 0xc0: case 0xc1: return map == OpcodeTable.MAP_0F;
            case 0xba: return map == OpcodeTable.MAP_0F && reg >= 5;
            case 0xc7: return map == OpcodeTable.MAP_0F && reg == 1;
            default: return false;
        }
    }
}
