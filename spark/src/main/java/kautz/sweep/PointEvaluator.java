package kautz.sweep;

import java.io.Serializable;

/** Evaluates one point. Implementations are sent to Spark executors, so they are serializable and stateless. */
@FunctionalInterface
public interface PointEvaluator extends Serializable {
    /** Never throws for a failing point: a failure is a result with its error. */
    PointResult evaluate(Point point);

    /** What the evaluator can say about its work in this JVM, for the study's last line; may be empty. */
    default String work() { return ""; }
}
