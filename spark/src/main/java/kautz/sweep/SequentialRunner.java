package kautz.sweep;

import java.util.List;
import java.util.function.Consumer;

/** Evaluates points one after another in this thread, without Spark: the baseline of docs/PERFORMANCE.md. */
public final class SequentialRunner implements Runner {
    @Override
    public String describe() { return "sequential, in this process"; }

    @Override
    public void run(List<Point> points, PointEvaluator evaluator, Consumer<PointResult> sink) {
        for (Point p : points) sink.accept(evaluator.evaluate(p));
    }

    @Override
    public void close() {}
}
