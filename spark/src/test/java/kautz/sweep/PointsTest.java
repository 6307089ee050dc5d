package kautz.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PointsTest {
    @TempDir Path dir;

    @Test
    void filesOutermostLastAxisFastestAndTheCommandLineOfEach() throws IOException {
        Path x = Fixtures.write(dir, "x.kz", Fixtures.XOR);
        SweepSpec s = SpecParser.parse(dir.resolve("s.json"), """
                {"command": "compile", "files": ["x.kz"], "options": {"remap": true, "init": "bulk"},
                 "axes": {"scheduler": ["topo", "simpler"], "row-size": ["min", 30]}}""");
        List<Point> points = Points.expand(s);
        assertEquals(4, points.size());
        assertEquals(List.of("topo/min", "topo/30", "simpler/min", "simpler/30"),
                points.stream().map(p -> p.axes().get("scheduler") + "/" + p.axes().get("row-size")).toList());
        assertEquals(List.of("compile", x.toString(), "--remap", "--init", "bulk", "--scheduler", "simpler", "--row-size", "30", "--json"),
                points.get(3).args());
        for (int i = 0; i < points.size(); i++) assertEquals(i, points.get(i).index());
        assertEquals(4, new HashSet<>(points.stream().map(Point::id).toList()).size());
    }

    @Test
    void idDependsOnWhatIsComputedNotOnOptionOrder() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("seed", "1");
        a.put("target", "imply");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("target", "imply");
        b.put("seed", "1");
        assertEquals(Points.id("run", "x.kz", a), Points.id("run", "x.kz", b));
        b.put("seed", "2");
        assertNotEquals(Points.id("run", "x.kz", a), Points.id("run", "x.kz", b));
        assertNotEquals(Points.id("run", "x.kz", a), Points.id("compile", "x.kz", a));
        assertEquals(16, Points.id("run", "x.kz", a).length());
    }

    @Test
    void sparkPartitionsGetPointsRoundRobinAndKeepThemAll() {
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) points.add(new Point(i, "id" + i, "f", new LinkedHashMap<>(), List.of()));
        List<Point> dealt = SparkRunner.dealt(points, 5);
        assertEquals(new HashSet<>(points), new HashSet<>(dealt));
        // Spark's slice 0 is positions [0, 4): the points 0, 5, 10, 15.
        assertEquals(List.of(0, 5, 10, 15), dealt.subList(0, 4).stream().map(Point::index).toList());
        assertEquals(16, SparkRunner.partitions(1000, 2));
        assertEquals(79, SparkRunner.partitions(5000, 2));
        // --tasks out of range stops before Spark starts
        assertEquals("--tasks must lie between 1 and 20000, got 0",
                org.junit.jupiter.api.Assertions.assertThrows(kautz.diag.UserError.class, () -> SparkRunner.start("local[1]", "t", 0)).getMessage());
        assertEquals(3, SparkRunner.partitions(3, 2));
        assertEquals(16, SparkRunner.partitions(40, 2));
    }
}
