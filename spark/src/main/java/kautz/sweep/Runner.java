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

    @Override
    void close();
}
