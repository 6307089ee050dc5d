package kautz.device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wear of an array after some runs: writes (pulses) per cell, the hottest cell, a histogram of writes in
 * power-of-two buckets, and lifetime estimates in runs of what was executed so far.
 *
 * <p>{@code lifetimeRuns} is min over cells of ⌊budget / switches⌋, each cell's own drawn endurance budget
 * against the switches it took: how many repetitions until the first cell wears out.
 * {@code lifetimeRunsLevelled} assumes the program's cells are rotated through its row between runs (wear
 * levelling): each cell then takes its row's mean switches per run.
 *
 * @param maxCellWrites   pulses applied to the hottest cell
 * @param hottestRow      row of the hottest cell
 * @param hottestCol      column of the hottest cell
 * @param maxCellSwitches most state changes of any cell
 * @param histogram       "lo-hi" write counts → number of cells
 * @param lifetimeRuns    runs until the first cell wears out (Long.MAX_VALUE if nothing switched)
 * @param lifetimeRunsLevelled the same with row rotation
 * @param stuckCells      cells already worn out
 */
public record WearStats(long maxCellWrites, int hottestRow, int hottestCol, int maxCellSwitches,
                        Map<String, Long> histogram, long lifetimeRuns, long lifetimeRunsLevelled, long stuckCells) {

    /** Wear of {@code xb}; {@code rotated} is how many leading columns wear levelling rotates. */
    public static WearStats of(Crossbar xb, int rotated, long runs) {
        int rows = xb.rows();
        int cols = xb.cols();
        long max = -1;
        int hr = 0, hc = 0, maxSw = 0;
        long[] buckets = new long[64];
        double lifetime = Double.POSITIVE_INFINITY;
        double[] rowSwitches = new double[rows];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                long wr = xb.writes(c, r);
                if (wr > max) {
                    max = wr;
                    hr = r;
                    hc = c;
                }
                buckets[wr == 0 ? 0 : 64 - Long.numberOfLeadingZeros(wr)]++;
                int sw = xb.switches(c, r);
                maxSw = Math.max(maxSw, sw);
                if (sw > 0) lifetime = Math.min(lifetime, (double) xb.budget(c, r) / sw);
                if (c < rotated) rowSwitches[r] += sw;
            }
        }
        double levelled = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                double sw = c < rotated ? rowSwitches[r] / rotated : xb.switches(c, r);
                if (sw > 0) levelled = Math.min(levelled, xb.budget(c, r) / sw);
            }
        }
        Map<String, Long> hist = new LinkedHashMap<>();
        for (int b = 0; b < 64; b++) {
            if (buckets[b] == 0) continue;
            long lo = b == 0 ? 0 : 1L << (b - 1);
            long hi = b == 0 ? 0 : (1L << b) - 1;
            hist.put(lo == hi ? Long.toString(lo) : lo + "-" + hi, buckets[b]);
        }
        return new WearStats(Math.max(0, max), hr, hc, maxSw, hist, runs(lifetime, runs), runs(levelled, runs), xb.stuckCells());
    }

    // Budget/switches measured over `runs` runs, in runs.
    private static long runs(double perMeasured, long runs) {
        if (Double.isInfinite(perMeasured)) return Long.MAX_VALUE;
        return (long) Math.floor(perMeasured * runs);
    }
}
