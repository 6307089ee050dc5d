package kautz.lang.ast;

import kautz.diag.UserError;

/** A place in a source file (1-based line and column); every AST node has one so errors can name it. */
public record Pos(SourceText source, int line, int col) {
    /** A user error at this place: {@code file:line:col: message}, the source line and a caret. */
    public UserError error(String message) {
        return UserError.at(source.name(), line, col, message, source.line(line));
    }

    @Override
    public String toString() { return source.name() + ":" + line + ":" + col; }
}
