package kautz.netlist;

import kautz.diag.UserError;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits structural Verilog into tokens: identifiers (an escaped identifier {@code \a[0] } ends at white
 * space and keeps its characters, so it names the same bit as the select {@code a[0]}), sized and plain
 * numbers, and punctuation (the operators of behavioural Verilog too, so the reader can name them). Comments
 * and Yosys attributes {@code (* ... *)} are skipped.
 */
final class VerilogLexer {
    enum Kind { IDENT, NUMBER, PUNCT, EOF }

    /** @param escaped an escaped identifier, which never matches a keyword */
    record Token(Kind kind, String text, int line, int col, boolean escaped) {
        boolean is(String s) { return !escaped && kind != Kind.EOF && text.equals(s); }
    }

    private VerilogLexer() {}

    static List<Token> tokenize(String file, String src) {
        List<Token> out = new ArrayList<>();
        int i = 0, line = 1, lineStart = 0, n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') { line++; i++; lineStart = i; continue; }
            if (Character.isWhitespace(c)) { i++; continue; }
            int col = i - lineStart + 1;
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*' || c == '(' && i + 1 < n && src.charAt(i + 1) == '*'
                    && !(i + 2 < n && src.charAt(i + 2) == ')')) {
                String close = c == '/' ? "*/" : "*)";
                int end = src.indexOf(close, i + 2);
                if (end < 0) throw UserError.at(file, line, col, "unterminated " + (c == '/' ? "comment" : "attribute"), null);
                for (int k = i; k < end; k++) if (src.charAt(k) == '\n') { line++; lineStart = k + 1; }
                i = end + 2;
                continue;
            }
            if (c == '\\') {
                int s = ++i;
                while (i < n && !Character.isWhitespace(src.charAt(i))) i++;
                if (i == s) throw UserError.at(file, line, col, "empty escaped identifier", null);
                out.add(new Token(Kind.IDENT, src.substring(s, i), line, col, true));
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_' || src.charAt(i) == '$')) i++;
                out.add(new Token(Kind.IDENT, src.substring(s, i), line, col, false));
                continue;
            }
            if (Character.isDigit(c) || c == '\'') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '\'' || src.charAt(i) == '_')) i++;
                out.add(new Token(Kind.NUMBER, src.substring(s, i), line, col, false));
                continue;
            }
            if (c == '`' || c == '"') { // a compiler directive or a string: behavioural Verilog, reported by the reader
                int s = i++;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
                out.add(new Token(Kind.PUNCT, src.substring(s, i), line, col, false));
                continue;
            }
            String op = operator(src, i);
            if (op != null) {
                out.add(new Token(Kind.PUNCT, op, line, col, false));
                i += op.length();
                continue;
            }
            if ("();,.=[]:~!&|^?{}+-*/%<>@#$".indexOf(c) >= 0) {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), line, col, false));
                i++;
                continue;
            }
            throw UserError.at(file, line, col, "unexpected character '" + c + "'", null);
        }
        out.add(new Token(Kind.EOF, "end of file", line, 1, false));
        return out;
    }

    /** The longest multi-character operator at {@code i}, or null. */
    private static String operator(String src, int i) {
        for (String op : OPERATORS) if (src.startsWith(op, i)) return op;
        return null;
    }

    /** Longest first; arithmetic, shift and comparison operators are kept only so the reader can name them. */
    private static final List<String> OPERATORS = List.of("===", "!==", "<<<", ">>>", "~^", "^~", "&&", "||", "~&",
            "~|", "==", "!=", "<=", ">=", "<<", ">>", "**");
}
