package kautz.schedule;

import kautz.diag.UserError;

/**
 * The program does not fit in the requested row. Names the smallest row the scheduler fits it in when that
 * is known; when finding it would cost a search of its own, names a row found to work and a lower bound
 * instead, each stated as what it is.
 */
public final class RowTooSmallException extends UserError {
    private final int smallestWorking;
    private final int foundWorking;
    private final int lowerBound;

    /** The smallest row that works is known ({@code smallestWorking}; 0 if unknown). */
    public RowTooSmallException(int requested, int smallestWorking, String detail) {
        this("row size " + requested + " is too small" + (detail == null ? "" : " (" + detail + ")")
                + (smallestWorking > 0 ? "; the smallest row that works is " + smallestWorking : ""), smallestWorking, smallestWorking, 0);
    }

    private RowTooSmallException(String message, int smallestWorking, int foundWorking, int lowerBound) {
        super(message);
        this.smallestWorking = smallestWorking;
        this.foundWorking = foundWorking;
        this.lowerBound = lowerBound;
    }

    /**
     * No row below {@code lowerBound} can work, whatever the scheduler does; {@code foundWorking} (0 if none)
     * is a row this scheduler was found to fit in, {@code foundHow} says how (it need not be the least).
     */
    public static RowTooSmallException bounded(int requested, int lowerBound, String why, int foundWorking, String foundHow, String detail) {
        String bound = lowerBound > requested ? "; at least " + lowerBound + " cells are needed (a lower bound: " + why + ")" : "";
        String found = foundWorking > 0 ? "; it fits in " + foundWorking + " cells (" + foundHow + ")" : "";
        return new RowTooSmallException("row size " + requested + " is too small" + (detail == null ? "" : " (" + detail + ")") + bound + found,
                0, foundWorking, lowerBound > requested ? lowerBound : 0);
    }

    /** The smallest row known to work, or 0 if unknown. */
    public int smallestWorking() { return smallestWorking; }

    /** A row known to work (the smallest, when that is known), or 0 if none is known. */
    public int foundWorking() { return foundWorking; }

    /** A row size below which nothing can work, when it refutes the requested row; else 0. */
    public int lowerBound() { return lowerBound; }

    /** For tables: "1126" (the smallest), or what is known: "<=1130" (found to work), ">=2435" (lower bound), or both. */
    public String needs() {
        if (smallestWorking > 0) return Integer.toString(smallestWorking);
        String bound = lowerBound > 0 ? ">=" + lowerBound : "";
        String found = foundWorking > 0 ? "<=" + foundWorking : "";
        return bound.isEmpty() && found.isEmpty() ? "?" : bound.isEmpty() || found.isEmpty() ? bound + found : bound + ", " + found;
    }
}
