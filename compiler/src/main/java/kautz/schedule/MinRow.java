package kautz.schedule;

import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.target.GateFamily;

/**
 * {@code --row-size min}: the smallest row a scheduler fits the program in, by binary search over row
 * sizes between the input count and the width the scheduler needs without a limit. Assumes that a
 * scheduler which fits in C cells also fits in C+1 (true of every scheduler here); schedulers that can
 * compute their minimum directly override {@link Scheduler#scheduleMinRow}.
 */
public final class MinRow {
    private MinRow() {}

    public static Program search(Scheduler scheduler, MappedNetwork network, GateFamily family, ScheduleOptions options) {
        Program best = scheduler.schedule(network, family, options.withRowSize(ScheduleOptions.UNLIMITED));
        int lo = Math.max(1, network.numInputs());
        int hi = best.stats().cells(); // fits
        best = scheduler.schedule(network, family, options.withRowSize(hi));
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            try {
                best = scheduler.schedule(network, family, options.withRowSize(mid));
                hi = mid;
            } catch (RowTooSmallException e) {
                lo = mid + 1;
            }
        }
        return best.rowSize() == hi ? best : scheduler.schedule(network, family, options.withRowSize(hi));
    }
}
