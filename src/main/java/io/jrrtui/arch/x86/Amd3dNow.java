package io.jrrtui.arch.x86;

/** AMD 3DNow! (0F 0F modrm imm8): the trailing byte names the operation. */
final class Amd3dNow {
    private Amd3dNow() {
    }

    private static final String[] NAMES = new String[256];

    static {
        String[] pairs = {"0c pi2fw", "0d pi2fd", "1c pf2iw", "1d pf2id", "8a pfnacc", "8e pfpnacc", "90 pfcmpge",
            "94 pfmin", "96 pfrcp", "97 pfrsqrt", "9a pfsub", "9e pfadd", "a0 pfcmpgt", "a4 pfmax", "a6 pfrcpit1",
            "a7 pfrsqit1", "aa pfsubr", "ae pfacc", "b0 pfcmpeq", "b4 pfmul", "b6 pfrcpit2", "b7 pmulhrw",
            "bb pswapd", "bf pavgusb"};
        for (String p : pairs) {
            NAMES[Integer.parseInt(p.substring(0, 2), 16)] = p.substring(3);
        }
    }

    /** The mnemonic for suffix byte {@code b}, or null when undefined. */
    static String name(int b) {
        return NAMES[b & 0xff];
    }
}
