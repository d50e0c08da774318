package io.jrrtui.eval;

/** One lexical token of an expression; {@code pos} is its offset in the input (for error messages). */
record Token(Kind kind, String text, int pos) {
    enum Kind { NUMBER, CHAR, STRING, IDENT, DOLLAR, PUNCT, EOF }

    boolean is(String punct) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punct);
    }
}
