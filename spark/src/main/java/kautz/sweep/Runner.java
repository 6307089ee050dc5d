package kautz.sweep;

import java.util.List;
import java.util.function.Consumer;

/** Evaluates a study's points somewhere (this thread, a local Spark, a cluster) and hands results back. */
public interface Runner extends AutoCloseable {
    /** One phrase for the progress line ("Spark local[2], 2 cores"). */
    String describe();

    /**
     * Evaluates every point; {@code sink} is called on the calling thread, once per point, in completion
     * order, as results arrive (so the caller can save progress while the study runs).
     */
    void run(List<Point> points, PointEvaluator evaluator, Consumer<PointResult> sink);

    /**
     * After {@link #run}: where the time went, as one phrase ("250 tasks, 180 s CPU in the task threads over
     * 200 s of task time"), or empty. Task-thread CPU leaves out the JIT compiler and the garbage collector.
     */
    default String work() { return ""; }

    @Override
    void close();
}
