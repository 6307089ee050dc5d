package kautz.sweep;

import kautz.diag.UserError;
import kautz.util.AtomicFiles;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a study: expands the points, skips those an earlier run already has ({@code --resume}), evaluates the
 * rest with a {@link Runner}, saves the results every few seconds while it runs and when it is interrupted,
 * then writes the summary and the charts.
 */
public final class Study {
    private static final long SAVE_EVERY_NANOS = 15_000_000_000L;

    /**
     * @param points  points in the study
     * @param skipped points an earlier run had done
     * @param errors  points (of all) that ended in an error
     * @param written the files written, results first
     */
    public record Outcome(int points, int skipped, int errors, List<Path> written) {}

    private final SweepSpec spec;
    private final ResultsFiles files;
    private final Map<String, ResultRow> rows = new ConcurrentHashMap<>();

    public Study(SweepSpec spec, Path csv) {
        this.spec = spec;
        this.files = new ResultsFiles(csv, new ArrayList<>(spec.axes().keySet()), spec.measures());
    }

    public ResultsFiles files() { return files; }

    public Outcome run(boolean resume, Runner runner, PointEvaluator evaluator, PrintWriter err, boolean terminal) {
        List<Point> points = Points.expand(spec);
        List<Point> todo = resume ? remaining(points, err) : points;
        int skipped = points.size() - todo.size();
        err.println("kautz sweep: " + spec.name() + ": " + todo.size() + " points to run" + (skipped > 0 ? " (" + skipped + " already done)" : "")
                + " on " + runner.describe());
        err.flush();
        Progress progress = new Progress(todo.size(), err, terminal, System::nanoTime);
        Thread saveOnExit = new Thread(this::save, "kautz-sweep-save");
        Runtime.getRuntime().addShutdownHook(saveOnExit);
        long[] lastSave = {System.nanoTime()};
        try {
            runner.run(todo, evaluator, r -> {
                ResultRow row = ResultRow.of(r, spec.measures());
                rows.put(row.id(), row);
                progress.step(row.ok());
                if (System.nanoTime() - lastSave[0] > SAVE_EVERY_NANOS) {
                    save();
                    lastSave[0] = System.nanoTime();
                }
            });
        } finally {
            save();
            try {
                Runtime.getRuntime().removeShutdownHook(saveOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        progress.finish();
        String work = join(runner.work(), evaluator.work());
        if (!work.isEmpty()) err.println("kautz sweep: " + work);
        if (rows.size() != points.size()) throw new UserError("the runner returned " + rows.size() + " of " + points.size() + " points");
        List<Path> written = new ArrayList<>(List.of(files.csv(), files.jsonl()));
        List<Path> charts = new ArrayList<>();
        for (ChartSpec c : spec.charts()) {
            Path p = files.sibling(c.name() + ".svg");
            AtomicFiles.writeString(p, Charts.draw(c, rows.values()));
            charts.add(p);
        }
        Summary summary = new Summary(spec);
        if (spec.trials() != null) {
            Path p = files.sibling("summary.csv");
            summary.writeCsv(p, rows.values());
            written.add(p);
        }
        Path md = files.sibling("summary.md");
        summary.writeMarkdown(md, rows.values(), runner.describe() + (work.isEmpty() ? "" : "; " + work), progress.seconds(), charts);
        written.add(md);
        written.addAll(charts);
        int errors = (int) rows.values().stream().filter(r -> !r.ok()).count();
        return new Outcome(points.size(), skipped, errors, written);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** Points the results file does not have yet; its rows are kept, renumbered to this study's order. */
    private List<Point> remaining(List<Point> points, PrintWriter err) {
        Map<String, ResultRow> before = files.read();
        List<Point> todo = new ArrayList<>();
        int strangers = before.size();
        for (Point p : points) {
            ResultRow r = before.get(p.id());
            if (r == null) {
                todo.add(p);
                continue;
            }
            strangers--;
            rows.put(p.id(), r.withPoint(p.index(), r.json()));
        }
        if (strangers > 0) {
            throw new UserError(files.csv() + ": " + strangers + " of its points are not in " + spec.source()
                    + " (was the description changed?); resume into a new file, or remove those rows");
        }
        if (before.isEmpty()) err.println("kautz sweep: --resume: " + files.csv() + " has no results yet; running every point");
        return todo;
    }

    private synchronized void save() {
        files.write(rows.values());
    }
}
