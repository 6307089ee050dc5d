package kautz.sweep;

import kautz.diag.UsageError;
import kautz.diag.UserError;
import org.apache.spark.SparkConf;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.runtime.BoxedUnit;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Evaluates points as a Spark job: in-process with {@code local[N]}, or on a cluster. Points are dealt round
 * robin into many small partitions so slow and fast points mix and the cores stay busy to the end; each
 * partition's results come back to the driver as soon as it finishes ({@code submitJob}'s result handler),
 * which drives the progress line and the periodic saving of results.
 */
public final class SparkRunner implements Runner {
    /** Partitions per core: enough that one slow partition does not leave the other cores idle for long. */
    private static final int PARTITIONS_PER_CORE = 8;
    /**
     * Beyond 8 per core, a partition per 64 points: a task costs about 30 ms of CPU besides its points (measured
     * with 18 ms points, docs/PERFORMANCE.md: 250 tasks of 4 such points spent 7.5 s more than 16 tasks), and
     * a long study still reports and saves its progress every 64 points per core.
     */
    private static final int MAX_POINTS_PER_PARTITION = 64;
    private static final int MAX_PARTITIONS = 20_000;

    private final JavaSparkContext sc;
    private final String master;
    private final double startSeconds;
    private final TaskTotals totals = new TaskTotals();
    private final Integer partitions;
    private long submittedTasks;

    private SparkRunner(JavaSparkContext sc, String master, double startSeconds, Integer partitions) {
        this.sc = sc;
        this.partitions = partitions;
        this.master = master;
        this.startSeconds = startSeconds;
        sc.sc().addSparkListener(totals);
    }

    /**
     * Starts a Spark session. {@code master} null means: the master spark-submit set, else {@code local[*]}.
     * {@code partitions} null means {@link #partitions(int, int)}.
     */
    public static SparkRunner start(String master, String app, Integer partitions) {
        if (partitions != null && (partitions < 1 || partitions > MAX_PARTITIONS)) {
            throw new UsageError("--tasks must lie between 1 and " + MAX_PARTITIONS + ", got " + partitions);
        }
        long t0 = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName(app);
        String m = master != null ? master : conf.get("spark.master", "local[*]");
        conf.setMaster(m);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (m.startsWith("local")) {
            // In-process: no network beyond loopback, whatever the host name resolves to.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            if (m.matches("spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?")) {
                // A master on loopback: its executors reach the driver there too, and nothing else need listen.
                conf.setIfMissing("spark.driver.host", "127.0.0.1");
                conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            }
            // Executors need Kautz's classes: ship this jar unless spark-submit already did.
            ownJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar.toString()));
            // and the deep stack ./kautz gives every command (deeply nested inputs recurse)
            conf.setIfMissing("spark.executor.extraJavaOptions", "-Xss64m");
        }
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new UsageError("--master " + m + ": cannot start Spark: " + e.getMessage());
        }
        sc.setLogLevel("ERROR");
        return new SparkRunner(sc, m, (System.nanoTime() - t0) / 1e9, partitions);
    }

    /** Seconds it took to start the Spark session. */
    public double startSeconds() { return startSeconds; }

    @Override
    public String describe() {
        return "Spark " + master + ", " + sc.defaultParallelism() + " cores, session started in "
                + String.format("%.1f s", startSeconds);
    }

    @Override
    public void run(List<Point> points, PointEvaluator evaluator, Consumer<PointResult> sink) {
        if (points.isEmpty()) return;
        int slices = partitions != null ? Math.min(partitions, points.size()) : partitions(points.size(), sc.defaultParallelism());
        submittedTasks += slices;
        JavaRDD<PointResult> results = sc.parallelize(dealt(points, slices), slices).map(evaluator::evaluate);
        LinkedBlockingQueue<List<PointResult>> arrived = new LinkedBlockingQueue<>();
        List<Object> all = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) all.add(i);
        Function1<scala.collection.Iterator<PointResult>, ArrayList<PointResult>> collect =
                (Function1<scala.collection.Iterator<PointResult>, ArrayList<PointResult>> & Serializable) it -> {
                    ArrayList<PointResult> l = new ArrayList<>();
                    while (it.hasNext()) l.add(it.next());
                    return l;
                };
        Function2<Object, ArrayList<PointResult>, BoxedUnit> handler = (index, list) -> {
            arrived.add(list);
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        SimpleFutureAction<BoxedUnit> job = sc.sc().submitJob(results.rdd(), collect,
                scala.jdk.javaapi.CollectionConverters.asScala(all).toSeq(), handler, done);
        int received = 0;
        try {
            while (received < points.size()) {
                List<PointResult> batch = arrived.poll(200, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    for (PointResult r : batch) sink.accept(r);
                    received += batch.size();
                } else if (job.isCompleted()) {
                    job.get();  // rethrows the job's failure
                    if (arrived.isEmpty()) break;
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        } catch (org.apache.spark.SparkException e) {
            throw new UserError("the Spark job failed: " + e.getMessage());
        }
    }

    /** Enough partitions for balance and a smooth progress line, small enough that task overhead stays low. */
    static int partitions(int points, int cores) {
        int byCores = PARTITIONS_PER_CORE * Math.max(1, cores);
        int bySize = (points + MAX_POINTS_PER_PARTITION - 1) / MAX_POINTS_PER_PARTITION;
        return Math.max(1, Math.min(points, Math.min(MAX_PARTITIONS, Math.max(byCores, bySize))));
    }

    /**
     * Reorders points so that Spark's contiguous slicing deals them to the partitions round robin, like
     * cards: neighbours in a study (the same file at growing rows, say) spread over all partitions.
     */
    static List<Point> dealt(List<Point> points, int slices) {
        int n = points.size();
        List<List<Point>> parts = new ArrayList<>(slices);
        int[] capacity = new int[slices];
        for (int s = 0; s < slices; s++) {
            parts.add(new ArrayList<>());
            // ParallelCollectionRDD gives slice s the positions [s·n/slices, (s+1)·n/slices).
            capacity[s] = (int) ((long) (s + 1) * n / slices - (long) s * n / slices);
        }
        int s = 0;
        for (Point p : points) {
            while (parts.get(s).size() == capacity[s]) s = (s + 1) % slices;
            parts.get(s).add(p);
            s = (s + 1) % slices;
        }
        List<Point> out = new ArrayList<>(n);
        for (List<Point> part : parts) out.addAll(part);
        return out;
    }

    @Override
    public String work() {
        totals.await(submittedTasks, 2000);
        return totals.text();
    }

    @Override
    public void close() {
        sc.stop();
    }

    private static java.util.Optional<Path> ownJar() {
        try {
            Path p = Path.of(SparkRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }
}
