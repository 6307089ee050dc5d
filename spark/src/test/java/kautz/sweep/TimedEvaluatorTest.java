package kautz.sweep;

import kautz.cli.Main;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-point timeout: a point that runs too long becomes an error row and the study goes on. */
class TimedEvaluatorTest {
    @TempDir Path dir;

    /** Busy for {@code seconds} of wall time without looking at its interrupt flag, as a long compile is. */
    private static PointResult busy(Point p, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) Thread.onSpinWait();
        return new PointResult(p, "{\"cycles\": 99}", null, seconds);
    }

    private static Point point(int index) {
        return new Point(index, "id" + index, "f", new LinkedHashMap<>(), List.of("compile"));
    }

    private static void awaitNoAbandoned() throws InterruptedException {
        for (int i = 0; i < 2400 && TimedEvaluator.abandonedRunning() > 0; i++) Thread.sleep(25);
        assertEquals(0, TimedEvaluator.abandonedRunning(), "an abandoned point ends by itself");
    }

    @Test
    void aPointOverTheLimitIsAnErrorRowAndTheStudyGoesOnWithoutIt() throws Exception {
        awaitNoAbandoned();
        Fixtures.write(dir, "addmux.kz", Fixtures.KERNEL);
        SweepSpec s = SpecParser.parse(dir.resolve("s.json"), """
                {"name": "t", "command": "compile", "files": ["addmux.kz"], "axes": {"scheduler": ["topo", "simpler", "live"]},
                 "measures": ["cycles"]}""");
        PointEvaluator inner = p -> p.axes().get("scheduler").equals("simpler") ? busy(p, 3)
                : new PointResult(p, "{\"cycles\": 7}", null, 0);
        long start = System.nanoTime();
        Study.Outcome o = new Study(s, dir.resolve("t.csv")).run(false, new SequentialRunner(), new TimedEvaluator(inner, 0.3, 4),
                new PrintWriter(new StringWriter()), false);
        assertTrue((System.nanoTime() - start) / 1e9 < 2.5, "the study did not wait for the slow point");
        assertEquals(1, TimedEvaluator.abandonedRunning(), "the slow point runs on in the background");
        assertEquals(3, o.points());
        assertEquals(1, o.errors());
        List<List<String>> rows = Csv.parse("t.csv", Files.readString(dir.resolve("t.csv")));
        List<String> head = rows.get(0);
        assertEquals(List.of("ok", "error", "ok"), rows.subList(1, 4).stream().map(r -> r.get(head.indexOf("status"))).toList());
        assertEquals("timed out after 0.3 s (the sweep's point timeout)", rows.get(2).get(head.indexOf("error")));
        assertEquals("", rows.get(2).get(head.indexOf("cycles")), "the abandoned point's late result is dropped");
        assertEquals("7", rows.get(3).get(head.indexOf("cycles")));
        awaitNoAbandoned();
    }

    @Test
    void aPointWaitsWhileTooManyAbandonedPointsStillRun() throws Exception {
        awaitNoAbandoned();
        TimedEvaluator e = new TimedEvaluator(p -> p.index() == 0 ? busy(p, 1.5) : new PointResult(p, "{}", null, 0), 0.2, 1);
        assertEquals(TimedEvaluator.message(0.2), e.evaluate(point(0)).error());
        long start = System.nanoTime();
        assertTrue(e.evaluate(point(1)).ok());
        assertTrue((System.nanoTime() - start) / 1e9 > 0.8, "point 1 waited for the abandoned point 0 to end");
        assertEquals(0, TimedEvaluator.abandonedRunning());
    }

    @Test
    void aPointWithinTheLimitIsUnchanged() {
        PointResult r = new PointResult(point(0), "{\"cycles\": 3}", null, 0.25);
        assertEquals(r, new TimedEvaluator(q -> r, 60).evaluate(point(0)));
        PointResult failed = new TimedEvaluator(q -> { throw new IllegalStateException("boom"); }, 60).evaluate(point(0));
        assertEquals("exception: java.lang.IllegalStateException: boom", failed.error());
    }

    @Test
    @Tag("slow")
    void aRealRunOverTheLimitIsAnErrorRowAndKautzStillWorksBesideIt() throws Exception {
        Fixtures.write(dir, "addmux.kz", Fixtures.KERNEL);
        // 40,000 runs on the device engine take seconds (about 40 µs each); the description allows a day, the command line 0.5 s.
        Path spec = Fixtures.write(dir, "long.json", """
                {"name": "long", "command": "run", "files": ["addmux.kz"], "axes": {"runs": [40000]},
                 "options": {"device": "hfo2-1t1r", "rows": 8}, "measures": ["lifetimeRuns"], "timeout": 86400}""");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SweepMain.run(new String[] {spec.toString(), "-o", dir.resolve("long.csv").toString(), "--sequential", "--point-timeout", "0.5"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("sweep long: 1 point, 1 error"), out.toString());
        List<List<String>> rows = Csv.parse("long.csv", Files.readString(dir.resolve("long.csv")));
        assertEquals("timed out after 0.5 s (the sweep's point timeout)", rows.get(1).get(rows.get(0).indexOf("error")));

        StringWriter o = new StringWriter();
        assertEquals(0, Main.run(new String[] {"run", dir.resolve("addmux.kz").toString(), "--device", "hfo2-1t1r", "--rows", "8", "--json"},
                new PrintWriter(o), new PrintWriter(new StringWriter())));
        assertTrue(o.toString().contains("\"mismatches\": 0"), o.toString());

        StringWriter err2 = new StringWriter();
        assertEquals(2, SweepMain.run(new String[] {spec.toString(), "--point-timeout", "0"}, new PrintWriter(new StringWriter()), new PrintWriter(err2)));
        assertEquals("kautz: --point-timeout must be more than 0 and at most 31536000 seconds, got 0\n", err2.toString());
        awaitNoAbandoned();
    }
}
