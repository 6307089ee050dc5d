package kautz.schedule;

import kautz.diag.UserError;

/** The program does not fit in the requested row; names the smallest row known to work when there is one. */
public final class RowTooSmallException extends UserError {
    private final int smallestWorking;

    public RowTooSmallException(int requested, int smallestWorking, String detail) {
        super("row size " + requested + " is too small" + (detail == null ? "" : " (" + detail + ")")
                + (smallestWorking > 0 ? "; the smallest row that works is " + smallestWorking : ""));
        this.smallestWorking = smallestWorking;
    }

    /** The smallest row known to work, or 0 if unknown. */
    public int smallestWorking() { return smallestWorking; }
}
