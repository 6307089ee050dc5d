package kautz.sweep;

import kautz.cli.CliSession;
import kautz.cli.Main;
import kautz.flow.CompileCache;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Evaluates a point by running the kautz command line itself ({@link Main#run}) in this JVM with the point's
 * arguments and {@code --json}: a point's numbers are exactly what {@code kautz compile}/{@code run} print
 * for the same options, whatever those commands become, and a point that fails gets the same one-line
 * message a user would see.
 *
 * <p>With {@code cached}, {@code run} and {@code compile} take their program from this JVM's
 * {@link CompileCache} when an earlier point compiled the same design with the same options, and each thread
 * keeps its command line ({@link CliSession}) instead of building picocli's model of every command per point
 * (docs/sweeps.md). The report is the same; only the point's wall time no longer includes what was reused.
 *
 * @param cached reuse compiled programs and command lines between the points evaluated in this JVM
 */
public record CliEvaluator(boolean cached) implements PointEvaluator {
    private static final long serialVersionUID = 1L;
    /**
     * The one cache per JVM, deliberately static: Spark runs an executor's tasks as threads of one JVM and
     * deserialises a fresh evaluator for every task, so a static field is the only thing they share.
     * 64 programs or 2 M nodes: the programs of an EPFL-sized sweep, a few hundred MB at most.
     */
    private static final CompileCache PROGRAMS = new CompileCache(64, 2_000_000);
    /** A command line per thread: Spark's task threads live for the whole study. */
    private static final ThreadLocal<CliSession> SESSIONS = ThreadLocal.withInitial(() -> new CliSession(PROGRAMS));

    /** Cached: the default of {@code kautz sweep}. */
    public CliEvaluator() { this(true); }

    @Override
    public PointResult evaluate(Point point) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code;
        try {
            String[] args = point.args().toArray(String[]::new);
            code = cached ? SESSIONS.get().run(args, new PrintWriter(out), new PrintWriter(err))
                    : Main.run(args, new PrintWriter(out), new PrintWriter(err));
        } catch (RuntimeException | Error e) {
            // Main handles the command's own failures; this is a fault of the runtime (say, a Spark executor's).
            return new PointResult(point, null, "exception: " + e, seconds(start));
        }
        double seconds = seconds(start);
        if (code != 0) return new PointResult(point, null, message(err.toString(), code), seconds);
        String report = lastLine(out.toString());
        if (report == null || !report.startsWith("{")) {
            return new PointResult(point, null, "kautz " + point.args().get(0) + " printed no JSON report", seconds);
        }
        return new PointResult(point, report, null, seconds);
    }

    @Override
    public String work() {
        CompileCache.Stats s = PROGRAMS.stats();
        return cached && s.hits() + s.compiles() > 0 ? s.text() + " in this JVM" : "";
    }

    /** The first line of what the command printed on stderr, without the {@code kautz: } prefix. */
    static String message(String stderr, int code) {
        for (String line : stderr.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("kautz: warning:")) continue;
            return l.startsWith("kautz: ") ? l.substring("kautz: ".length()) : l;
        }
        return "exit code " + code + " with no message";
    }

    private static String lastLine(String stdout) {
        String[] lines = stdout.strip().split("\n");
        return lines.length == 0 ? null : lines[lines.length - 1].strip();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
