package kautz.sweep;

import java.io.Serializable;

/** Evaluates one point. Implementations are sent to Spark executors, so they are serializable and stateless. */
@FunctionalInterface
public interface PointEvaluator extends Serializable {
    /** Never throws for a failing point: a failure is a result with its error. */
    PointResult evaluate(Point point);
}
