package kautz.lang.parse;

import kautz.grammar.KautzLexer;
import kautz.grammar.KautzParser;
import kautz.lang.elab.Limits;
import kautz.lang.ast.SourceModule;
import kautz.lang.ast.Pos;
import kautz.lang.ast.SourceText;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Source text to AST. The first syntax error becomes a {@link kautz.diag.UserError} naming its place. */
public final class Parser {
    private Parser() {}

    public static SourceModule parse(SourceText source) {
        ThrowingListener errors = new ThrowingListener(source);
        KautzLexer lexer = new KautzLexer(CharStreams.fromString(source.text(), source.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkNesting(source, tokens);
        KautzParser parser = new KautzParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return new AstBuilder(source).module(parser.module());
    }

    /** Refuses text nested deeper than {@link Limits#MAX_NESTING}, in one pass over the tokens. */
    private static void checkNesting(SourceText source, CommonTokenStream tokens) {
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            String x = t.getText();
            if (x.equals("(") || x.equals("{")) {
                if (++depth > Limits.MAX_NESTING) {
                    throw new Pos(source, t.getLine(), t.getCharPositionInLine() + 1)
                            .error("brackets nest deeper than " + Limits.MAX_NESTING + " levels (the limit)");
                }
            } else if (x.equals(")") || x.equals("}")) {
                depth = Math.max(0, depth - 1);
            }
        }
    }

    /** Turns ANTLR's report into one user error; ANTLR's own wording is kept but made shorter. */
    private static final class ThrowingListener extends BaseErrorListener {
        private final SourceText source;

        ThrowingListener(SourceText source) { this.source = source; }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col,
                                String msg, RecognitionException e) {
            String text = offending instanceof Token t ? t.getText() : null;
            String message;
            if (text != null && offending instanceof Token t && t.getType() == Token.EOF) {
                message = "syntax error: unexpected end of file";
            } else if (text != null) {
                message = "syntax error at '" + clip(text) + "'" + hint(msg);
            } else {
                message = "syntax error: " + clip(msg);
            }
            throw new Pos(source, line, col + 1).error(message);
        }

        /** A token or lexer message can be as long as the line; the caret line shows where it is. */
        private static String clip(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }

        private static String hint(String msg) {
            int i = msg.indexOf("expecting ");
            if (i < 0) return "";
            String expected = msg.substring(i + "expecting ".length());
            return expected.length() > 120 ? "" : " (expected " + expected + ")";
        }
    }
}
