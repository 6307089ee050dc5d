package kautz.sweep;

import java.io.Serializable;

/**
 * What evaluating a point gave: the command's JSON report, or the error that stopped it.
 *
 * @param point   the point
 * @param report  the report exactly as {@code kautz COMMAND --json} prints it, or null on error
 * @param error   the one-line error the command printed (or the exception), or null when it succeeded
 * @param seconds wall time of the evaluation (not part of the seeded results: it varies run to run)
 */
public record PointResult(Point point, String report, String error, double seconds) implements Serializable {
    public boolean ok() { return error == null; }
}
