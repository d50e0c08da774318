package io.jrrtui.demangle;

import io.jrrtui.demangle.CxxNodes.Nested;
import io.jrrtui.demangle.CxxNodes.Prefixed;
import io.jrrtui.demangle.CxxNodes.Suffixed;
import io.jrrtui.demangle.CxxNodes.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Itanium expressions that shows up in symbol names of ordinary programs (template
 * parameters, literals, function parameters, unresolved names, sizeof, calls, operators), printed with
 * c++filt's parentheses: every operand except a plain or qualified name or a function parameter is
 * parenthesized. Anything else is reported as malformed rather than guessed.
 */
final class CxxExpressions {
    private CxxExpressions() {
    }

    /** An operand c++filt prints without parentheses. */
    static final class SimpleName extends CxxNode {
        final CxxNode name;

        SimpleName(CxxNode name) {
            this.name = name;
        }

        @Override
        void printLeft(CxxPrinter p) {
            name.print(p);
        }
    }

    static CxxNode expression(ItaniumParser p) {
        p.enterDepth();
        try {
            return body(p);
        } finally {
            p.leaveDepth();
        }
    }

    /** {@code e} as an operand: in parentheses unless it is a simple name. */
    private static String operand(CxxNode e) {
        String text = new CxxPrinter().render(e);
        return e instanceof SimpleName ? text : "(" + text + ")";
    }

    private static CxxNode body(ItaniumParser p) {
        char c = p.peekAt(0);
        char c1 = p.peekAt(1);
        if (c == 'T') {
            return p.templateParam();
        }
        if (c == 'L') {
            return CxxLiterals.literal(p);
        }
        if (c >= '0' && c <= '9') {
            CxxNode id = simpleId(p);
            return id instanceof CxxNodes.TemplateId ? id : new SimpleName(id);
        }
        if (c == 'f' && c1 == 'p') {
            p.advance(2);
            while (p.peekAt(0) == 'r' || p.peekAt(0) == 'V' || p.peekAt(0) == 'K') {
                p.advance(1);
            }
            long n = p.peekAt(0) == '_' ? 1 : p.parseNumber() + 2;
            expect(p, '_');
            return new SimpleName(new Text("{parm#" + n + "}"));
        }
        if (c == 's' && c1 == 'r') {
            p.advance(2);
            Nested name = unresolvedName(p);
            // c++filt parenthesizes a qualified name ending in template arguments
            return name.name instanceof CxxNodes.TemplateId ? name : new SimpleName(name);
        }
        if (c == 's' && c1 == 'p') {
            p.advance(2);
            return new CxxNodes.PackExpansion(expression(p));
        }
        if (c == 's' && c1 == 't') {
            p.advance(2);
            return new Prefixed("sizeof (", new Suffixed(p.type(), ")"));
        }
        if (c == 's' && c1 == 'Z') {
            p.advance(2);
            return new Prefixed("sizeof...(", new Suffixed(expression(p), ")"));
        }
        if (c == 'c' && c1 == 'l') {
            p.advance(2);
            CxxNode callee = expression(p);
            List<CxxNode> args = new ArrayList<>();
            while (p.peekAt(0) != 'E') {
                if (p.peekAt(0) == 0) {
                    throw new BadMangling("unterminated call");
                }
                args.add(expression(p));
            }
            p.advance(1);
            CxxPrinter pr = new CxxPrinter();
            CxxNode.printList(pr, args);
            return new Text(operand(callee) + "(" + pr.out + ")");
        }
        String code = "" + c + c1;
        int arity = CxxOperators.arity(code);
        String op = CxxOperators.name(code);
        if (op == null || arity == 0 || arity > 2 || code.equals("nw") || code.equals("na")) {
            throw new BadMangling("unsupported expression " + code);
        }
        p.advance(2);
        if (arity == 1) {
            return new Text(op + operand(expression(p)));
        }
        String left = operand(expression(p));
        String right = operand(expression(p));
        String text = left + op + right;
        return new Text(code.equals("gt") ? "(" + text + ")" : text); // keep '>' from closing a template
    }

    /** {@code <source-name> [<template-args>]}. */
    private static CxxNode simpleId(ItaniumParser p) {
        CxxNode name = p.parseSourceName();
        return p.peekAt(0) == 'I' ? p.parseTemplateArgs(name) : name;
    }

    /**
     * After {@code sr}: {@code N <type> <level>+ E <base>}, {@code <level>+ E <base>} or
     * {@code <type> <base>}; printed as a qualified name.
     */
    private static Nested unresolvedName(ItaniumParser p) {
        CxxNode scope;
        boolean levels;
        if (p.peekAt(0) == 'N') {
            p.advance(1);
            scope = unresolvedType(p);
            levels = true;
        } else if (p.peekAt(0) >= '0' && p.peekAt(0) <= '9') {
            scope = simpleId(p);
            levels = true;
        } else {
            scope = unresolvedType(p);
            levels = false;
        }
        if (levels) {
            int guard = 0;
            while (p.peekAt(0) != 'E') {
                if (p.peekAt(0) == 0 || ++guard > 1000) {
                    throw new BadMangling("unterminated unresolved name");
                }
                scope = new Nested(scope, simpleId(p));
            }
            p.advance(1);
        }
        return new Nested(scope, baseUnresolvedName(p));
    }

    private static CxxNode unresolvedType(ItaniumParser p) {
        CxxNode t = p.type();
        return p.peekAt(0) == 'I' ? p.parseTemplateArgs(t) : t;
    }

    private static CxxNode baseUnresolvedName(ItaniumParser p) {
        if (p.peekAt(0) == 'o' && p.peekAt(1) == 'n') {
            p.advance(2);
            String op = CxxOperators.name("" + p.peekAt(0) + p.peekAt(1));
            if (op == null) {
                throw new BadMangling("bad operator in unresolved name");
            }
            p.advance(2);
            CxxNode n = new Text("operator" + op);
            return p.peekAt(0) == 'I' ? p.parseTemplateArgs(n) : n;
        }
        if (p.peekAt(0) == 'd' && p.peekAt(1) == 'n') {
            p.advance(2);
            return new Prefixed("~", simpleId(p));
        }
        return simpleId(p);
    }

    private static void expect(ItaniumParser p, char c) {
        if (p.peekAt(0) != c) {
            throw new BadMangling("expected " + c);
        }
        p.advance(1);
    }
}
