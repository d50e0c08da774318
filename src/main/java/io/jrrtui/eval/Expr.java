package io.jrrtui.eval;

import java.util.List;

/** Expression syntax tree. */
sealed interface Expr {
    record IntLit(long value, Type type) implements Expr {}
    record FloatLit(double value) implements Expr {}
    record CharLit(int value) implements Expr {}
    record StringLit(byte[] bytes) implements Expr {}
    record Name(String name) implements Expr {}
    record Register(String name) implements Expr {}
    record Unary(String op, Expr operand) implements Expr {}
    record Binary(String op, Expr left, Expr right) implements Expr {}
    record Logical(String op, Expr left, Expr right) implements Expr {}
    record Conditional(Expr cond, Expr then, Expr otherwise) implements Expr {}
    record Assign(Expr target, Expr value) implements Expr {}
    record Member(Expr object, String member, boolean arrow) implements Expr {}
    record Index(Expr array, Expr index) implements Expr {}
    record Cast(TypeName type, Expr operand) implements Expr {}
    record SizeofType(TypeName type) implements Expr {}
    record SizeofExpr(Expr operand) implements Expr {}
    record Comma(List<Expr> items) implements Expr {}
    /** A call of a function of the program, {@code f(1, x)}. */
    record Call(Expr function, List<Expr> args) implements Expr {}

    /** A type as written in a cast: base words ("unsigned int", "struct foo") and pointer depth. */
    record TypeName(String base, int pointers) {}
}
