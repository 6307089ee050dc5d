package kautz.cli;

import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BenchCommandTest {
    private static CliRun run(String... args) { return CliRun.of(args); }

    private static Path fullAdder(Path dir) throws Exception {
        Path f = dir.resolve("fa.bench");
        Files.writeString(f, """
                INPUT(a)
                INPUT(b)
                INPUT(c)
                OUTPUT(s)
                OUTPUT(co)
                x = XOR(a, b)
                s = XOR(x, c)
                g = AND(a, b)
                p = AND(x, c)
                co = OR(g, p)
                """);
        return f;
    }

    @Test
    void reportsOneCheckedRowPerBenchmarkForEveryScheduler(@TempDir Path dir) throws Exception {
        Path f = fullAdder(dir);
        for (String s : new String[] {"live", "simpler", "topo"}) {
            CliRun r = run("bench", f.toString(), "--scheduler", s, "--row-size", "min");
            assertEquals(0, r.code(), r.err());
            String row = r.out().lines().filter(l -> l.startsWith("fa ")).findFirst().orElseThrow();
            String[] cols = row.trim().split("\\s+");
            assertEquals("0", cols[10], "mismatches: " + row);
        }
    }

    @Test
    void jsonLinesCarryTheCounts(@TempDir Path dir) throws Exception {
        CliRun r = run("bench", fullAdder(dir).toString(), "--json", "--init", "single");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("{\"benchmark\": \"fa\"") || r.out().startsWith("{\"benchmark\":\"fa\""), r.out());
        assertTrue(r.out().contains("\"mismatches\": 0") || r.out().contains("\"mismatches\":0"), r.out());
    }

    @Test
    void tooSmallRowIsAOneLineError(@TempDir Path dir) throws Exception {
        CliRun r = run("bench", fullAdder(dir).toString(), "--row-size", "4");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("row size 4 is too small") && r.err().contains("cells are needed (a lower bound") && r.err().contains("it fits in "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void comparesWithSimplerOnReferenceNetlists() {
        Path dir = SharedBenchmarks.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, SharedBenchmarks.MISSING);
        CliRun r = run("bench", dir.resolve("nor-mapped/epfl/ctrl.v").toString(), "--row-size", "simpler", "--scheduler", "simpler");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cycles 160/160"), r.out());
    }
}
