package kautz.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Evaluates points one after another in this thread, without Spark: the baseline of docs/PERFORMANCE.md. */
public final class SequentialRunner implements Runner {
    @Override
    public String describe() { return "sequential, in this process"; }

    private long cpuNanos;
    private long wallNanos;

    @Override
    public void run(List<Point> points, PointEvaluator evaluator, Consumer<PointResult> sink) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long cpu0 = bean.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (Point p : points) sink.accept(evaluator.evaluate(p));
        cpuNanos += bean.getCurrentThreadCpuTime() - cpu0;
        wallNanos += System.nanoTime() - wall0;
    }

    @Override
    public String work() {
        return String.format(Locale.ROOT, "%.1f s CPU in the evaluating thread over %.1f s", cpuNanos / 1e9, wallNanos / 1e9);
    }

    @Override
    public void close() {}
}
