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

    /**
     * User text quoted in a message: control characters escaped (a message is one line) and clipped to 60
     * characters (a message stays short whatever was typed).
     */
    public static String shown(String text) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < text.length() && sb.length() < 60; i++) {
            char c = text.charAt(i);
            if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (Character.isISOControl(c)) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        return i < text.length() ? sb + "..." : sb.toString();
    }

    /** Characters of the source line shown on each side of the caret; longer lines are clipped. */
    public static final int ECHO_CONTEXT = 60;

    /** An error at a position in a named file; line and column are 1-based. */
    public static UserError at(String file, int line, int col, String message, String sourceLine) {
        String detail = null;
        if (sourceLine != null) {
            // a machine-written line may be megabytes long: echo only a window around the caret
            int at = Math.max(0, Math.min(col - 1, sourceLine.length()));
            int from = Math.max(0, at - ECHO_CONTEXT), to = Math.min(sourceLine.length(), at + ECHO_CONTEXT);
            String head = from > 0 ? "..." : "", tail = to < sourceLine.length() ? "..." : "";
            String shown = head + sourceLine.substring(from, to) + tail;
            StringBuilder caret = new StringBuilder(head.length() == 0 ? "" : "   ");
            for (int i = from; i < at; i++) caret.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
            detail = "  " + shown + "\n  " + caret + "^";
        }
        return new UserError(file + ":" + line + ":" + col + ": " + message, detail);
    }
}
