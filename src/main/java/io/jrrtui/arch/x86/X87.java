package io.jrrtui.arch.x86;

/** The x87 escape opcodes D8..DF: memory forms by ModRM.reg, register forms by reg and rm. */
final class X87 {
    private X87() {
    }

    /** Memory-form mnemonics (AT&T, with size suffix) by opcode - 0xD8 and ModRM.reg; null = invalid. */
    private static final String[][] MEM = {
        {"fadds", "fmuls", "fcoms", "fcomps", "fsubs", "fsubrs", "fdivs", "fdivrs"},
        {"flds", null, "fsts", "fstps", "fldenv", "fldcw", "fnstenv", "fnstcw"},
        {"fiaddl", "fimull", "ficoml", "ficompl", "fisubl", "fisubrl", "fidivl", "fidivrl"},
        {"fildl", "fisttpl", "fistl", "fistpl", null, "fldt", null, "fstpt"},
        {"faddl", "fmull", "fcoml", "fcompl", "fsubl", "fsubrl", "fdivl", "fdivrl"},
        {"fldl", "fisttpll", "fstl", "fstpl", "frstor", null, "fnsave", "fnstsw"},
        {"fiadds", "fimuls", "ficoms", "ficomps", "fisubs", "fisubrs", "fidivs", "fidivrs"},
        {"filds", "fisttps", "fists", "fistps", "fbld", "fildll", "fbstp", "fistpll"},
    };

    /**
     * Register forms by opcode - 0xD8 and ModRM.reg: "name form" where form is i (%st(i)),
     * is (%st(i),%st), si (%st,%st(i)); null = see {@link #SPECIAL}.
     */
    private static final String[][] REG = {
        {"fadd is", "fmul is", "fcom i", "fcomp i", "fsub is", "fsubr is", "fdiv is", "fdivr is"},
        {"fld i", "fxch i", null, null, null, null, null, null},
        {"fcmovb is", "fcmove is", "fcmovbe is", "fcmovu is", null, null, null, null},
        {"fcmovnb is", "fcmovne is", "fcmovnbe is", "fcmovnu is", null, "fucomi is", "fcomi is", null},
        {"fadd si", "fmul si", null, null, "fsub si", "fsubr si", "fdiv si", "fdivr si"},
        {"ffree i", null, "fst i", "fstp i", "fucom i", "fucomp i", null, null},
        {"faddp si", "fmulp si", null, null, "fsubp si", "fsubrp si", "fdivp si", "fdivrp si"},
        {"ffreep i", null, null, null, null, "fucomip is", "fcomip is", null},
    };

    /** Operand-less register forms: opcode byte, ModRM byte, name. */
    private static final String[] SPECIAL = {
        "d9d0 fnop", "d9e0 fchs", "d9e1 fabs", "d9e4 ftst", "d9e5 fxam", "d9e8 fld1", "d9e9 fldl2t",
        "d9ea fldl2e", "d9eb fldpi", "d9ec fldlg2", "d9ed fldln2", "d9ee fldz", "d9f0 f2xm1", "d9f1 fyl2x",
        "d9f2 fptan", "d9f3 fpatan", "d9f4 fxtract", "d9f5 fprem1", "d9f6 fdecstp", "d9f7 fincstp",
        "d9f8 fprem", "d9f9 fyl2xp1", "d9fa fsqrt", "d9fb fsincos", "d9fc frndint", "d9fd fscale",
        "d9fe fsin", "d9ff fcos", "dae9 fucompp", "dbe2 fnclex", "dbe3 fninit", "ded9 fcompp",
        "dbe0 fneni(8087 only)", "dbe1 fndisi(8087 only)", "dbe4 fnsetpm(287 only)", "dbe5 frstpm(287 only)",
    };

    private static final String[] SPECIAL_NAMES = new String[8 * 64];

    static {
        for (String s : SPECIAL) {
            int op = Integer.parseInt(s.substring(0, 2), 16) - 0xd8;
            int m = Integer.parseInt(s.substring(2, 4), 16) - 0xc0;
            SPECIAL_NAMES[op * 64 + m] = s.substring(5);
        }
    }

    /** Memory operand sizes (bytes; 0 = none printed) by row and ModRM.reg, for Intel's SIZE PTR. */
    private static final int[][] MEM_BYTES = {
        {4, 4, 4, 4, 4, 4, 4, 4},
        {4, 0, 4, 4, 0, 2, 0, 2},
        {4, 4, 4, 4, 4, 4, 4, 4},
        {4, 4, 4, 4, 0, 10, 0, 10},
        {8, 8, 8, 8, 8, 8, 8, 8},
        {8, 8, 8, 8, 0, 0, 0, 2},
        {2, 2, 2, 2, 2, 2, 2, 2},
        {2, 2, 2, 2, 10, 8, 10, 8},
    };

    /** Intel drops the AT&T size letters (s, l, ll, t) that the SIZE PTR keyword replaces. */
    private static String intelMemoryName(String att, int bytes) {
        if (bytes == 0 || att.equals("fldcw") || att.equals("fnstcw") || att.equals("fnstsw") || att.equals("fbld")
                || att.equals("fbstp")) {
            return att;
        }
        boolean longInt = att.startsWith("fi") && att.endsWith("ll"); // fildll, fistpll, fisttpll
        return att.substring(0, att.length() - (longInt ? 2 : 1));
    }

    private static String toggleReverse(String name) {
        int i = name.indexOf('r', 3);
        return i > 0 ? name.substring(0, i) + name.substring(i + 1) : name.substring(0, 4) + "r" + name.substring(4);
    }

    static void decode(Decoding d) {
        int row = d.opcode() - 0xd8;
        int memReg = d.readModrmForX87();
        if (memReg >= 0) {
            String name = MEM[row][memReg];
            if (name == null) {
                throw EncodingReader.BAD; // undefined x87 form
            }
            int bytes = MEM_BYTES[row][memReg];
            d.setX87(name, intelMemoryName(name, bytes), d.x87Memory(bytes));
            return;
        }
        int reg = d.modrmReg();
        int rm = d.modrmRm();
        if (row == 7 && reg == 4 && rm == 0) {
            d.setX87("fnstsw", "fnstsw", "%ax");
            return;
        }
        String special = SPECIAL_NAMES[row * 64 + reg * 8 + rm];
        if (special != null) {
            d.setX87(special, special);
            return;
        }
        String form = REG[row][reg];
        if (form == null) {
            throw EncodingReader.BAD; // undefined x87 form
        }
        int sp = form.indexOf(' ');
        String name = form.substring(0, sp);
        // AT&T (SysV) swaps fsub/fsubr and fdiv/fdivr in the DC and DE register forms; Intel does not
        String intel = (row == 4 || row == 6) && reg >= 4 ? toggleReverse(name) : name;
        String st = "%st(" + rm + ")";
        switch (form.substring(sp + 1)) {
            case "i": d.setX87(name, intel, st); break;
            case "is": d.setX87(name, intel, st, "%st"); break;
            default: d.setX87(name, intel, "%st", st); break;
        }
    }
}
