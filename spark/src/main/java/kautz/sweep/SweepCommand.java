package kautz.sweep;

import kautz.diag.UsageError;
import kautz.diag.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code kautz sweep SPEC}: a design-space sweep or Monte Carlo study, in-process or on a Spark cluster. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = kautz.cli.Version.class,
        header = "Run design-space sweeps and Monte Carlo studies on Apache Spark.",
        description = {
                "Run a study described in a JSON file (docs/sweeps.md): a kautz command (compile, run, sim) over "
                        + "files × targets × schedulers × row sizes × devices × Monte Carlo seeds. Each point is evaluated "
                        + "exactly as the command itself would with --json; a point that fails becomes a row with its error.",
                "Writes one CSV row and one JSON line per point, a summary (mean, p5, p50, p95 over trials) and SVG "
                        + "charts beside the CSV.",
                "Runs on Apache Spark: local[*] in this process by default, or a cluster with --master spark://HOST:7077 "
                        + "(or: spark-submit spark/target/kautz-sweep.jar SPEC …). Progress (points done/total, rate, ETA) "
                        + "goes to stderr."},
        footer = {"", "Results are saved every 15 s and on interruption; --resume skips the points already in the CSV."})
public final class SweepCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SPEC", description = "the sweep description (.json)")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "RESULTS.csv",
            description = "results file; the .jsonl, summary and charts go beside it (default: the description's \"output\", else NAME.csv here)")
    Path output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], local[*], spark://HOST:PORT (default: spark-submit's master, else local[*])")
    String master;

    @Option(names = "--resume", description = "keep the points already in the results file and run only the others (a flag; default: run every point)")
    boolean resume;

    @Option(names = "--sequential", description = "evaluate points one after another in this thread, without Spark (a baseline)")
    boolean sequential;

    @Option(names = "--point-timeout", paramLabel = "SECONDS",
            description = "a point that runs longer becomes an error row and the study goes on (default: the description's \"timeout\", else no limit)")
    Double pointTimeout;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spark partitions (tasks) to deal the points into (default: about 8 per core, at most 4 points each)")
    Integer partitions;

    @Option(names = "--no-cache",
            description = "evaluate every point afresh, as a separate kautz command would (by default a point reuses the program an "
                    + "earlier point in the same JVM compiled from the same design with the same options, and each thread its "
                    + "parsed command line; the numbers are the same either way)")
    boolean noCache;

    @Option(names = "--dry-run", description = "list the points as kautz command lines and stop")
    boolean dryRun;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SweepSpec s = SpecParser.read(specFile);
        if (dryRun) {
            List<Point> points = Points.expand(s);
            for (Point p : points) out.println("kautz " + String.join(" ", p.args()));
            out.println(points.size() + " points");
            return;
        }
        Path csv = output != null ? output : s.output() != null ? s.output() : Path.of(s.name() + ".csv");
        PointEvaluator evaluator = evaluator(new CliEvaluator(!noCache), pointTimeout != null ? pointTimeout : s.timeout());
        Study study = new Study(s, csv);
        study.files();  // checks the name before Spark starts
        Study.Outcome o;
        try (Runner runner = sequential ? new SequentialRunner() : SparkRunner.start(master, "kautz sweep " + s.name(), partitions)) {
            o = study.run(resume, runner, evaluator, err, System.console() != null);
        }
        out.println("sweep " + s.name() + ": " + o.points() + (o.points() == 1 ? " point" : " points") + (o.skipped() > 0 ? " (" + o.skipped() + " from the earlier run)" : "")
                + ", " + o.errors() + (o.errors() == 1 ? " error" : " errors"));
        for (Path p : o.written()) out.println("  " + p);
    }

    /** The kautz command line itself, within the point timeout if there is one. */
    private static PointEvaluator evaluator(CliEvaluator cli, Double timeout) {
        if (timeout == null) return cli;
        if (!(timeout > 0 && timeout <= SpecParser.MAX_SECONDS)) {
            throw new UsageError("--point-timeout must be more than 0 and at most " + (long) SpecParser.MAX_SECONDS + " seconds, got " + TimedEvaluator.text(timeout));
        }
        return new TimedEvaluator(cli, timeout);
    }
}
