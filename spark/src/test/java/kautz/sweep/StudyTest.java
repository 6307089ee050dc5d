package kautz.sweep;

import kautz.diag.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The study without Spark: results files, error rows, resume, summary over trials, charts. */
class StudyTest {
    @TempDir Path dir;

    private SweepSpec spec(String axes) throws IOException {
        Fixtures.write(dir, "addmux.kz", Fixtures.KERNEL);
        return SpecParser.parse(dir.resolve("s.json"), """
                {"name": "t", "command": "compile", "files": ["addmux.kz"], "axes": %s,
                 "measures": ["rowSize", "cycles", "cells"],
                 "charts": [{"kind": "lines", "x": "rowSize", "y": "cycles", "series": "scheduler"},
                            {"kind": "distribution", "y": "cycles", "series": "scheduler"}]}""".formatted(axes));
    }

    private static Study.Outcome run(SweepSpec s, Path csv, boolean resume, PointEvaluator e) {
        return new Study(s, csv).run(resume, new SequentialRunner(), e, new PrintWriter(new StringWriter()), false);
    }

    /** The real evaluator, counting its calls (the points that ran rather than being resumed). */
    private static PointEvaluator counting(AtomicInteger calls) {
        return p -> {
            calls.incrementAndGet();
            return new CliEvaluator().evaluate(p);
        };
    }

    @Test
    void aFailingPointIsARowWithItsErrorAndResumeSkipsWhatIsDone() throws IOException {
        SweepSpec small = spec("{\"scheduler\": [\"topo\", \"simpler\"], \"row-size\": [10, 30]}");
        Path csv = dir.resolve("out/r.csv");
        AtomicInteger calls = new AtomicInteger();
        PointEvaluator counting = counting(calls);
        Study.Outcome first = run(small, csv, false, counting);
        assertEquals(4, first.points());
        assertEquals(2, first.errors());
        assertEquals(4, calls.get());
        List<List<String>> rows = Csv.parse("r.csv", Files.readString(csv));
        assertEquals(List.of("point", "id", "file", "scheduler", "row-size", "status", "error", "seconds", "rowSize", "cycles", "cells"), rows.get(0));
        assertEquals("error", rows.get(1).get(5));
        assertTrue(rows.get(1).get(6).startsWith("row size 10 is too small"), rows.get(1).get(6));
        assertEquals("ok", rows.get(2).get(5));
        assertEquals("30", rows.get(2).get(8));
        assertEquals(4, Files.readAllLines(dir.resolve("out/r.jsonl")).size());
        assertTrue(Files.readString(dir.resolve("out/r.jsonl")).contains("\"report\": {\"kernel\": \"addmux\""));

        // A bigger study over the same file: only the new points run, the old rows are kept as they were.
        SweepSpec bigger = spec("{\"scheduler\": [\"topo\", \"simpler\"], \"row-size\": [10, 30, 40]}");
        calls.set(0);
        Study.Outcome second = run(bigger, csv, true, counting);
        assertEquals(2, calls.get());
        assertEquals(4, second.skipped());
        List<List<String>> after = Csv.parse("r.csv", Files.readString(csv));
        assertEquals(7, after.size());
        assertEquals(rows.get(2).subList(1, 8), after.get(2).subList(1, 8));
        assertEquals(6, Files.readAllLines(dir.resolve("out/r.jsonl")).size());

        // Resuming into results of another study is refused rather than mixing them.
        SweepSpec other = spec("{\"scheduler\": [\"topo\"], \"row-size\": [50]}");
        assertTrue(assertThrows(UserError.class, () -> run(other, csv, true, counting)).getMessage().contains("6 of its points are not in"));
    }

    @Test
    void trialsAreSummarisedAndChartsAreWellFormedSvg() throws Exception {
        Fixtures.write(dir, "addmux.kz", Fixtures.KERNEL);
        SweepSpec s = SpecParser.parse(dir.resolve("s.json"), """
                {"name": "mc", "command": "compile", "files": ["addmux.kz"], "axes": {"scheduler": ["topo", "simpler"]},
                 "trials": {"count": 4, "seed": 1}, "measures": ["cycles", "cells"],
                 "charts": [{"kind": "distribution", "y": "cycles", "series": "scheduler", "name": "dist"}]}""");
        // Trials of a compile do not vary, so a synthetic evaluator gives each trial its own number.
        PointEvaluator synthetic = p -> new PointResult(p, "{\"cycles\": " + (10 * Integer.parseInt(p.axes().get("seed"))
                + (p.axes().get("scheduler").equals("topo") ? 0 : 1)) + ", \"cells\": \"unbounded\"}", null, 0.0);
        Study.Outcome o = run(s, dir.resolve("mc.csv"), false, synthetic);
        assertEquals(8, o.points());
        List<List<String>> summary = Csv.parse("s", Files.readString(dir.resolve("mc.summary.csv")));
        assertEquals(List.of("file", "scheduler", "points", "errors", "cycles.n", "cycles.mean", "cycles.p5", "cycles.p50", "cycles.p95",
                "cells.n", "cells.mean", "cells.p5", "cells.p50", "cells.p95"), summary.get(0));
        // topo: cycles 10, 20, 30, 40 -> mean 25, p5 11.5, p50 25, p95 38.5; cells are not numbers.
        assertEquals(List.of("addmux.kz", "topo", "4", "0", "4", "25", "11.5", "25", "38.5", "0", "", "", "", ""), summary.get(1));
        assertEquals("26", summary.get(2).get(5));
        String md = Files.readString(dir.resolve("mc.summary.md"));
        assertTrue(md.contains("| addmux.kz | topo | 0 | 25 [11.5, 25, 38.5] |  |"), md);
        String svg = Files.readString(dir.resolve("mc.dist.svg"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes()));
        assertEquals(2, svg.split("<polyline").length - 1);
        assertTrue(svg.contains("n=4, median 25"));
        assertFalse(Files.exists(dir.resolve("mc.summary.csv.tmp")));
    }

    @Test
    void resumeRerunsRowsThatCannotBeDoneAndRefusesDuplicatePoints() throws IOException {
        SweepSpec small = spec("{\"scheduler\": [\"topo\", \"simpler\"], \"row-size\": [30]}");
        Path csv = dir.resolve("r.csv");
        AtomicInteger calls = new AtomicInteger();
        PointEvaluator counting = counting(calls);
        run(small, csv, false, counting);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).contains(",ok,,"), lines.get(1));

        // an ok row turned into status=error without an error text: not done, so it runs again, named
        Files.write(csv, List.of(lines.get(0), lines.get(1).replace(",ok,,", ",error,,"), lines.get(2)));
        StringWriter warnings = new StringWriter();
        PrintWriter previous = kautz.diag.Warnings.install(new PrintWriter(warnings));
        try {
            calls.set(0);
            Study.Outcome o = run(small, csv, true, counting);
            assertEquals(1, calls.get());
            assertEquals(1, o.skipped());
        } finally {
            kautz.diag.Warnings.restore(previous);
        }
        assertTrue(warnings.toString().startsWith("kautz: warning: " + csv + ": record 2 (point "), warnings.toString());
        assertTrue(warnings.toString().contains("): status error without an error text; the point runs again"), warnings.toString());

        // the same point twice: which row is right cannot be told, so resume refuses
        lines = Files.readAllLines(csv);
        Files.write(csv, List.of(lines.get(0), lines.get(1), lines.get(2), lines.get(1)));
        UserError e = assertThrows(UserError.class, () -> run(small, csv, true, counting));
        assertTrue(e.getMessage().startsWith(csv + ": records 2 and 4 are both point "), e.getMessage());
    }
}
