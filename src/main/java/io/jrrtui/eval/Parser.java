package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Recursive-descent parser for C-like expressions with C precedence; errors use gdb's wording. */
final class Parser {
    private static final Set<String> TYPE_WORDS = Set.of("int", "char", "short", "long", "unsigned", "signed",
            "float", "double", "void", "_Bool", "bool", "struct", "union", "enum", "const", "volatile",
            "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize", "isize", "f32", "f64");
    private static final int MAX_DEPTH = 200;

    private final String src;
    private final List<Token> toks;
    private final Predicate<String> isTypedef;
    private int p;
    private int depth;

    private Parser(String src, Predicate<String> isTypedef) {
        this.src = src;
        this.toks = Lexer.lex(src);
        this.isTypedef = isTypedef;
    }

    static Expr parse(String src, Predicate<String> isTypedef) {
        Parser ps = new Parser(src, isTypedef);
        if (ps.peek().kind() == Token.Kind.EOF) throw new JrrException("Argument required (expression to compute).");
        Expr e = ps.comma();
        if (ps.peek().kind() != Token.Kind.EOF) throw ps.syntaxHere();
        return e;
    }

    static JrrException syntax(String src, int pos) {
        return new JrrException("A syntax error in expression, near `" + src.substring(Math.min(pos, src.length())) + "'.");
    }

    private JrrException syntaxHere() { return syntax(src, peek().pos()); }
    private Token peek() { return toks.get(p); }
    private Token peek(int k) { return toks.get(Math.min(p + k, toks.size() - 1)); }
    private Token next() { return toks.get(p < toks.size() - 1 ? p++ : p); }

    private boolean accept(String punct) {
        if (peek().kind() == Token.Kind.PUNCT && peek().text().equals(punct)) { p++; return true; }
        return false;
    }

    private void expect(String punct) {
        if (!accept(punct)) throw syntaxHere();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw new JrrException("Expression too deeply nested.");
    }

    private Expr comma() {
        Expr e = assignment();
        if (peek().is(",") && peek().kind() == Token.Kind.PUNCT) {
            List<Expr> items = new ArrayList<>();
            items.add(e);
            while (accept(",")) items.add(assignment());
            return new Expr.Comma(items);
        }
        return e;
    }

    private Expr assignment() {
        Expr left = conditional();
        if (accept("=")) return new Expr.Assign(left, assignment());
        for (String op : new String[] {"+=", "-=", "*=", "/="}) {
            if (accept(op)) return new Expr.Assign(left, new Expr.Binary(op.substring(0, 1), left, assignment()));
        }
        return left;
    }

    private Expr conditional() {
        Expr c = binary(0);
        if (accept("?")) {
            Expr a = comma();
            expect(":");
            Expr b = conditional();
            return new Expr.Conditional(c, a, b);
        }
        return c;
    }

    /** C's binary operators by precedence, with gdb's artificial-array '@' (arr[2]@3) between shifts and +/-. */
    private static final String[][] LEVELS = {
            {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"}, {"@"}, {"+", "-"}, {"*", "/", "%"}};

    private Expr binary(int level) {
        if (level == LEVELS.length) return unary();
        enter();
        try {
            Expr left = binary(level + 1);
            while (true) {
                String op = null;
                for (String cand : LEVELS[level]) if (peek().kind() == Token.Kind.PUNCT && peek().text().equals(cand)) op = cand;
                if (op == null) return left;
                next();
                Expr right = binary(level + 1);
                left = level <= 1 ? new Expr.Logical(op, left, right) : new Expr.Binary(op, left, right);
            }
        } finally {
            depth--;
        }
    }

    private Expr unary() {
        enter();
        try {
            Token t = peek();
            if (t.kind() == Token.Kind.PUNCT) {
                switch (t.text()) {
                    case "-": case "+": case "!": case "~": case "*": case "&":
                        next();
                        return new Expr.Unary(t.text(), unary());
                    case "(":
                        if (startsType(1)) {
                            next();
                            Expr.TypeName tn = typeName();
                            expect(")");
                            return new Expr.Cast(tn, unary());
                        }
                        break;
                    default:
                        break;
                }
            }
            if (t.kind() == Token.Kind.IDENT && t.text().equals("sizeof")) {
                next();
                if (peek().is("(") && startsType(1)) {
                    next();
                    Expr.TypeName tn = typeName();
                    expect(")");
                    return new Expr.SizeofType(tn);
                }
                return new Expr.SizeofExpr(unary());
            }
            return postfix(primary());
        } finally {
            depth--;
        }
    }

    private boolean startsType(int k) {
        Token t = peek(k);
        if (t.kind() != Token.Kind.IDENT) return false;
        if (TYPE_WORDS.contains(t.text())) return true;
        return isTypedef.test(t.text()) && (peek(k + 1).is(")") || peek(k + 1).is("*"));
    }

    private Expr.TypeName typeName() {
        StringBuilder base = new StringBuilder();
        while (peek().kind() == Token.Kind.IDENT && !peek().text().equals("sizeof")) {
            String w = next().text();
            if (w.equals("const") || w.equals("volatile")) continue;
            if (base.length() > 0) base.append(' ');
            base.append(w);
            if (w.equals("struct") || w.equals("union") || w.equals("enum")) {
                if (peek().kind() != Token.Kind.IDENT) throw syntaxHere();
                base.append(' ').append(next().text());
                break;
            }
            if (!TYPE_WORDS.contains(w)) break;
        }
        if (base.length() == 0) throw syntaxHere();
        int ptr = 0;
        while (true) {
            if (accept("*")) ptr++;
            else if (peek().kind() == Token.Kind.IDENT && (peek().text().equals("const") || peek().text().equals("volatile"))) next();
            else break;
        }
        return new Expr.TypeName(base.toString(), ptr);
    }

    private Expr postfix(Expr e) {
        for (int i = 0; i < 10_000; i++) {
            if (accept("[")) {
                Expr idx = comma();
                expect("]");
                e = new Expr.Index(e, idx);
            } else if (accept("(")) {
                e = new Expr.Call(e, callArguments());
            } else if (accept(".")) {
                e = new Expr.Member(e, ident(), false);
            } else if (accept("->")) {
                e = new Expr.Member(e, ident(), true);
            } else {
                return e;
            }
        }
        throw syntaxHere();
    }

    /** The arguments of a call after its "(", through the ")". */
    private List<Expr> callArguments() {
        List<Expr> args = new ArrayList<>();
        if (accept(")")) return args;
        do {
            args.add(assignment());
        } while (accept(","));
        expect(")");
        return args;
    }

    private String ident() {
        if (peek().kind() != Token.Kind.IDENT) throw syntaxHere();
        return next().text();
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER: return Literals.number(t.text());
            case CHAR: {
                // gdb's 'file.c'::name and 'function'::name: a quoted scope, not a character
                if (peek().is("::") && peek(1).kind() == Token.Kind.IDENT && t.text().length() > 1 && !t.text().startsWith("\\")) {
                    next();
                    return new Expr.Name(t.text() + "::" + next().text());
                }
                byte[] b = Lexer.unescape(t.text());
                if (b.length != 1) throw syntax(src, t.pos());
                return new Expr.CharLit(b[0]);
            }
            case STRING: return new Expr.StringLit(Lexer.unescape(t.text()));
            case DOLLAR: return new Expr.Register(t.text());
            case IDENT: {
                StringBuilder name = new StringBuilder(t.text());
                while (peek().is("::") && peek(1).kind() == Token.Kind.IDENT) {
                    next();
                    name.append("::").append(next().text());
                }
                return new Expr.Name(name.toString());
            }
            case PUNCT:
                if (t.text().equals("(")) {
                    Expr e = comma();
                    expect(")");
                    return e;
                }
                throw syntax(src, t.pos());
            default:
                throw syntax(src, t.pos());
        }
    }
}
