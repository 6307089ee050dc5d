package kautz.sweep;

import kautz.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Evaluates a point by running the kautz command line itself ({@link Main#run}) in this JVM with the point's
 * arguments and {@code --json}: a point's numbers are exactly what {@code kautz compile}/{@code run} print
 * for the same options, whatever those commands become, and a point that fails gets the same one-line
 * message a user would see.
 */
public final class CliEvaluator implements PointEvaluator {
    private static final long serialVersionUID = 1L;

    @Override
    public PointResult evaluate(Point point) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code;
        try {
            code = Main.run(point.args().toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
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
