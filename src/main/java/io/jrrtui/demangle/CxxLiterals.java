package io.jrrtui.demangle;

import io.jrrtui.demangle.CxxNodes.Text;

/** {@code L <type> <value> E} and {@code L _Z <encoding> E} template arguments and expressions. */
final class CxxLiterals {
    private CxxLiterals() {
    }

    static CxxNode literal(ItaniumParser p) {
        if (p.peekAt(0) != 'L') {
            throw new BadMangling("expected literal");
        }
        p.advance(1);
        if (p.peekAt(0) == '_' && p.peekAt(1) == 'Z') {
            p.advance(2);
            CxxNode enc = p.parseEncoding();
            expectE(p);
            return enc;
        }
        char t = p.peekAt(0);
        String suffix = CxxBuiltins.literalSuffix(t);
        CxxNode type = p.type();
        String value = digits(p);
        expectE(p);
        if (t == 'b' && (value.equals("0") || value.equals("1"))) {
            return new Text(value.equals("1") ? "true" : "false");
        }
        if (suffix != null) {
            return new Text(value + suffix);
        }
        return new CxxNodes.Prefixed("(", new CxxNodes.Suffixed(type, ")" + value));
    }

    /** The value characters up to {@code E}: decimal with 'n' for minus, or hex for floats. */
    private static String digits(ItaniumParser p) {
        StringBuilder sb = new StringBuilder();
        if (p.peekAt(0) == 'n') {
            sb.append('-');
            p.advance(1);
        }
        int guard = 0;
        while (p.peekAt(0) != 'E') {
            char c = p.peekAt(0);
            if (c == 0 || ++guard > 64 || !Character.isLetterOrDigit(c)) {
                throw new BadMangling("bad literal value");
            }
            sb.append(c);
            p.advance(1);
        }
        return sb.toString();
    }

    private static void expectE(ItaniumParser p) {
        if (p.peekAt(0) != 'E') {
            throw new BadMangling("unterminated literal");
        }
        p.advance(1);
    }
}
