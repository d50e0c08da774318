package io.jrrtui.demangle;

import java.util.ArrayList;
import java.util.List;

/** The node kinds of a demangled C++ name (see {@link CxxNode}). */
final class CxxNodes {
    private CxxNodes() {
    }

    /** Literal text: identifiers, builtin types, operator names. */
    static final class Text extends CxxNode {
        final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        void printLeft(CxxPrinter p) {
            p.append(text);
        }
    }

    /** One of the standard abbreviations ({@code Ss}, {@code Sa}...); {@code shortName} names its ctor. */
    static final class StdAbbreviation extends CxxNode {
        final String printed;
        final String shortName;

        StdAbbreviation(String printed, String shortName) {
            this.printed = printed;
            this.shortName = shortName;
        }

        @Override
        void printLeft(CxxPrinter p) {
            p.append(printed);
        }
    }

    /** {@code scope::name}. */
    static final class Nested extends CxxNode {
        final CxxNode scope;
        final CxxNode name;

        Nested(CxxNode scope, CxxNode name) {
            this.scope = scope;
            this.name = name;
        }

        @Override
        void printLeft(CxxPrinter p) {
            scope.print(p);
            p.append("::");
            name.print(p);
        }
    }

    /** {@code name<args>}. */
    static final class TemplateId extends CxxNode {
        final CxxNode name;
        final TemplateArgs args;

        TemplateId(CxxNode name, TemplateArgs args) {
            this.name = name;
            this.args = args;
        }

        @Override
        void printLeft(CxxPrinter p) {
            name.print(p);
            args.print(p);
        }
    }

    static final class TemplateArgs extends CxxNode {
        final List<CxxNode> args;

        TemplateArgs(List<CxxNode> args) {
            this.args = args;
        }

        @Override
        void printLeft(CxxPrinter p) {
            if (p.last() == '<') {
                p.append(" "); // operator< <T>, not operator<<T>
            }
            p.append("<");
            printList(p, args);
            if (p.last() == '>') {
                p.append(" "); // c++filt keeps the pre-C++11 "> >" spelling
            }
            p.append(">");
        }
    }

    /** A template argument pack {@code J...E}; printed whole, all elements comma-separated. */
    static final class ArgPack extends CxxNode {
        final List<CxxNode> elements;

        ArgPack(List<CxxNode> elements) {
            this.elements = elements;
        }

        @Override
        void printLeft(CxxPrinter p) {
            int saved = p.packIndex;
            p.packIndex = -1; // a pack nested in an expanded element is printed whole
            printList(p, elements);
            p.packIndex = saved;
        }
    }

    /** {@code Dp}: a pattern repeated for each element of the packs it mentions. */
    static final class PackExpansion extends CxxNode {
        final CxxNode pattern;

        PackExpansion(CxxNode pattern) {
            this.pattern = pattern;
        }

        @Override
        void printLeft(CxxPrinter p) {
            int savedIndex = p.packIndex;
            int savedSeen = p.packSizeSeen;
            p.packIndex = 0;
            p.packSizeSeen = -1;
            String first = p.render(pattern);
            int size = p.packSizeSeen;
            if (size < 0) {
                p.packIndex = savedIndex;
                p.packSizeSeen = savedSeen;
                p.append(first).append("...");
                return;
            }
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    p.append(", ");
                }
                p.packIndex = i;
                p.append(i == 0 ? first : p.render(pattern));
            }
            p.packIndex = savedIndex;
            p.packSizeSeen = savedSeen;
        }
    }

    static final CxxNode EMPTY = new Text("");

    /**
     * {@code T_}, {@code T0_}...: resolved when printed, against the template arguments of the
     * function being printed (like c++filt, so a substitution of {@code T_} means the parameter of
     * whichever function it is printed in). Inside a lambda's signature it reads {@code auto:N}; a
     * parameter naming a pack stands for the current element inside a {@link PackExpansion}.
     */
    static final class TemplateParam extends CxxNode {
        final int index;

        TemplateParam(int index) {
            this.index = index;
        }

        /** The argument, or null inside a lambda signature. */
        private CxxNode argument(CxxPrinter p) {
            if (p.lambdaDepth > 0) {
                return null;
            }
            List<CxxNode> args = p.templates.peek();
            if (args == null || index >= args.size()) {
                throw new BadMangling("template parameter " + index + " has no argument");
            }
            CxxNode arg = args.get(index);
            if (arg instanceof ArgPack pack && p.packIndex >= 0) {
                p.packSizeSeen = Math.max(p.packSizeSeen, pack.elements.size());
                return p.packIndex < pack.elements.size() ? pack.elements.get(p.packIndex) : EMPTY;
            }
            return arg;
        }

        @Override
        CxxNode resolve(CxxPrinter p) {
            CxxNode arg = argument(p);
            if (arg == null) {
                return this;
            }
            List<CxxNode> top = p.enterArgument();
            try {
                return arg.resolve(p);
            } finally {
                p.leaveArgument(top);
            }
        }

        @Override
        void printLeft(CxxPrinter p) {
            CxxNode arg = argument(p);
            if (arg == null) {
                p.append("auto:" + (index + 1));
                return;
            }
            List<CxxNode> top = p.enterArgument();
            arg.printLeft(p);
            p.leaveArgument(top);
        }

        @Override
        void printRight(CxxPrinter p) {
            CxxNode arg = argument(p);
            if (arg != null) {
                List<CxxNode> top = p.enterArgument();
                arg.printRight(p);
                p.leaveArgument(top);
            }
        }

        @Override
        boolean hasRight(CxxPrinter p) {
            CxxNode r = resolve(p);
            return r != this && r.hasRight(p);
        }

        @Override
        boolean isArray(CxxPrinter p) {
            CxxNode r = resolve(p);
            return r != this && r.isArray(p);
        }

        @Override
        boolean isFunction(CxxPrinter p) {
            CxxNode r = resolve(p);
            return r != this && r.isFunction(p);
        }
    }

    /** {@code function::entity}: a name local to a function. */
    static final class LocalName extends CxxNode {
        final CxxNode function;
        final CxxNode entity;

        LocalName(CxxNode function, CxxNode entity) {
            this.function = function;
            this.entity = entity;
        }

        @Override
        void printLeft(CxxPrinter p) {
            function.print(p);
            p.append("::");
            entity.print(p);
        }
    }

    /** cv-qualifiers after a type: {@code int const}. */
    static final class Qualified extends CxxNode {
        final CxxNode inner;
        final String quals;

        Qualified(CxxNode inner, String quals) {
            this.inner = inner;
            this.quals = quals;
        }

        @Override
        void printLeft(CxxPrinter p) {
            CxxNode target = inner.resolve(p);
            String extra = quals;
            if (target instanceof Qualified q) {
                // const applied to a parameter that is already const stays a single const
                for (String qual : q.quals.split(" ")) {
                    if (!qual.isEmpty()) {
                        extra = extra.replace(" " + qual, "");
                    }
                }
            }
            target.printLeft(p);
            p.append(extra);
        }

        @Override
        void printRight(CxxPrinter p) {
            inner.resolve(p).printRight(p);
        }

        @Override
        boolean hasRight(CxxPrinter p) {
            return inner.hasRight(p);
        }

        @Override
        boolean isArray(CxxPrinter p) {
            return inner.resolve(p).isArray(p);
        }

        @Override
        boolean isFunction(CxxPrinter p) {
            return inner.resolve(p).isFunction(p);
        }
    }

    /** Pointer {@code *}, lvalue {@code &} or rvalue {@code &&} reference, with reference collapsing. */
    static final class PointerLike extends CxxNode {
        final CxxNode pointee;
        final String op;

        PointerLike(CxxNode pointee, String op) {
            this.pointee = pointee;
            this.op = op;
        }

        /** The referent after reference collapsing ({@code T&} with {@code T = int&&} is {@code int&}). */
        private Object[] collapse(CxxPrinter p) {
            CxxNode target = pointee.resolve(p);
            String sym = op;
            int guard = 0;
            while (!op.equals("*") && target instanceof PointerLike inner && !inner.op.equals("*")) {
                sym = sym.equals("&") || inner.op.equals("&") ? "&" : "&&";
                target = inner.pointee.resolve(p);
                if (++guard > CxxPrinter.MAX_DEPTH) {
                    throw new BadMangling("reference cycle");
                }
            }
            return new Object[] {target, sym};
        }

        @Override
        void printLeft(CxxPrinter p) {
            Object[] c = collapse(p);
            CxxNode target = (CxxNode) c[0];
            p.enter();
            target.printLeft(p);
            if (target.isArray(p)) {
                p.append(" (");
            } else if (target.isFunction(p)) {
                p.append("(");
            }
            p.append((String) c[1]);
            p.leave();
        }

        @Override
        void printRight(CxxPrinter p) {
            CxxNode target = (CxxNode) collapse(p)[0];
            if (target.isArray(p) || target.isFunction(p)) {
                p.append(")");
            }
            target.printRight(p);
        }

        @Override
        boolean hasRight(CxxPrinter p) {
            return ((CxxNode) collapse(p)[0]).hasRight(p);
        }
    }

    /** {@code type class::*}. */
    static final class MemberPointer extends CxxNode {
        final CxxNode cls;
        final CxxNode member;

        MemberPointer(CxxNode cls, CxxNode member) {
            this.cls = cls;
            this.member = member;
        }

        @Override
        void printLeft(CxxPrinter p) {
            member.printLeft(p);
            boolean parens = member.isArray(p) || member.isFunction(p);
            p.append(parens ? (member.isArray(p) ? " (" : "(") : " ");
            cls.print(p);
            p.append("::*");
        }

        @Override
        void printRight(CxxPrinter p) {
            if (member.isArray(p) || member.isFunction(p)) {
                p.append(")");
            }
            member.printRight(p);
        }

        @Override
        boolean hasRight(CxxPrinter p) {
            return member.hasRight(p);
        }
    }

    /** A function type {@code ret (params) cv&}. */
    static final class FunctionType extends CxxNode {
        final CxxNode ret;
        final List<CxxNode> params;
        final String cvRef;

        FunctionType(CxxNode ret, List<CxxNode> params, String cvRef) {
            this.ret = ret;
            this.params = params;
            this.cvRef = cvRef;
        }

        FunctionType withQualifiers(String more) {
            return new FunctionType(ret, params, more + cvRef);
        }

        @Override
        void printLeft(CxxPrinter p) {
            ret.printLeft(p);
            p.append(" ");
        }

        @Override
        void printRight(CxxPrinter p) {
            p.append("(");
            printList(p, params);
            p.append(")");
            ret.printRight(p);
            p.append(cvRef);
        }

        @Override
        boolean hasRight(CxxPrinter p) {
            return true;
        }

        @Override
        boolean isFunction(CxxPrinter p) {
            return true;
        }
    }

    static final class ArrayType extends CxxNode {
        final CxxNode element;
        final CxxNode dimension;

        ArrayType(CxxNode element, CxxNode dimension) {
            this.element = element;
            this.dimension = dimension;
        }

        @Override
        void printLeft(CxxPrinter p) {
            element.printLeft(p);
        }

        @Override
        void printRight(CxxPrinter p) {
            if (p.last() != ']') {
                p.append(" ");
            }
            p.append("[");
            if (dimension != null) {
                dimension.print(p);
            }
            p.append("]");
            element.printRight(p);
        }

        @Override
        boolean hasRight(CxxPrinter p) {
            return true;
        }

        @Override
        boolean isArray(CxxPrinter p) {
            return true;
        }
    }

    /** {@code type suffix}: vendor qualifiers, {@code _Complex}, {@code __vector(4)}. */
    static final class Suffixed extends CxxNode {
        final CxxNode inner;
        final String suffix;

        Suffixed(CxxNode inner, String suffix) {
            this.inner = inner;
            this.suffix = suffix;
        }

        @Override
        void printLeft(CxxPrinter p) {
            inner.print(p);
            p.append(suffix);
        }
    }

    /** {@code prefix inner}: special names ("vtable for "), thunks, "operator " conversions. */
    static final class Prefixed extends CxxNode {
        final String prefix;
        final CxxNode inner;

        Prefixed(String prefix, CxxNode inner) {
            this.prefix = prefix;
            this.inner = inner;
        }

        @Override
        void printLeft(CxxPrinter p) {
            p.append(prefix);
            inner.print(p);
        }
    }

    /** A function: {@code [ret ]name(params)[ cv][ ref]}. */
    static final class FunctionEncoding extends CxxNode {
        final CxxNode ret;
        final CxxNode name;
        final List<CxxNode> params;
        final String cvRef;

        FunctionEncoding(CxxNode ret, CxxNode name, List<CxxNode> params, String cvRef) {
            this.ret = ret;
            this.name = name;
            this.params = params;
            this.cvRef = cvRef;
        }

        /** The template arguments {@code T_} refers to in this function, or null when it is no template. */
        private List<CxxNode> templateArgs() {
            CxxNode n = name instanceof LocalName local ? local.entity : name;
            return n instanceof TemplateId t ? t.args.args : null;
        }

        @Override
        void printLeft(CxxPrinter p) {
            List<CxxNode> args = templateArgs();
            if (args != null) {
                p.templates.push(args);
            }
            if (ret != null) {
                ret.printLeft(p);
                if (!ret.hasRight(p)) {
                    p.append(" ");
                }
            }
            name.print(p);
            p.append("(");
            printList(p, params);
            p.append(")");
            if (ret != null) {
                ret.printRight(p);
            }
            p.append(cvRef);
            if (args != null) {
                p.templates.pop();
            }
        }
    }

    /** {@code {lambda(params)#n}}. */
    static final class Lambda extends CxxNode {
        final List<CxxNode> params;
        final int number;

        Lambda(List<CxxNode> params, int number) {
            this.params = params;
            this.number = number;
        }

        @Override
        void printLeft(CxxPrinter p) {
            p.append("{lambda(");
            p.lambdaDepth++;
            printList(p, params);
            p.lambdaDepth--;
            p.append(")#").append(Integer.toString(number)).append("}");
        }
    }

    /** A name followed by its {@code [abi:tag]}s. */
    static final class AbiTagged extends CxxNode {
        final CxxNode name;
        final List<String> tags;

        AbiTagged(CxxNode name, List<String> tags) {
            this.name = name;
            this.tags = new ArrayList<>(tags);
        }

        @Override
        void printLeft(CxxPrinter p) {
            name.print(p);
            for (String t : tags) {
                p.append("[abi:").append(t).append("]");
            }
        }
    }
}
