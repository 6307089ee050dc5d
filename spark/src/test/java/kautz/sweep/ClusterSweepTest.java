package kautz.sweep;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in: a study on a real standalone Spark cluster gives the same rows as the same study run one point
 * after another. Runs only when {@code KAUTZ_SPARK_MASTER} names a master (docs/sweeps.md, "Trying a cluster on
 * one machine"), after {@code mvn package} has built {@code spark/target/kautz-sweep.jar}, which the executors
 * load Kautz from.
 */
class ClusterSweepTest {
    @TempDir Path dir;

    @Test
    void aStudyOnAStandaloneClusterMatchesTheSequentialRun() throws Exception {
        String master = System.getenv("KAUTZ_SPARK_MASTER");
        Assumptions.assumeTrue(master != null, "set KAUTZ_SPARK_MASTER=spark://127.0.0.1:7077 (spark/standalone.sh start) to run it");
        Path jar = Path.of("target/kautz-sweep.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "build the jar first: mvn -pl spark -am package");
        Fixtures.write(dir, "c/addmux.kz", Fixtures.KERNEL);
        Fixtures.write(dir, "c/x.kz", Fixtures.XOR);
        Path spec = Fixtures.write(dir, "s.json", """
                {"name": "cluster", "command": "run", "files": ["c/*.kz"],
                 "axes": {"scheduler": ["topo", "simpler"], "device": ["hfo2-1t1r", "ito-bisno2-tin"]},
                 "trials": {"count": 3}, "options": {"rows": 16, "runs": 5},
                 "measures": ["cycles", "energyPJ", "lifetimeRuns", "maxCellWrites"], "timeout": 300}""");
        String before = System.getProperty("spark.jars");
        System.setProperty("spark.jars", jar.toString());
        StringWriter err = new StringWriter();
        try {
            assertEquals(0, SweepMain.run(new String[] {spec.toString(), "-o", dir.resolve("c.csv").toString(), "--master", master},
                    new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        } finally {
            if (before == null) System.clearProperty("spark.jars");
            else System.setProperty("spark.jars", before);
        }
        assertTrue(err.toString().contains("on Spark " + master), err.toString());
        assertEquals(0, SweepMain.run(new String[] {spec.toString(), "-o", dir.resolve("s.csv").toString(), "--sequential"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        Map<String, List<String>> cluster = rowsById(dir.resolve("c.csv"));
        assertEquals(2 * 2 * 2 * 3, cluster.size());
        assertEquals(rowsById(dir.resolve("s.csv")), cluster);
    }

    /** Rows by point id, without the wall time (the only column that varies run to run). */
    private static Map<String, List<String>> rowsById(Path csv) throws Exception {
        List<List<String>> rows = Csv.parse(csv.toString(), Files.readString(csv));
        int id = rows.get(0).indexOf("id");
        int seconds = rows.get(0).indexOf("seconds");
        Map<String, List<String>> byId = new TreeMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            List<String> copy = new java.util.ArrayList<>(r);
            copy.remove(seconds);
            byId.put(r.get(id), copy);
        }
        return byId;
    }
}
