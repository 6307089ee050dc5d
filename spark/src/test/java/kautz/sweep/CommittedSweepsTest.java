package kautz.sweep;

import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The sweep results kept in docs/sweeps are what the sweep writes today from their own reports: every number
 * in one format at full precision (no {@code 128480.0} beside {@code 128336.4}, no {@code 2.01632e+06}, no
 * summary rounded to 6 digits). {@code -Dsweeps.update=true} rewrites the CSV files from the .jsonl reports
 * beside them (review the diff: only the way numbers are written may change).
 */
class CommittedSweepsTest {
    @Test
    void committedResultsAreWrittenAsTheSweepWritesThem() throws IOException {
        Path samples = Path.of("..", "samples", "sweeps");
        List<String> checked = new ArrayList<>();
        try (Stream<Path> specs = Files.list(samples)) {
            for (Path specFile : specs.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                SweepSpec spec;
                try {
                    spec = SpecParser.read(specFile);
                } catch (kautz.diag.UserError e) {
                    if (SharedBenchmarks.dir().isPresent()) throw e;
                    System.out.println(specFile + ": not checked: " + SharedBenchmarks.MISSING);
                    continue;
                }
                if (spec.output() == null || !Files.exists(spec.output())) continue;
                check(spec, spec.output());
                checked.add(specFile.getFileName().toString());
            }
        }
        assertFalse(checked.isEmpty(), "no committed sweep results found");
    }

    private static void check(SweepSpec spec, Path csv) throws IOException {
        ResultsFiles files = new ResultsFiles(csv, List.copyOf(spec.axes().keySet()), spec.measures());
        Map<String, ResultRow> rows = files.read();
        assertFalse(rows.isEmpty(), csv.toString());
        Path dir = Files.createTempDirectory("kautz-committed-sweep");
        try {
            ResultsFiles fresh = new ResultsFiles(dir.resolve(csv.getFileName()), List.copyOf(spec.axes().keySet()), spec.measures());
            fresh.write(rows.values());
            Path summary = files.sibling("summary.csv");
            if (Files.exists(summary)) new Summary(spec).writeCsv(fresh.sibling("summary.csv"), rows.values());
            List<Path[]> pairs = new ArrayList<>();
            pairs.add(new Path[] {csv, fresh.csv()});
            if (Files.exists(summary)) pairs.add(new Path[] {summary, fresh.sibling("summary.csv")});
            for (Path[] pair : pairs) {
                String want = Files.readString(pair[1]), have = Files.readString(pair[0]);
                if (Boolean.getBoolean("sweeps.update") && !want.equals(have)) Files.writeString(pair[0], want);
                else assertEquals(want, have, pair[0] + " is not written as the sweep writes it (-Dsweeps.update=true rewrites it)");
            }
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }
}
