package kautz.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the CLI as a user sees it: the exit code, stdout and stderr. Shared by the CLI tests. */
record CliRun(int code, String out, String err) {
    /** The warning lines of stderr (its summaries left out), each ending in a newline. */
    String warnings() {
        StringBuilder sb = new StringBuilder();
        err.lines().filter(l -> l.startsWith("kautz: warning: ")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
