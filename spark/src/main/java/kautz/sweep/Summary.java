package kautz.sweep;

import kautz.util.AtomicFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of a study. With Monte Carlo trials, {@code NAME.summary.csv} has one row per configuration
 * (file and every axis but the trials) with mean, p5, p50 and p95 of each measure over its trials. Always,
 * {@code NAME.summary.md} tells what ran, how many points failed and why, and shows the table.
 */
public final class Summary {
    /** Longest table the Markdown summary shows; the CSV files have everything. */
    private static final int MAX_TABLE_ROWS = 400;

    private final SweepSpec spec;
    private final List<String> groupColumns = new ArrayList<>();

    public Summary(SweepSpec spec) {
        this.spec = spec;
        groupColumns.add("file");
        for (String a : spec.axes().keySet()) if (!a.equals(spec.trials())) groupColumns.add(a);
    }

    /** One configuration's trials. */
    public record Group(List<String> key, List<ResultRow> rows) {
        public int errors() { return (int) rows.stream().filter(r -> !r.ok()).count(); }

        public Stats stats(String measure) {
            return Stats.of(rows.stream().filter(ResultRow::ok).mapToDouble(r -> Measures.number(r.measures().get(measure))).toArray());
        }
    }

    public List<Group> groups(Collection<ResultRow> rows) {
        Map<List<String>, List<ResultRow>> byKey = new LinkedHashMap<>();
        List<ResultRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.point(), b.point()));
        for (ResultRow r : sorted) {
            List<String> key = new ArrayList<>();
            for (String c : groupColumns) key.add(r.value(c));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<ResultRow>> e : byKey.entrySet()) out.add(new Group(e.getKey(), e.getValue()));
        return out;
    }

    public void writeCsv(Path target, Collection<ResultRow> rows) {
        List<String> head = new ArrayList<>(groupColumns);
        head.add("points");
        head.add("errors");
        for (String m : spec.measures()) for (String s : List.of("n", "mean", "p5", "p50", "p95")) head.add(m + "." + s);
        StringBuilder sb = new StringBuilder(Csv.line(head));
        for (Group g : groups(rows)) {
            List<String> f = new ArrayList<>(g.key());
            f.add(Integer.toString(g.rows().size()));
            f.add(Integer.toString(g.errors()));
            for (String m : spec.measures()) {
                Stats s = g.stats(m);
                f.add(Integer.toString(s.n()));
                for (double v : new double[] {s.mean(), s.p5(), s.p50(), s.p95()}) f.add(Stats.csv(v));
            }
            sb.append(Csv.line(f));
        }
        AtomicFiles.writeString(target, sb.toString());
    }

    /**
     * @param how     the command line and runner, for the reader
     * @param charts  chart files to link (relative to the summary)
     */
    public void writeMarkdown(Path target, Collection<ResultRow> rows, String how, double seconds, List<Path> charts) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Sweep ").append(spec.name()).append("\n\n");
        if (!spec.description().isEmpty()) sb.append(spec.description()).append("\n\n");
        long errors = rows.stream().filter(r -> !r.ok()).count();
        sb.append("`kautz ").append(spec.command()).append("` over files (").append(spec.files().size()).append(')');
        for (Map.Entry<String, List<String>> a : spec.axes().entrySet()) {
            sb.append(" × ").append(a.getKey()).append(" (").append(a.getValue().size()).append(')');
        }
        sb.append(": ").append(rows.size()).append(" points, ").append(errors).append(errors == 1 ? " error" : " errors").append(".\n");
        sb.append("Ran on ").append(how).append(String.format(java.util.Locale.ROOT, "; the points took %.1f s.%n", seconds));
        if (!spec.options().isEmpty()) {
            sb.append("Options of every point:");
            spec.options().forEach((k, v) -> sb.append(" `--").append(k).append(v.equals(SweepSpec.FLAG_TRUE) ? "" : " " + v).append('`'));
            sb.append(".\n");
        }
        if (errors > 0) {
            sb.append("\n## Errors\n\n| points | error |\n|---:|---|\n");
            Map<String, Integer> tally = new TreeMap<>();
            for (ResultRow r : rows) if (!r.ok()) tally.merge(r.error(), 1, Integer::sum);
            tally.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(20)
                    .forEach(e -> sb.append("| ").append(e.getValue()).append(" | ").append(cell(e.getKey())).append(" |\n"));
        }
        for (Path c : charts) sb.append("\n![").append(c.getFileName()).append("](").append(c.getFileName()).append(")\n");
        sb.append('\n').append(spec.trials() != null ? table(groups(rows)) : table(rows));
        AtomicFiles.writeString(target, sb.toString());
    }

    private String table(List<Group> groups) {
        StringBuilder sb = new StringBuilder("## Over " + spec.axes().get(spec.trials()).size() + " trials: mean [p5, p50, p95]\n\n|");
        for (String c : groupColumns) sb.append(' ').append(c).append(" |");
        sb.append(" errors |");
        for (String m : spec.measures()) sb.append(' ').append(m).append(" |");
        sb.append("\n|").append("---|".repeat(groupColumns.size())).append("---:|".repeat(1 + spec.measures().size())).append('\n');
        int shown = 0;
        for (Group g : groups) {
            if (shown++ == MAX_TABLE_ROWS) break;
            sb.append('|');
            for (String k : g.key()) sb.append(' ').append(cell(k)).append(" |");
            sb.append(' ').append(g.errors()).append(" |");
            for (String m : spec.measures()) {
                Stats s = g.stats(m);
                sb.append(' ').append(s.n() == 0 ? "" : Stats.format(round(s.mean())) + " [" + Stats.format(round(s.p5())) + ", "
                        + Stats.format(round(s.p50())) + ", " + Stats.format(round(s.p95())) + "]").append(" |");
            }
            sb.append('\n');
        }
        if (groups.size() > MAX_TABLE_ROWS) sb.append("\n(first ").append(MAX_TABLE_ROWS).append(" of ").append(groups.size()).append(" rows; see the summary CSV)\n");
        return sb.toString();
    }

    private String table(Collection<ResultRow> rows) {
        List<ResultRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.point(), b.point()));
        StringBuilder sb = new StringBuilder("## Results\n\n|");
        for (String c : groupColumns) sb.append(' ').append(c).append(" |");
        for (String m : spec.measures()) sb.append(' ').append(m).append(" |");
        sb.append(" error |\n|").append("---|".repeat(groupColumns.size())).append("---:|".repeat(spec.measures().size())).append("---|\n");
        int shown = 0;
        for (ResultRow r : sorted) {
            if (shown++ == MAX_TABLE_ROWS) break;
            sb.append('|');
            for (String c : groupColumns) sb.append(' ').append(cell(r.value(c))).append(" |");
            for (String m : spec.measures()) sb.append(' ').append(cell(r.measures().getOrDefault(m, ""))).append(" |");
            sb.append(' ').append(cell(r.error())).append(" |\n");
        }
        if (sorted.size() > MAX_TABLE_ROWS) sb.append("\n(first ").append(MAX_TABLE_ROWS).append(" of ").append(sorted.size()).append(" points; see the results CSV)\n");
        return sb.toString();
    }

    private static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) return v;
        double scale = Math.pow(10, 4 - Math.ceil(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
