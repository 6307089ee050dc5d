package kautz.sweep;

import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.SparkStageInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Studies on a real standalone Spark cluster (a master and a worker on 127.0.0.1, started by {@code .ci/run}
 * with {@code spark/standalone.sh}): the rows equal those of the same study run one point after another, and
 * an executor killed in the middle of a study loses no point and duplicates none once the study is resumed.
 * Runs when {@code KAUTZ_SPARK_MASTER} names a master (docs/sweeps.md, "Trying a cluster on one machine"),
 * after {@code mvn package} has built {@code spark/target/kautz-sweep.jar}, which the executors load Kautz from;
 * otherwise it skips with a message.
 */
class ClusterSweepTest {
    @TempDir Path dir;
    private String master;
    private Path jar;

    @BeforeEach
    void cluster() {
        master = System.getenv("KAUTZ_SPARK_MASTER");
        Assumptions.assumeTrue(master != null, "set KAUTZ_SPARK_MASTER=spark://127.0.0.1:7077 (spark/standalone.sh start) to run it");
        jar = Path.of("target/kautz-sweep.jar").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "build the jar first: mvn -pl spark -am package");
    }

    @Test
    void aStudyOnAStandaloneClusterMatchesTheSequentialRun() throws Exception {
        Path spec = study(3, 5);
        StringWriter err = new StringWriter();
        assertEquals(0, onCluster(spec, "c.csv", err), err.toString());
        assertTrue(err.toString().contains("on Spark " + master), err.toString());
        assertEquals(sequential(spec), rowsById(dir.resolve("c.csv"), 2 * 2 * 2 * 3));
    }

    /**
     * Fault injection: the executor is killed (SIGKILL) once some of the study's tasks have finished and
     * others have not. Spark reruns the lost tasks on the executor the worker starts in its place; whatever
     * the first run ends with, {@code --resume} completes the study, and every point is then there exactly once
     * with the row the sequential run gives.
     */
    @Test
    void anExecutorKilledInTheMiddleOfAStudyLosesNoPointAndDuplicatesNone() throws Exception {
        int points = 2 * 2 * 2 * 12;
        Path spec = study(12, 20);
        ExecutorService background = Executors.newSingleThreadExecutor();
        StringWriter err = new StringWriter();
        try {
            Future<Integer> first = background.submit(() -> onCluster(spec, "k.csv", err));
            long killed = killExecutorMidStudy(first);
            assertTrue(killed > 0, "no executor was killed in the middle of the study: " + err);
            int code = first.get(10, TimeUnit.MINUTES);
            StringWriter resumeErr = new StringWriter();
            assertEquals(0, onCluster(spec, "k.csv", resumeErr, "--resume"), resumeErr.toString());
            System.out.println("killed executor pid " + killed + "; the first run exited " + code + "; " + lastLine(resumeErr));
        } finally {
            background.shutdownNow();
        }
        assertEquals(sequential(spec), rowsById(dir.resolve("k.csv"), points));
    }

    /** Waits until the study's stage has finished some tasks but not all, then kills this application's executors. */
    private static long killExecutorMidStudy(Future<Integer> run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && !run.isDone()) {
            Option<SparkContext> active = SparkContext$.MODULE$.getActive();
            if (active.isDefined()) {
                SparkContext sc = active.get();
                for (int stage : sc.statusTracker().getActiveStageIds()) {
                    Option<SparkStageInfo> info = sc.statusTracker().getStageInfo(stage);
                    if (info.isDefined() && info.get().numCompletedTasks() >= 1
                            && info.get().numCompletedTasks() < info.get().numTasks() / 2) {
                        Optional<ProcessHandle> executor = executorOf(sc.applicationId());
                        if (executor.isPresent()) {
                            executor.get().destroyForcibly();
                            return executor.get().pid();
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** The executor JVM the worker started for this application (its command line names the application). */
    private static Optional<ProcessHandle> executorOf(String appId) {
        return ProcessHandle.allProcesses().filter(p -> {
            String cmd = p.info().commandLine().orElse("");
            return cmd.contains("CoarseGrainedExecutorBackend") && cmd.contains("--app-id " + appId);
        }).findFirst();
    }

    /** Two kernels x two schedulers x two devices x {@code trials} seeds, {@code runs} runs of 16 rows each. */
    private Path study(int trials, int runs) throws Exception {
        Fixtures.write(dir, "c/addmux.kz", Fixtures.KERNEL);
        Fixtures.write(dir, "c/x.kz", Fixtures.XOR);
        return Fixtures.write(dir, "s" + trials + ".json", """
                {"name": "cluster", "command": "run", "files": ["c/*.kz"],
                 "axes": {"scheduler": ["topo", "simpler"], "device": ["hfo2-1t1r", "ito-bisno2-tin"]},
                 "trials": {"count": %d}, "options": {"rows": 16, "runs": %d},
                 "measures": ["cycles", "energyPJ", "lifetimeRuns", "maxCellWrites"], "timeout": 300}""".formatted(trials, runs));
    }

    private int onCluster(Path spec, String csv, StringWriter err, String... more) {
        List<String> args = new ArrayList<>(List.of(spec.toString(), "-o", dir.resolve(csv).toString(), "--master", master));
        args.addAll(List.of(more));
        String before = System.getProperty("spark.jars");
        System.setProperty("spark.jars", jar.toString());
        try {
            return SweepMain.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        } finally {
            if (before == null) System.clearProperty("spark.jars");
            else System.setProperty("spark.jars", before);
        }
    }

    private Map<String, List<String>> sequential(Path spec) throws Exception {
        Path csv = dir.resolve(spec.getFileName() + ".sequential.csv");
        assertEquals(0, SweepMain.run(new String[] {spec.toString(), "-o", csv.toString(), "--sequential"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        return rowsById(csv, -1);
    }

    private static String lastLine(StringWriter w) {
        String[] lines = w.toString().strip().split("\n");
        return lines[lines.length - 1];
    }

    /**
     * Rows by point id, without the wall time (the only column that varies run to run); with {@code expected}
     * at least 0, checks that there are that many rows and no point id twice.
     */
    private static Map<String, List<String>> rowsById(Path csv, int expected) throws Exception {
        List<List<String>> rows = Csv.parse(csv.toString(), Files.readString(csv));
        int id = rows.get(0).indexOf("id");
        int seconds = rows.get(0).indexOf("seconds");
        Map<String, List<String>> byId = new TreeMap<>();
        HashSet<String> seen = new HashSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertTrue(seen.add(r.get(id)), csv + ": point " + r.get(id) + " appears twice");
            List<String> copy = new ArrayList<>(r);
            copy.remove(seconds);
            byId.put(r.get(id), copy);
        }
        if (expected >= 0) assertEquals(expected, byId.size(), csv + ": rows");
        return byId;
    }
}
