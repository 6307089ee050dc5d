package kautz.diag;

/**
 * A mistake in the user's input (source, netlist, option, value). The CLI prints {@link #getMessage()} as
 * one line, then {@link #detail()} if present (e.g. the source line and a caret), and exits with code 1.
 * Never shown with a stack trace.
 *
 * <p>Messages name the place first: {@code file:line:col: what is wrong}.
 */
public class UserError extends RuntimeException {
    private final String detail;

    public UserError(String message) { this(message, null); }

    public UserError(String message, String detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    /** Extra lines shown under the message (the source line and a caret), or null. */
    public String detail() { return detail; }

    /** An error at a position in a named file; line and column are 1-based. */
    public static UserError at(String file, int line, int col, String message, String sourceLine) {
        String detail = null;
        if (sourceLine != null) {
            StringBuilder caret = new StringBuilder();
            for (int i = 1; i < col && i <= sourceLine.length(); i++) caret.append(sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
            detail = "  " + sourceLine + "\n  " + caret + "^";
        }
        return new UserError(file + ":" + line + ":" + col + ": " + message, detail);
    }
}
