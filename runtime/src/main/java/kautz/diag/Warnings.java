package kautz.diag;

import java.io.PrintWriter;

/**
 * Where warnings found deep inside a command go (a leftover temporary file removed, an output whose
 * extension names another format): the command's stderr, installed by the CLI for the duration of a
 * command, else the process's stderr. Each warning is one line, {@code kautz: warning: ...}.
 */
public final class Warnings {
    private static volatile PrintWriter sink;

    private Warnings() {}

    /** Sends warnings to {@code err} until {@link #restore} is given the returned previous sink. */
    public static PrintWriter install(PrintWriter err) {
        PrintWriter previous = sink;
        sink = err;
        return previous;
    }

    public static void restore(PrintWriter previous) { sink = previous; }

    public static void warn(String message) {
        PrintWriter s = sink;
        if (s != null) {
            s.println("kautz: warning: " + message);
            s.flush();
        } else {
            System.err.println("kautz: warning: " + message);
        }
    }
}
