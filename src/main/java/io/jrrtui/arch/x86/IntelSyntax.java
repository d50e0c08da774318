package io.jrrtui.arch.x86;

import java.util.Map;

/** Intel-syntax spelling (as {@code objdump -M intel} prints it) of the pieces the decoder produces. */
final class IntelSyntax {
    private IntelSyntax() {
    }

    /** AT&T mnemonics whose Intel names differ beyond the size suffix. */
    private static final Map<String, String> RENAMES = Map.ofEntries(
            Map.entry("cwtl", "cwde"), Map.entry("cltq", "cdqe"), Map.entry("cltd", "cdq"),
            Map.entry("cqto", "cqo"), Map.entry("cbtw", "cbw"), Map.entry("cwtd", "cwd"),
            Map.entry("movslq", "movsxd"), Map.entry("lret", "retf"), Map.entry("lretq", "retfq"),
            Map.entry("sysretl", "sysretd"), Map.entry("sysexitl", "sysexitd"));

    static String rename(String attName) {
        return RENAMES.getOrDefault(attName, attName);
    }

    /** Register, immediate, branch target or decoration: the AT&T text without % and $. */
    static String fromAtt(String att) {
        if (att.equals("(%dx)")) {
            return "dx";
        }
        if (att.equals("%ds:(%rbx)")) {
            return "BYTE PTR ds:[rbx]"; // xlat
        }
        String s = att.startsWith("$") ? att.substring(1) : att;
        return s.indexOf('%') < 0 ? s : s.replace("%", "");
    }

    /** The size keyword for a memory operand of {@code bytes}, or null when objdump prints none. */
    static String ptr(int bytes) {
        switch (bytes) {
            case 1: return "BYTE";
            case 2: return "WORD";
            case 4: return "DWORD";
            case 8: return "QWORD";
            case 10: return "TBYTE";
            case 16: return "XMMWORD";
            case 32: return "YMMWORD";
            case 64: return "ZMMWORD";
            case Operand.SP: return "FWORD";
            default: return null;
        }
    }

    /** Prepends {@code SIZE PTR } (or {@code SIZE BCST } for an EVEX broadcast element). */
    static String sized(String address, int bytes, int broadcastElement) {
        if (broadcastElement > 0) {
            // a scalar operand cannot broadcast: objdump marks the field {bad}
            return bytes <= broadcastElement ? address + "{bad}" : ptr(broadcastElement) + " BCST " + address;
        }
        String p = ptr(bytes);
        return p == null ? address : p + " PTR " + address;
    }

    /** {@code [base+index*scale+disp]}; any part may be absent (null base/index, no displacement). */
    static String address(String seg, String base, String index, int scale, long disp, boolean hasDisp) {
        StringBuilder sb = new StringBuilder(24);
        if (seg != null) {
            sb.append(seg).append(':');
        }
        sb.append('[');
        if (base != null) {
            sb.append(base);
        }
        if (index != null) {
            if (base != null) {
                sb.append('+');
            }
            sb.append(index).append('*').append(1 << scale);
        }
        if (hasDisp) {
            sb.append(disp < 0 ? "-0x" : "+0x").append(Long.toHexString(Math.abs(disp)));
        }
        return sb.append(']').toString();
    }
}
