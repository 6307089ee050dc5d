package kautz.sweep;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Adds up what Spark measured of the finished tasks (wherever they ran): how many, their run time and the
 * CPU time of their threads, so a study can say how busy the executors were (docs/PERFORMANCE.md).
 */
final class TaskTotals extends SparkListener {
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong runMillis = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        tasks.incrementAndGet();
        if (m == null) return;
        runMillis.addAndGet(m.executorRunTime());
        cpuNanos.addAndGet(m.executorCpuTime());
    }

    /** Waits (at most {@code millis}) until {@code n} tasks have been reported: events arrive after the job ends. */
    void await(long n, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (tasks.get() < n && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** "250 tasks, 180.2 s CPU in the task threads over 200.5 s of task time". */
    String text() {
        return String.format(Locale.ROOT, "%d tasks, %.1f s CPU in the task threads over %.1f s of task time",
                tasks.get(), cpuNanos.get() / 1e9, runMillis.get() / 1e3);
    }
}
