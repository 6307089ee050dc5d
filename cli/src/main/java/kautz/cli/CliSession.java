package kautz.cli;

import kautz.flow.FlowCompiler;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The command line kept for many runs in one thread, for a study that runs thousands of small commands
 * (a sweep's points): building picocli's model of every command for each run costs about as much as a
 * small Monte Carlo point (docs/PERFORMANCE.md). Each {@link #run} prints exactly what {@link Main#run}
 * prints: picocli sets every option and parameter back to its initial value before it parses, and the
 * commands keep no other state. Not thread-safe: one per thread.
 */
public final class CliSession {
    private final CommandLine cl;

    /** @param compiler what {@code run} and {@code compile} compile with */
    public CliSession(FlowCompiler compiler) {
        this.cl = Main.commandLine(compiler);
    }

    public int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.execute(cl, args, out, err);
    }
}
