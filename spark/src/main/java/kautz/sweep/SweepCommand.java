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

    @Option(names = "--tasks", paramLabel = "N",
            description = "Spark tasks (its partitions of the points) to deal the points into (default: about 8 per core, at most 64 points each)")
    Integer tasks;

    @Option(names = "--partitions", paramLabel = "KxW|W1,W2,…|K",
            description = "divide every point's row into partitions, as compile and run do (docs/partitions.md); "
                    + "for a range of them use a \"partitions\" axis in the description (default: the description's, else one undivided row)")
    String partitions;

    @Option(names = "--model", paramLabel = "unlimited|standard|minimal",
            description = "the partition model of every point, as compile and run take it (default: the description's, else unlimited)")
    String model;

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
        SweepSpec s = withRowOptions(SpecParser.read(specFile));
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
        try (Runner runner = sequential ? new SequentialRunner() : SparkRunner.start(master, "kautz sweep " + s.name(), tasks)) {
            o = study.run(resume, runner, evaluator, err, System.console() != null);
        }
        out.println("sweep " + s.name() + ": " + o.points() + (o.points() == 1 ? " point" : " points") + (o.skipped() > 0 ? " (" + o.skipped() + " from the earlier run)" : "")
                + ", " + o.errors() + (o.errors() == 1 ? " error" : " errors"));
        for (Path p : o.written()) out.println("  " + p);
    }

    /** --partitions and --model from the command line: options every point gets, unless the description varies them. */
    private SweepSpec withRowOptions(SweepSpec s) {
        java.util.LinkedHashMap<String, String> options = new java.util.LinkedHashMap<>(s.options());
        for (String[] o : new String[][] {{"partitions", partitions}, {"model", model}}) {
            if (o[1] == null) continue;
            if (s.axes().containsKey(o[0])) {
                throw new UsageError("--" + o[0] + ": " + specFile + " varies " + o[0] + " as an axis; leave out --" + o[0] + " or the axis");
            }
            if (s.command().equals("sim")) {
                throw new UsageError("--" + o[0] + ": sim runs each program as it was assembled; partitions are chosen when compiling");
            }
            options.put(o[0], o[1]);
        }
        if (options.equals(s.options())) return s;
        return new SweepSpec(s.source(), s.name(), s.description(), s.command(), s.files(), s.axes(), options,
                s.trials(), s.measures(), s.charts(), s.output(), s.timeout());
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
