package io.jrrtui.demangle;

import io.jrrtui.demangle.CxxNodes.AbiTagged;
import io.jrrtui.demangle.CxxNodes.ArgPack;
import io.jrrtui.demangle.CxxNodes.ArrayType;
import io.jrrtui.demangle.CxxNodes.FunctionEncoding;
import io.jrrtui.demangle.CxxNodes.FunctionType;
import io.jrrtui.demangle.CxxNodes.Lambda;
import io.jrrtui.demangle.CxxNodes.MemberPointer;
import io.jrrtui.demangle.CxxNodes.Nested;
import io.jrrtui.demangle.CxxNodes.PackExpansion;
import io.jrrtui.demangle.CxxNodes.PointerLike;
import io.jrrtui.demangle.CxxNodes.Prefixed;
import io.jrrtui.demangle.CxxNodes.Qualified;
import io.jrrtui.demangle.CxxNodes.StdAbbreviation;
import io.jrrtui.demangle.CxxNodes.Suffixed;
import io.jrrtui.demangle.CxxNodes.TemplateArgs;
import io.jrrtui.demangle.CxxNodes.TemplateId;
import io.jrrtui.demangle.CxxNodes.TemplateParam;
import io.jrrtui.demangle.CxxNodes.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Itanium C++ ABI mangled names ({@code _Z...}), building a {@link CxxNode}
 * tree printed the way c++filt prints it. Follows the grammar of the Itanium C++ ABI, section 5.1.
 */
final class ItaniumParser {
    private static final int MAX_DEPTH = 256;

    private final String s;
    private final boolean verbose;
    private int pos;
    private int depth;
    private final List<CxxNode> subs = new ArrayList<>();
    /** Last unqualified name outside template arguments: the name a constructor repeats. */
    private CxxNode lastName;

    ItaniumParser(String s, boolean verbose) {
        this.s = s;
        this.verbose = verbose;
    }

    String demangleSymbol() {
        if (!s.startsWith("_Z")) {
            throw new BadMangling("not _Z");
        }
        pos = 2;
        CxxNode node = encoding();
        StringBuilder clones = new StringBuilder();
        while (peek() == '.' && isCloneStart(peek(1))) {
            int start = pos;
            pos += 2;
            while (isLower(peek()) || isDigit(peek()) || peek() == '_') {
                pos++;
            }
            while (peek() == '.' && isDigit(peek(1))) {
                pos += 2;
                while (isDigit(peek())) {
                    pos++;
                }
            }
            clones.append(" [clone ").append(s, start, pos).append("]");
        }
        if (pos != s.length()) {
            throw new BadMangling("trailing characters at " + pos);
        }
        CxxPrinter printer = new CxxPrinter();
        node.print(printer);
        printer.append(clones.toString());
        return printer.out.toString();
    }

    private static boolean isCloneStart(char c) {
        return isLower(c) || isDigit(c) || c == '_';
    }

    // ---- character access ----

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private char peek(int ahead) {
        return pos + ahead < s.length() ? s.charAt(pos + ahead) : 0;
    }

    private boolean eat(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean eat(String prefix) {
        if (s.startsWith(prefix, pos)) {
            pos += prefix.length();
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new BadMangling("expected '" + c + "' at " + pos);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new BadMangling("nesting too deep");
        }
    }

    private long number() {
        boolean negative = eat('n');
        if (!isDigit(peek())) {
            throw new BadMangling("expected number at " + pos);
        }
        long v = 0;
        while (isDigit(peek())) {
            v = v * 10 + (s.charAt(pos++) - '0');
            if (v > Integer.MAX_VALUE) {
                throw new BadMangling("number too large");
            }
        }
        return negative ? -v : v;
    }

    /** {@code [<seq-id>] _}: "_" is 0, "{base36}_" is value + 1. */
    private int seqId() {
        if (eat('_')) {
            return 0;
        }
        long v = 0;
        while (isDigit(peek()) || (peek() >= 'A' && peek() <= 'Z')) {
            char c = s.charAt(pos++);
            v = v * 36 + (isDigit(c) ? c - '0' : c - 'A' + 10);
            if (v > Integer.MAX_VALUE) {
                throw new BadMangling("sequence id too large");
            }
        }
        expect('_');
        return (int) v + 1;
    }

    /** {@code _ <digit>} or {@code __ <number> _}: a discriminator, not printed. */
    private void discriminator() {
        if (peek() == '_' && isDigit(peek(1))) {
            pos += 2;
        } else if (peek() == '_' && peek(1) == '_' && isDigit(peek(2))) {
            pos += 2;
            number();
            expect('_');
        }
    }

    // ---- encodings ----

    private CxxNode encoding() {
        enter();
        try {
            char c = peek();
            if (c == 'T' || (c == 'G' && (peek(1) == 'V' || peek(1) == 'R' || peek(1) == 'T' || peek(1) == 'A'))) {
                return specialName();
            }
            NameInfo info = new NameInfo();
            CxxNode name = name(info);
            if (atEncodingEnd()) {
                return name;
            }
            CxxNode ret = null;
            if (info.isTemplate && !info.isCtorDtorOrConversion) {
                ret = type();
            }
            List<CxxNode> params = bareFunctionTypeParams();
            return new FunctionEncoding(ret, name, params, info.cvRef);
        } finally {
            depth--;
        }
    }

    private boolean atEncodingEnd() {
        char c = peek();
        return c == 0 || c == 'E' || c == '.';
    }

    private List<CxxNode> bareFunctionTypeParams() {
        List<CxxNode> params = new ArrayList<>();
        if (peek() == 'v' && (peek(1) == 0 || peek(1) == 'E' || peek(1) == '.')) {
            pos++;
            return params;
        }
        while (!atEncodingEnd()) {
            params.add(type());
        }
        if (params.isEmpty()) {
            throw new BadMangling("missing parameters");
        }
        return params;
    }

    private CxxNode specialName() {
        if (eat("TV")) {
            return new Prefixed("vtable for ", type());
        }
        if (eat("TT")) {
            return new Prefixed("VTT for ", type());
        }
        if (eat("TI")) {
            return new Prefixed("typeinfo for ", type());
        }
        if (eat("TS")) {
            return new Prefixed("typeinfo name for ", type());
        }
        if (eat("Th")) {
            callOffset('h');
            return new Prefixed("non-virtual thunk to ", encoding());
        }
        if (eat("Tv")) {
            callOffset('v');
            return new Prefixed("virtual thunk to ", encoding());
        }
        if (eat("Tc")) {
            callOffset('\0');
            callOffset('\0');
            return new Prefixed("covariant return thunk to ", encoding());
        }
        if (eat("TC")) {
            CxxNode derived = type();
            number();
            expect('_');
            CxxNode base = type();
            CxxPrinter p = new CxxPrinter();
            String d = p.render(derived);
            return new Prefixed("construction vtable for ", new Suffixed(base, "-in-" + d));
        }
        if (eat("TH")) {
            return new Prefixed("TLS init function for ", name(new NameInfo()));
        }
        if (eat("TW")) {
            return new Prefixed("TLS wrapper function for ", name(new NameInfo()));
        }
        if (eat("GV")) {
            return new Prefixed("guard variable for ", name(new NameInfo()));
        }
        if (eat("GR")) {
            CxxNode n = name(new NameInfo());
            int seq = seqId();
            return new Prefixed("reference temporary #" + seq + " for ", n);
        }
        if (eat("GTt")) {
            return new Prefixed("transaction clone for ", encoding());
        }
        if (eat("GTn")) {
            return new Prefixed("non-transaction clone for ", encoding());
        }
        if (eat("GA")) {
            return new Prefixed("hidden alias for ", encoding());
        }
        throw new BadMangling("unknown special name at " + pos);
    }

    /** {@code h <number> _} or {@code v <number> _ <number> _}; {@code kind} 0 accepts either. */
    private void callOffset(char kind) {
        char k = kind != '\0' ? kind : peek();
        if (kind == '\0' && !eat(k)) {
            throw new BadMangling("bad call offset");
        }
        number();
        expect('_');
        if (k == 'v') {
            number();
            expect('_');
        } else if (k != 'h') {
            throw new BadMangling("bad call offset");
        }
    }

    // ---- names ----

    /** What the encoding needs to know about its name. */
    private static final class NameInfo {
        boolean isTemplate;
        boolean isCtorDtorOrConversion;
        String cvRef = "";
    }

    private CxxNode name(NameInfo info) {
        enter();
        try {
            char c = peek();
            if (c == 'N') {
                return nestedName(info);
            }
            if (c == 'Z') {
                return localName(info);
            }
            CxxNode n;
            if (c == 'S' && peek(1) != 't') {
                n = substitution(false);
                if (peek() != 'I') {
                    throw new BadMangling("substitution used as a name");
                }
            } else {
                boolean std = eat("St");
                n = unqualifiedName(info);
                if (std) {
                    n = new Nested(new Text("std"), n);
                }
                if (peek() == 'I') {
                    subs.add(n);
                }
            }
            if (peek() == 'I') {
                n = new TemplateId(n, templateArgs());
                info.isTemplate = true;
            }
            return n;
        } finally {
            depth--;
        }
    }

    private CxxNode nestedName(NameInfo info) {
        expect('N');
        info.cvRef = cvQualifiers();
        if (eat('R')) {
            info.cvRef += " &";
        } else if (eat('O')) {
            info.cvRef += " &&";
        }
        CxxNode prefix = null;
        boolean lastWasTemplate = false;
        boolean lastPushed = false;
        int guard = 0;
        while (!eat('E')) {
            if (++guard > s.length()) {
                throw new BadMangling("runaway nested name");
            }
            char c = peek();
            CxxNode next;
            boolean pushed = true;
            lastWasTemplate = false;
            if (c == 0) {
                throw new BadMangling("unterminated nested name");
            } else if (c == 'S' && peek(1) == 't' && prefix == null) {
                pos += 2;
                prefix = new Text("std");
                continue;
            } else if (c == 'S') {
                if (prefix != null) {
                    throw new BadMangling("substitution inside nested name");
                }
                next = substitution(true);
                pushed = false;
            } else if (c == 'I') {
                if (prefix == null) {
                    throw new BadMangling("template args without a name");
                }
                next = new TemplateId(prefix, templateArgs());
                lastWasTemplate = true;
                prefix = null;
            } else if (c == 'T') {
                if (prefix != null) {
                    throw new BadMangling("template param inside nested name");
                }
                next = templateParam();
            } else if (c == 'D' && (peek(1) == 't' || peek(1) == 'T')) {
                if (prefix != null) {
                    throw new BadMangling("decltype inside nested name");
                }
                next = type();
                pushed = false;
            } else if (c == 'M') {
                pos++; // closure in a data member initializer: the scope is already the member
                continue;
            } else {
                CxxNode unq = unqualifiedName(info);
                next = prefix == null ? unq : new Nested(prefix, unq);
                prefix = null;
            }
            if (prefix != null) {
                next = new Nested(prefix, next);
            }
            prefix = next;
            if (pushed) {
                subs.add(prefix);
            }
            lastPushed = pushed;
        }
        if (prefix == null) {
            throw new BadMangling("empty nested name");
        }
        if (lastPushed) {
            subs.remove(subs.size() - 1); // the complete name is not a candidate; as a type it is re-added
        }
        info.isTemplate = lastWasTemplate;
        return prefix;
    }

    private CxxNode localName(NameInfo info) {
        expect('Z');
        CxxNode enc = encoding();
        if (enc instanceof FunctionEncoding f && f.ret != null) {
            enc = new FunctionEncoding(null, f.name, f.params, f.cvRef); // c++filt omits it in a scope
        }
        expect('E');
        if (eat('s')) {
            discriminator();
            return new CxxNodes.LocalName(enc, new Text("string literal"));
        }
        if (eat('d')) {
            int n = peek() == '_' ? 0 : (int) number() + 1;
            expect('_');
            CxxNode entity = name(info);
            return new CxxNodes.LocalName(enc, new Prefixed("{default arg#" + (n + 1) + "}::", entity));
        }
        CxxNode entity = name(info);
        discriminator();
        return new CxxNodes.LocalName(enc, entity);
    }

    private CxxNode unqualifiedName(NameInfo info) {
        enter();
        try {
            char c = peek();
            CxxNode n;
            if (isDigit(c)) {
                n = sourceName();
                lastName = n;
            } else if (c == 'C' || (c == 'D' && peek(1) != 'C')) {
                n = ctorDtorName();
                info.isCtorDtorOrConversion = true;
            } else if (c == 'U') {
                n = unnamedTypeName();
            } else if (c == 'L') {
                pos++;
                n = sourceName();
                lastName = n;
                discriminator();
            } else if (c == 'D' && peek(1) == 'C') {
                pos += 2;
                List<String> names = new ArrayList<>();
                while (!eat('E')) {
                    names.add(((Text) sourceName()).text);
                }
                n = new Text("[" + String.join(", ", names) + "]");
            } else if (isLower(c)) {
                n = operatorName(info);
            } else {
                throw new BadMangling("bad unqualified name at " + pos);
            }
            if (peek() == 'B') {
                List<String> tags = new ArrayList<>();
                while (eat('B')) {
                    tags.add(((Text) sourceName()).text);
                }
                n = new AbiTagged(n, tags);
            }
            return n;
        } finally {
            depth--;
        }
    }

    private CxxNode sourceName() {
        long len = number();
        if (len <= 0 || pos + len > s.length()) {
            throw new BadMangling("bad source name length at " + pos);
        }
        String id = s.substring(pos, pos + (int) len);
        pos += (int) len;
        if (id.startsWith("_GLOBAL_") && id.length() > 9
                && (id.charAt(8) == '.' || id.charAt(8) == '_' || id.charAt(8) == '$') && id.charAt(9) == 'N') {
            return new Text("(anonymous namespace)");
        }
        return new Text(id);
    }

    private CxxNode ctorDtorName() {
        if (lastName == null) {
            throw new BadMangling("constructor without a class name");
        }
        String base = lastName instanceof StdAbbreviation sa ? sa.shortName : ((Text) lastName).text;
        if (eat('C')) {
            boolean inheriting = eat('I');
            char k = peek();
            if (k < '1' || k > '5') {
                throw new BadMangling("bad constructor kind");
            }
            pos++;
            if (inheriting) {
                type(); // an inheriting constructor is named after the base class it inherits from
                base = lastName instanceof StdAbbreviation sa ? sa.shortName : ((Text) lastName).text;
            }
            return new Text(base);
        }
        expect('D');
        char k = peek();
        if (k != '0' && k != '1' && k != '2' && k != '4' && k != '5') {
            throw new BadMangling("bad destructor kind");
        }
        pos++;
        return new Text("~" + base);
    }

    private CxxNode unnamedTypeName() {
        if (eat("Ut")) {
            int n = peek() == '_' ? 1 : (int) number() + 2;
            expect('_');
            return new Text("{unnamed type#" + n + "}");
        }
        if (eat("Ul")) {
            List<CxxNode> params = new ArrayList<>();
            if (peek() == 'v' && peek(1) == 'E') {
                pos++;
            } else {
                while (peek() != 'E') {
                    if (peek() == 0) {
                        throw new BadMangling("unterminated lambda");
                    }
                    params.add(type());
                }
            }
            expect('E');
            int n = peek() == '_' ? 1 : (int) number() + 2;
            expect('_');
            return new Lambda(params, n);
        }
        throw new BadMangling("bad unnamed type at " + pos);
    }

    private CxxNode operatorName(NameInfo info) {
        if (eat("cv")) {
            info.isCtorDtorOrConversion = true;
            CxxNode t = typeNoTemplateArgs();
            return new Prefixed("operator ", t);
        }
        if (eat("li")) {
            return new Prefixed("operator\"\" ", sourceName());
        }
        if (peek() == 'v' && isDigit(peek(1))) {
            pos += 2;
            return new Prefixed("operator ", sourceName());
        }
        String code = pos + 2 <= s.length() ? s.substring(pos, pos + 2) : "";
        String op = CxxOperators.name(code);
        if (op == null) {
            throw new BadMangling("unknown operator " + code);
        }
        pos += 2;
        return new Text(Character.isLetter(op.charAt(0)) ? "operator " + op : "operator" + op);
    }

    // ---- substitutions and template arguments ----

    private CxxNode substitution(boolean asPrefix) {
        expect('S');
        char c = peek();
        if (c == '_' || isDigit(c) || (c >= 'A' && c <= 'Z')) {
            int id = seqId();
            if (id >= subs.size()) {
                throw new BadMangling("substitution S" + id + " out of range");
            }
            return subs.get(id);
        }
        pos++;
        boolean full = verbose || (asPrefix && (peek() == 'C' || peek() == 'D'));
        StdAbbreviation sub = switch (c) {
            case 't' -> new StdAbbreviation("std", "std");
            case 'a' -> new StdAbbreviation("std::allocator", "allocator");
            case 'b' -> new StdAbbreviation("std::basic_string", "basic_string");
            case 's' -> new StdAbbreviation(full
                    ? "std::basic_string<char, std::char_traits<char>, std::allocator<char> >"
                    : "std::string", "basic_string");
            case 'i' -> new StdAbbreviation(full ? "std::basic_istream<char, std::char_traits<char> >"
                    : "std::istream", "basic_istream");
            case 'o' -> new StdAbbreviation(full ? "std::basic_ostream<char, std::char_traits<char> >"
                    : "std::ostream", "basic_ostream");
            case 'd' -> new StdAbbreviation(full ? "std::basic_iostream<char, std::char_traits<char> >"
                    : "std::iostream", "basic_iostream");
            default -> throw new BadMangling("unknown substitution S" + c);
        };
        lastName = sub;
        return sub;
    }

    private TemplateArgs templateArgs() {
        expect('I');
        CxxNode savedLast = lastName;
        List<CxxNode> args = new ArrayList<>();
        while (!eat('E')) {
            if (peek() == 0) {
                throw new BadMangling("unterminated template args");
            }
            args.add(templateArg());
        }
        lastName = savedLast;
        return new TemplateArgs(args);
    }

    private CxxNode templateArg() {
        enter();
        try {
            char c = peek();
            if (c == 'L') {
                return CxxLiterals.literal(this);
            }
            if (c == 'X') {
                pos++;
                CxxNode e = CxxExpressions.expression(this);
                expect('E');
                return e;
            }
            if (c == 'J') {
                pos++;
                List<CxxNode> elems = new ArrayList<>();
                while (!eat('E')) {
                    if (peek() == 0) {
                        throw new BadMangling("unterminated pack");
                    }
                    elems.add(templateArg());
                }
                return new ArgPack(elems);
            }
            return type();
        } finally {
            depth--;
        }
    }

    CxxNode templateParam() {
        expect('T');
        int index = peek() == '_' ? 0 : (int) number() + 1;
        expect('_');
        return new TemplateParam(index); // resolved when printed, in the context it is printed in
    }

    // ---- types ----

    private CxxNode typeNoTemplateArgs() {
        if (peek() == 'T') {
            CxxNode t = templateParam();
            subs.add(t);
            return t;
        }
        return type();
    }

    CxxNode type() {
        enter();
        try {
            return typeBody();
        } finally {
            depth--;
        }
    }

    private CxxNode typeBody() {
        char c = peek();
        String builtin = CxxBuiltins.single(c);
        if (builtin != null) {
            pos++;
            return new Text(builtin);
        }
        switch (c) {
            case 'u': {
                pos++;
                CxxNode t = sourceName();
                subs.add(t);
                return t;
            }
            case 'r':
            case 'V':
            case 'K': {
                String q = cvQualifiers();
                CxxNode inner = type();
                CxxNode t = inner instanceof FunctionType f ? f.withQualifiers(q) : new Qualified(inner, q);
                subs.add(t);
                return t;
            }
            case 'P':
            case 'R':
            case 'O': {
                pos++;
                CxxNode t = new PointerLike(type(), c == 'P' ? "*" : c == 'R' ? "&" : "&&");
                subs.add(t);
                return t;
            }
            case 'C':
            case 'G': {
                pos++;
                CxxNode t = new Suffixed(type(), c == 'C' ? " _Complex" : " _Imaginary");
                subs.add(t);
                return t;
            }
            case 'F': {
                CxxNode t = functionType();
                subs.add(t);
                return t;
            }
            case 'A': {
                CxxNode t = arrayType();
                subs.add(t);
                return t;
            }
            case 'M': {
                pos++;
                CxxNode cls = type();
                CxxNode member = type();
                CxxNode t = new MemberPointer(cls, member);
                subs.add(t);
                return t;
            }
            case 'T': {
                if (peek(1) == 's' || peek(1) == 'u' || peek(1) == 'e') {
                    pos += 2; // elaborated type specifier: printed as the bare name
                    CxxNode t = name(new NameInfo());
                    subs.add(t);
                    return t;
                }
                CxxNode t = templateParam();
                subs.add(t);
                if (peek() == 'I') {
                    t = new TemplateId(t, templateArgs());
                    subs.add(t);
                }
                return t;
            }
            case 'S': {
                if (peek(1) == 't') {
                    CxxNode t = name(new NameInfo());
                    subs.add(t);
                    return t;
                }
                CxxNode t = substitution(false);
                if (peek() == 'I') {
                    t = new TemplateId(t, templateArgs());
                    subs.add(t);
                }
                return t;
            }
            case 'D':
                return dType();
            case 'U': {
                pos++;
                CxxNode qual = sourceName();
                String q = ((Text) qual).text;
                if (peek() == 'I') {
                    CxxPrinter p = new CxxPrinter();
                    q += p.render(templateArgs());
                }
                CxxNode t = new Suffixed(type(), " " + q);
                subs.add(t);
                return t;
            }
            default:
                if (isDigit(c) || c == 'N' || c == 'Z') {
                    CxxNode t = name(new NameInfo());
                    subs.add(t);
                    return t;
                }
                throw new BadMangling("unknown type at " + pos);
        }
    }

    private CxxNode dType() {
        char d = peek(1);
        String builtin = CxxBuiltins.afterD(d);
        if (builtin != null) {
            pos += 2;
            return new Text(builtin);
        }
        switch (d) {
            case 'F': {
                pos += 2;
                long bits = number();
                boolean extended = eat('x');
                expect('_');
                return new Text("_Float" + bits + (extended ? "x" : ""));
            }
            case 'p': {
                pos += 2;
                CxxNode t = new PackExpansion(type());
                subs.add(t);
                return t;
            }
            case 't':
            case 'T': {
                pos += 2;
                CxxNode e = CxxExpressions.expression(this);
                expect('E');
                CxxNode t = new Prefixed("decltype (", new Suffixed(e, ")"));
                subs.add(t);
                return t;
            }
            case 'v': {
                pos += 2;
                String dim;
                if (isDigit(peek())) {
                    dim = Long.toString(number());
                } else {
                    expect('_');
                    dim = new CxxPrinter().render(CxxExpressions.expression(this));
                }
                expect('_');
                CxxNode t = new Suffixed(type(), " __vector(" + dim + ")");
                subs.add(t);
                return t;
            }
            case 'B':
            case 'U': {
                pos += 2;
                long bits = number();
                expect('_');
                return new Text((d == 'U' ? "unsigned " : "") + "_BitInt(" + bits + ")");
            }
            default:
                throw new BadMangling("unknown D type at " + pos);
        }
    }

    private CxxNode functionType() {
        expect('F');
        eat('Y');
        CxxNode ret = type();
        List<CxxNode> params = new ArrayList<>();
        String ref = "";
        while (!eat('E')) {
            if (peek() == 0) {
                throw new BadMangling("unterminated function type");
            }
            if (peek() == 'R' && peek(1) == 'E') {
                pos++;
                ref = " &";
                continue;
            }
            if (peek() == 'O' && peek(1) == 'E') {
                pos++;
                ref = " &&";
                continue;
            }
            if (peek() == 'v' && peek(1) == 'E' && params.isEmpty()) {
                pos++;
                continue;
            }
            params.add(type());
        }
        return new FunctionType(ret, params, ref);
    }

    private CxxNode arrayType() {
        expect('A');
        CxxNode dim = null;
        if (isDigit(peek())) {
            dim = new Text(Long.toString(number()));
        } else if (peek() != '_') {
            dim = CxxExpressions.expression(this);
        }
        expect('_');
        return new ArrayType(type(), dim);
    }

    private String cvQualifiers() {
        boolean r = eat('r');
        boolean v = eat('V');
        boolean k = eat('K');
        return (k ? " const" : "") + (v ? " volatile" : "") + (r ? " restrict" : "");
    }

    // ---- access for the literal and expression helpers ----

    int position() {
        return pos;
    }

    String input() {
        return s;
    }

    void advance(int n) {
        pos += n;
    }

    char peekAt(int ahead) {
        return peek(ahead);
    }

    long parseNumber() {
        return number();
    }

    CxxNode parseEncoding() {
        return encoding();
    }

    CxxNode parseSourceName() {
        return sourceName();
    }

    CxxNode parseName() {
        return name(new NameInfo());
    }

    CxxNode parseTemplateArgs(CxxNode name) {
        return new TemplateId(name, templateArgs());
    }

    void enterDepth() {
        enter();
    }

    void leaveDepth() {
        depth--;
    }
}
