package io.jrrtui.eval;

import java.util.ArrayList;
import java.util.List;

/** Splits a C-like expression into tokens; an unknown character is a gdb-style syntax error. */
final class Lexer {
    private static final String[] PUNCT = {"->", "<<=", ">>=", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "::",
            "+=", "-=", "*=", "/=", "++", "--", "+", "-", "*", "/", "%", "<", ">", "=", "!", "~", "&", "|", "^", "(",
            ")", "[", "]", ".", ",", "?", ":", "@", "{", "}"};
    private static final int MAX_TOKENS = 10_000;

    private Lexer() {}

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (out.size() > MAX_TOKENS) throw Parser.syntax(s, i);
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
                            && !s.startsWith("0x", start) && !s.startsWith("0X", start)))) i++;
                out.add(new Token(Token.Kind.NUMBER, s.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                out.add(new Token(Token.Kind.IDENT, s.substring(start, i), start));
            } else if (c == '$') {
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                out.add(new Token(Token.Kind.DOLLAR, s.substring(start + 1, i), start));
            } else if (c == '\'' || c == '"') {
                i = quoted(s, i, c);
                out.add(new Token(c == '\'' ? Token.Kind.CHAR : Token.Kind.STRING, s.substring(start + 1, i - 1), start));
            } else {
                String p = null;
                for (String cand : PUNCT) if (s.startsWith(cand, i)) { p = cand; break; }
                if (p == null) throw Parser.syntax(s, i);
                i += p.length();
                out.add(new Token(Token.Kind.PUNCT, p, start));
            }
        }
        out.add(new Token(Token.Kind.EOF, "", s.length()));
        return out;
    }

    private static int quoted(String s, int i, char q) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != q) {
            if (s.charAt(j) == '\\') j++;
            j++;
        }
        if (j >= s.length()) {
            throw new io.jrrtui.util.JrrException(q == '"' ? "Unterminated string in expression." : "Unmatched single quote.");
        }
        return j + 1;
    }

    /** Decodes C escapes in a char/string literal body. */
    static byte[] unescape(String body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) { out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)); continue; }
            char e = body.charAt(++i);
            switch (e) {
                case 'n': out.write('\n'); break;
                case 't': out.write('\t'); break;
                case 'r': out.write('\r'); break;
                case 'a': out.write(7); break;
                case 'b': out.write(8); break;
                case 'f': out.write(12); break;
                case 'v': out.write(11); break;
                case 'e': out.write(27); break;
                case 'x': {
                    int v = 0, k = 0;
                    while (k < 2 && i + 1 < body.length() && Character.digit(body.charAt(i + 1), 16) >= 0) { v = v * 16 + Character.digit(body.charAt(++i), 16); k++; }
                    out.write(v);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0', k = 1;
                        while (k < 3 && i + 1 < body.length() && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7') { v = v * 8 + (body.charAt(++i) - '0'); k++; }
                        out.write(v);
                    } else {
                        out.write(e);
                    }
            }
        }
        return out.toByteArray();
    }
}
