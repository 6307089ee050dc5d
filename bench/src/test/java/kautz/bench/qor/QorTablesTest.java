package kautz.bench.qor;

import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Recompiles every case of the committed quality-of-results tables ({@code bench/qor/*.tsv}) and fails when a
 * count (row, gates, cycles, cells) differs from the table: worse is a regression to find, better an
 * improvement to accept by regenerating the tables with {@link #COMMAND}. CPU time is never compared.
 * With {@code -Dqor.update=true} the test writes the tables instead; {@code -Dqor.tables=a,b} limits it to some.
 * Tables too slow for every build ({@link QorGrid.Table#onRequest()}) run when named or with {@code -Dqor.large=true}.
 */
@Tag("slow")
class QorTablesTest {
    /** The one command that regenerates every table (docs/PERFORMANCE.md). */
    static final String COMMAND = "mvn -B -pl bench -am test -Dtest=QorTablesTest -Dsurefire.failIfNoSpecifiedTests=false -Dqor.update=true";

    static List<String> tables() {
        String only = System.getProperty("qor.tables", "");
        Set<String> wanted = only.isBlank() ? null : new TreeSet<>(Arrays.asList(only.split(",")));
        boolean large = Boolean.getBoolean("qor.large");
        return QorGrid.tables().stream().filter(t -> wanted == null ? large || !t.onRequest() : wanted.contains(t.name()))
                .map(QorGrid.Table::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void countsMatchTheCommittedTable(String name) throws IOException {
        var shared = SharedBenchmarks.dir();
        if (shared.isEmpty()) System.err.println("QorTablesTest: " + SharedBenchmarks.MISSING);
        Assumptions.assumeTrue(shared.isPresent(), SharedBenchmarks.MISSING);
        QorGrid.Table table = QorGrid.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        Path tsv = Path.of(System.getProperty("basedir", ".")).resolve("qor").resolve(name + ".tsv");
        Map<String, QorRow> committed = QorTables.read(tsv);
        int threads = Integer.getInteger("qor.threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
        long start = System.nanoTime();
        List<QorRow> measured = new QorTables(shared.get()).measure(table, committed, threads);
        System.err.printf("QorTablesTest: table %s, %d cases in %.0f s on %d threads%n", name, measured.size(),
                (System.nanoTime() - start) / 1e9, threads);
        if (Boolean.getBoolean("qor.update")) {
            QorTables.write(tsv, table, measured, commit());
            System.err.println("QorTablesTest: wrote " + tsv);
            return;
        }
        String report = differences(tsv, committed, measured);
        if (!report.isEmpty()) fail(report);
    }

    /** What changed against the committed table, in words with the remedy; empty when every count is the same. */
    static String differences(Path tsv, Map<String, QorRow> committed, List<QorRow> measured) {
        List<String> worse = new ArrayList<>(), better = new ArrayList<>(), missing = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (QorRow now : measured) {
            String key = now.c().key();
            seen.add(key);
            QorRow was = committed.get(key);
            if (was == null) {
                missing.add(key + " (not in the table)");
                continue;
            }
            QorRow.Comparison cmp = now.against(was);
            if (!cmp.worse().isEmpty()) worse.add(key + ": " + String.join(", ", cmp.worse())
                    + (cmp.better().isEmpty() ? "" : " (better: " + String.join(", ", cmp.better()) + ")"));
            else if (!cmp.better().isEmpty()) better.add(key + ": " + String.join(", ", cmp.better()));
        }
        for (String key : committed.keySet()) if (!seen.contains(key)) missing.add(key + " (in the table, no longer in the grid)");
        if (worse.isEmpty() && better.isEmpty() && missing.isEmpty()) return "";
        StringBuilder b = new StringBuilder("quality of results differs from " + tsv + ":\n");
        if (!worse.isEmpty()) {
            b.append("WORSE in ").append(worse.size()).append(" case(s) (a regression: find the change that caused it and fix it):\n");
            worse.forEach(w -> b.append("  ").append(w).append('\n'));
        }
        if (!better.isEmpty()) {
            b.append("better in ").append(better.size()).append(" case(s):\n");
            better.forEach(w -> b.append("  ").append(w).append('\n'));
        }
        if (!missing.isEmpty()) {
            b.append("the grid and the table disagree in ").append(missing.size()).append(" case(s):\n");
            missing.forEach(w -> b.append("  ").append(w).append('\n'));
        }
        b.append(worse.isEmpty() ? "To accept" : "Only once nothing is worse, to accept")
                .append(" the new counts, regenerate the tables and commit bench/qor/*.tsv:\n  ").append(COMMAND).append('\n');
        return b.toString();
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out + (dirty() ? " with uncommitted changes" : "") : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static boolean dirty() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no", "--", "..")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return Arrays.stream(out.split("\n")).anyMatch(l -> !l.isBlank() && !l.contains("qor/"));
    }
}
