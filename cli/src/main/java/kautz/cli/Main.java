package kautz.cli;

import kautz.diag.Stage;
import kautz.diag.UserError;
import kautz.diag.Warnings;
import kautz.util.InputFiles;
import kautz.flow.FlowCompiler;
import kautz.network.NetworkTooLargeException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of {@code ./kautz}. Results go to stdout; errors are one line on stderr. Exit codes:
 * 0 success, 1 user error (or "not equivalent" for verify), 2 usage, 3 undecided.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // progress lines only for a real process: tests compare stderr exactly, whatever the machine's load
        System.exit(execute(commandLine(FlowCompiler.DIRECT), args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), true));
    }

    /** Runs the CLI with the given streams; used by tests so they see exactly what a user sees. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, FlowCompiler.DIRECT);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}; {@code run} and {@code compile} compile with {@code compiler}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, FlowCompiler compiler) {
        return execute(commandLine(compiler), args, out, err);
    }

    /** Runs {@code cl} (from {@link #commandLine}, new or used before) as {@link #run} does. */
    public static int execute(CommandLine cl, String[] args, PrintWriter out, PrintWriter err) {
        return execute(cl, args, out, err, false);
    }

    /** As above; with {@code progress}, a stage running over two seconds is named on {@code err} ({@link kautz.diag.Activity}). */
    static int execute(CommandLine cl, String[] args, PrintWriter out, PrintWriter err, boolean progress) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, cmd.getErr()));
        cl.setParameterExceptionHandler(Main::badCommandLine);
        int code;
        InputFiles.reset();
        PrintWriter previousWarnings = Warnings.install(err);
        AutoCloseable reporter = progress ? kautz.diag.Activity.report(err) : () -> { };
        Stage.takeOutOfMemory(); // a stage left by an earlier command on this thread is not this one's
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("kautz: " + Stage.outOfMemoryMessage());
            code = 1;
        } catch (StackOverflowError e) {
            err.println("kautz: the input nests too deeply (stack overflow); raise the stack with KAUTZ_JAVA_OPTS=-Xss256m");
            code = 1;
        } finally {
            try { reporter.close(); } catch (Exception ignored) { /* a daemon being stopped */ }
            Warnings.restore(previousWarnings);
            InputFiles.reset(); // what the test harness or an embedding program writes next is not this command's output
        }
        out.flush();
        err.flush();
        return code;
    }

    public static CommandLine commandLine() { return commandLine(FlowCompiler.DIRECT); }

    public static CommandLine commandLine(FlowCompiler compiler) {
        CommandLine cl = new CommandLine(new KautzCommand(compiler));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110); // descriptions are written as lines of up to ~105 characters; 80 would break them mid-sentence
        for (CommandLine sub : cl.getSubcommands().values()) sub.getCommandSpec().versionProvider(new Version()); // kautz run --version too
        return cl;
    }

    /**
     * A bad command line is one line, as every other mistake: what is wrong, the names picocli finds nearest,
     * and where the help is; exit code 2 (picocli's default prints the whole usage after the message).
     */
    static int badCommandLine(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^kautz ?", ""); // "", "run", "sweep"
        String message = ex.getMessage();
        if (name.isEmpty() && ex instanceof CommandLine.UnmatchedArgumentException u && args.length > 0 && !args[0].startsWith("-")
                && u.getUnmatched().contains(args[0])) {
            message = args[0].equals("sweep")
                    ? "sweep runs from the spark/ module's jar, which ./kautz sweep builds and starts"
                    : "no command named '" + args[0] + "'";
        }
        StringBuilder line = new StringBuilder("kautz: ");
        if (!name.isEmpty()) line.append(name).append(": ");
        line.append(message.isEmpty() ? "bad command line" : Character.toLowerCase(message.charAt(0)) + message.substring(1));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", u.getSuggestions())).append("?)");
        }
        line.append("; ").append(name.isEmpty() ? "kautz --help lists the commands" : "kautz help " + name + " lists its options");
        cmd.getErr().println(line);
        return 2;
    }

    /** Prints an exception the way every kautz command does and gives the exit code. */
    public static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof UserError u) {
            err.println("kautz: " + u.getMessage());
            if (u.detail() != null) err.println(u.detail());
            return u instanceof kautz.diag.UsageError ? 2 : 1;
        }
        if (ex instanceof NetworkTooLargeException t) {
            err.println("kautz: " + t.getMessage());
            return 1;
        }
        err.println("kautz: internal error: " + ex + " (please report it; set KAUTZ_DEBUG=1 for the stack trace)");
        if (System.getenv("KAUTZ_DEBUG") != null) ex.printStackTrace(err);
        return 4;
    }
}
