package io.jrrtui.demangle;

/**
 * Rust v0 mangling ({@code _R...}, RFC 2603): paths, generic arguments, types, constants and
 * backreferences. Verbose output (c++filt's) keeps crate disambiguators and constant types; the short
 * form drops them like rustc-demangle's alternate form.
 */
final class RustV0Demangler {
    private static final int MAX_DEPTH = 200;
    private static final int MAX_OUTPUT = 1 << 16;

    private final String s;
    private final int end;
    private final boolean verbose;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int depth;
    /** While positive, parsing continues but nothing is printed (impl paths, instantiating crate). */
    private int suppressed;
    /** Number of lifetimes bound by enclosing {@code for<...>} binders. */
    private int boundLifetimes;

    RustV0Demangler(String sym, boolean verbose) {
        this.s = sym;
        int dot = sym.indexOf('.');
        this.end = dot < 0 ? sym.length() : dot; // ".llvm.123" style suffixes are not part of the name
        this.verbose = verbose;
    }

    String demangle() {
        pos = 2;
        if (pos < end && Character.isDigit(s.charAt(pos))) {
            throw new BadMangling("unsupported v0 encoding version");
        }
        for (int i = 2; i < end; i++) {
            char c = s.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '_') {
                throw new BadMangling("bad character in v0 symbol");
            }
        }
        path(true);
        if (pos < end) {
            suppressed++;
            path(false); // instantiating crate
            suppressed--;
        }
        if (pos != end) {
            throw new BadMangling("trailing characters");
        }
        return out.toString();
    }

    // ---- low level ----

    private char peek() {
        return pos < end ? s.charAt(pos) : 0;
    }

    private boolean eat(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char next() {
        if (pos >= end) {
            throw new BadMangling("unexpected end");
        }
        return s.charAt(pos++);
    }

    private void print(String text) {
        if (suppressed == 0) {
            out.append(text);
            if (out.length() > MAX_OUTPUT) {
                throw new BadMangling("output too long");
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new BadMangling("nesting too deep");
        }
    }

    /** {@code _} is 0; {@code <base62 digits>_} is value + 1, modulo 2^64 (callers range-check). */
    private long base62() {
        if (eat('_')) {
            return 0;
        }
        long v = 0;
        while (true) {
            char c = next();
            if (c == '_') {
                return v + 1;
            }
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'z') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'Z') {
                d = c - 'A' + 36;
            } else {
                throw new BadMangling("bad base-62 digit");
            }
            v = v * 62 + d; // wraps like the reference demanglers: crate hashes use all 64 bits
        }
    }

    private long disambiguator() {
        return eat('s') ? base62() + 1 : 0;
    }

    private long decimal() {
        char c = peek();
        if (c < '0' || c > '9') {
            throw new BadMangling("expected decimal");
        }
        if (c == '0') {
            pos++;
            return 0;
        }
        long v = 0;
        while (peek() >= '0' && peek() <= '9') {
            v = v * 10 + (next() - '0');
            if (v > end) {
                throw new BadMangling("length too large");
            }
        }
        return v;
    }

    private String identifier() {
        if (eat('u')) {
            throw new BadMangling("punycode identifiers are not supported");
        }
        long len = decimal();
        eat('_');
        if (pos + len > end) {
            throw new BadMangling("identifier past end");
        }
        String id = s.substring(pos, pos + (int) len);
        pos += (int) len;
        return id;
    }

    /** Runs {@code body} at the position a {@code B<n>} backreference names, then comes back. */
    private void backref(Runnable body) {
        int start = pos - 1;
        long target = base62() + 2;
        if (target < 2 || target >= start) {
            throw new BadMangling("backreference does not point backwards");
        }
        if (suppressed > 0) {
            return; // nothing to print: like c++filt, do not even look at the target
        }
        int saved = pos;
        pos = (int) target;
        body.run();
        pos = saved;
    }

    // ---- paths ----

    private void path(boolean inValue) {
        enter();
        try {
            pathBody(inValue);
        } finally {
            depth--;
        }
    }

    private void pathBody(boolean inValue) {
        char tag = next();
        switch (tag) {
            case 'C': {
                long dis = disambiguator();
                print(identifier());
                if (verbose) {
                    print("[" + Long.toHexString(dis) + "]");
                }
                break;
            }
            case 'N': {
                char ns = next();
                if (!Character.isLetter(ns)) {
                    throw new BadMangling("bad namespace");
                }
                path(inValue);
                long dis = disambiguator();
                String name = identifier();
                if (Character.isUpperCase(ns)) {
                    print("::{" + (ns == 'C' ? "closure" : ns == 'S' ? "shim" : String.valueOf(ns)));
                    if (!name.isEmpty()) {
                        print(":" + name);
                    }
                    print("#" + dis + "}");
                } else if (!name.isEmpty()) {
                    print("::" + name);
                }
                break;
            }
            case 'M':
            case 'X': {
                disambiguator();
                suppressed++;
                path(false);
                suppressed--;
                print("<");
                type();
                if (tag == 'X') {
                    print(" as ");
                    path(false);
                }
                print(">");
                break;
            }
            case 'Y':
                print("<");
                type();
                print(" as ");
                path(false);
                print(">");
                break;
            case 'I':
                path(inValue);
                if (inValue) {
                    print("::");
                }
                print("<");
                genericArgsUntilE();
                print(">");
                break;
            case 'B':
                backref(() -> path(inValue));
                break;
            default:
                throw new BadMangling("bad path tag " + tag);
        }
    }

    private void genericArgsUntilE() {
        for (int i = 0; !eat('E'); i++) {
            if (i > 0) {
                print(", ");
            }
            genericArg();
        }
    }

    private void genericArg() {
        if (eat('L')) {
            lifetime(base62());
        } else if (eat('K')) {
            constant();
        } else {
            type();
        }
    }

    private void lifetime(long index) {
        if (index == 0) {
            print("'_");
            return;
        }
        long d = boundLifetimes - index;
        if (index < 0 || d < 0) {
            throw new BadMangling("unbound lifetime");
        }
        print(d < 26 ? "'" + (char) ('a' + d) : "'_" + d);
    }

    /** {@code G<n>}: prints {@code for<'a, ...> } and returns how many lifetimes it bound. */
    private long binder() {
        if (!eat('G')) {
            return 0;
        }
        long count = base62() + 1;
        if (count < 0 || count > 1000) {
            throw new BadMangling("too many bound lifetimes");
        }
        print("for<");
        for (long i = 0; i < count; i++) {
            if (i > 0) {
                print(", ");
            }
            boundLifetimes++;
            lifetime(1);
        }
        print("> ");
        return count;
    }

    // ---- types ----

    private void type() {
        enter();
        try {
            typeBody();
        } finally {
            depth--;
        }
    }

    private void typeBody() {
        char tag = peek();
        String basic = basicType(tag);
        if (basic != null) {
            pos++;
            print(basic);
            return;
        }
        switch (tag) {
            case 'R':
            case 'Q': {
                pos++;
                print("&");
                if (eat('L')) {
                    long lt = base62();
                    if (lt != 0) {
                        lifetime(lt);
                        print(" ");
                    }
                }
                if (tag == 'Q') {
                    print("mut ");
                }
                type();
                return;
            }
            case 'P':
            case 'O':
                pos++;
                print(tag == 'P' ? "*const " : "*mut ");
                type();
                return;
            case 'A':
            case 'S':
                pos++;
                print("[");
                type();
                if (tag == 'A') {
                    print("; ");
                    constant();
                }
                print("]");
                return;
            case 'T': {
                pos++;
                print("(");
                int n = 0;
                while (!eat('E')) {
                    if (n++ > 0) {
                        print(", ");
                    }
                    type();
                }
                if (n == 1) {
                    print(",");
                }
                print(")");
                return;
            }
            case 'F':
                pos++;
                fnSig();
                return;
            case 'D':
                pos++;
                dynBounds();
                return;
            case 'B':
                pos++;
                backref(this::type);
                return;
            default:
                path(false);
        }
    }

    private static String basicType(char c) {
        return switch (c) {
            case 'a' -> "i8";
            case 'b' -> "bool";
            case 'c' -> "char";
            case 'd' -> "f64";
            case 'e' -> "str";
            case 'f' -> "f32";
            case 'h' -> "u8";
            case 'i' -> "isize";
            case 'j' -> "usize";
            case 'l' -> "i32";
            case 'm' -> "u32";
            case 'n' -> "i128";
            case 'o' -> "u128";
            case 's' -> "i16";
            case 't' -> "u16";
            case 'u' -> "()";
            case 'v' -> "...";
            case 'x' -> "i64";
            case 'y' -> "u64";
            case 'z' -> "!";
            case 'p' -> "_";
            default -> null;
        };
    }

    private void fnSig() {
        long bound = binder();
        if (eat('U')) {
            print("unsafe ");
        }
        if (eat('K')) {
            String abi = eat('C') ? "C" : identifier().replace('_', '-');
            print("extern \"" + abi + "\" ");
        }
        print("fn(");
        for (int i = 0; !eat('E'); i++) {
            if (i > 0) {
                print(", ");
            }
            type();
        }
        print(")");
        if (eat('u')) {
            boundLifetimes -= bound;
            return;
        }
        print(" -> ");
        type();
        boundLifetimes -= bound;
    }

    private void dynBounds() {
        print("dyn ");
        long bound = binder();
        for (int i = 0; !eat('E'); i++) {
            if (i > 0) {
                print(" + ");
            }
            dynTrait();
        }
        boundLifetimes -= bound;
        if (!eat('L')) {
            throw new BadMangling("dyn without lifetime");
        }
        long lt = base62();
        if (lt != 0) {
            print(" + ");
            lifetime(lt);
        }
    }

    private void dynTrait() {
        boolean open = pathMaybeOpenGenerics();
        while (eat('p')) {
            print(open ? ", " : "<");
            open = true;
            print(identifier() + " = ");
            type();
        }
        if (open) {
            print(">");
        }
    }

    /** Prints a trait path; for generic paths leaves the {@code <} list open and returns true. */
    private boolean pathMaybeOpenGenerics() {
        if (eat('B')) {
            boolean[] open = new boolean[1];
            backref(() -> open[0] = pathMaybeOpenGenerics());
            return open[0];
        }
        if (eat('I')) {
            path(false);
            print("<");
            for (int i = 0; !eat('E'); i++) {
                if (i > 0) {
                    print(", ");
                }
                genericArg();
            }
            return true;
        }
        path(false);
        return false;
    }

    // ---- constants ----

    private void constant() {
        enter();
        try {
            constantBody();
        } finally {
            depth--;
        }
    }

    private void constantBody() {
        if (eat('B')) {
            backref(this::constant);
            return;
        }
        char ty = next();
        switch (ty) {
            case 'p':
                print("_");
                return;
            case 'h': case 't': case 'm': case 'y': case 'o': case 'j':
                print(integer(false));
                break;
            case 'a': case 's': case 'l': case 'x': case 'n': case 'i':
                print(integer(true));
                break;
            case 'b': {
                String v = hexDigits();
                if (!v.equals("0") && !v.equals("1")) {
                    throw new BadMangling("bad bool constant");
                }
                print(v.equals("1") ? "true" : "false");
                break;
            }
            case 'c': {
                String v = hexDigits();
                if (v.length() > 6) {
                    throw new BadMangling("bad char constant");
                }
                int cp = Integer.parseInt(v, 16);
                if (!Character.isValidCodePoint(cp)) {
                    throw new BadMangling("bad char constant");
                }
                print(quoteChar(cp));
                break;
            }
            default:
                throw new BadMangling("unsupported constant type " + ty);
        }
        if (verbose) {
            print(": " + basicType(ty));
        }
    }

    private String integer(boolean signed) {
        boolean negative = signed && eat('n');
        String hex = hexDigits();
        String value = hex.length() > 16 ? "0x" + hex : Long.toUnsignedString(Long.parseUnsignedLong(hex, 16));
        return negative ? "-" + value : value;
    }

    private String hexDigits() {
        int start = pos;
        while (peek() != '_') {
            char c = next();
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                throw new BadMangling("bad hex digit");
            }
        }
        String hex = s.substring(start, pos);
        pos++;
        return hex.isEmpty() ? "0" : hex;
    }

    private static String quoteChar(int cp) {
        return switch (cp) {
            case '\t' -> "'\\t'";
            case '\r' -> "'\\r'";
            case '\n' -> "'\\n'";
            case '\\' -> "'\\\\'";
            case '\'' -> "'\\''";
            default -> cp >= 0x20 && cp < 0x7f ? "'" + (char) cp + "'" : "'\\u{" + Integer.toHexString(cp) + "}'";
        };
    }
}
