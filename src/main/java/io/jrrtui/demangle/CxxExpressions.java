package io.jrrtui.demangle;

import io.jrrtui.demangle.CxxNodes.Prefixed;
import io.jrrtui.demangle.CxxNodes.Suffixed;
import io.jrrtui.demangle.CxxNodes.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Itanium expressions that shows up in symbol names of ordinary programs (template
 * parameters, literals, function parameters, sizeof, operators). Anything else is reported as
 * malformed rather than guessed.
 */
final class CxxExpressions {
    private CxxExpressions() {
    }

    static CxxNode expression(ItaniumParser p) {
        p.enterDepth();
        try {
            return body(p);
        } finally {
            p.leaveDepth();
        }
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
        if (c == 'f' && c1 == 'p') {
            p.advance(2);
            while ("rVK".indexOf(p.peekAt(0)) >= 0 && p.peekAt(0) != 0) {
                p.advance(1);
            }
            long n = p.peekAt(0) == '_' ? 1 : p.parseNumber() + 2;
            expect(p, '_');
            return new Text("{parm#" + n + "}");
        }
        if (c >= '0' && c <= '9') {
            CxxNode name = p.parseSourceName();
            return p.peekAt(0) == 'I' ? p.parseTemplateArgs(name) : name;
        }
        if (c == 's' && c1 == 'p') {
            p.advance(2);
            return new CxxNodes.PackExpansion(expression(p));
        }
        if (c == 's' && c1 == 'r') {
            p.advance(2);
            CxxNode scope = p.type();
            CxxNode name = p.parseSourceName();
            if (p.peekAt(0) == 'I') {
                name = p.parseTemplateArgs(name);
            }
            return new CxxNodes.Nested(scope, name);
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
            return new Suffixed(callee, "(" + join(args) + ")");
        }
        String code = "" + c + c1;
        int arity = CxxOperators.arity(code);
        String op = CxxOperators.name(code);
        if (op == null || arity == 0 || arity > 2 || code.equals("nw") || code.equals("na")) {
            throw new BadMangling("unsupported expression " + code);
        }
        p.advance(2);
        if (arity == 1) {
            return new Prefixed(op + "(", new Suffixed(expression(p), ")"));
        }
        CxxNode left = expression(p);
        CxxNode right = expression(p);
        String r = new CxxPrinter().render(right);
        return new Prefixed("(", new Suffixed(left, ")" + op + "(" + r + ")"));
    }

    private static String join(List<CxxNode> items) {
        CxxPrinter pr = new CxxPrinter();
        CxxNode.printList(pr, items);
        return pr.out.toString();
    }

    private static void expect(ItaniumParser p, char c) {
        if (p.peekAt(0) != c) {
            throw new BadMangling("expected " + c);
        }
        p.advance(1);
    }
}
