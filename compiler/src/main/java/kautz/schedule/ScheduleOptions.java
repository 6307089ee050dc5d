package kautz.schedule;

import kautz.isa.InitModel;
import kautz.isa.PartitionModel;
import kautz.isa.Partitions;

import java.time.Duration;

/**
 * What every scheduler is given besides the network.
 *
 * @param rowSize the row width C the program must fit in; {@link #UNLIMITED} for "as wide as needed"
 * @param init    how init cycles are counted (schedulers batch re-initialisation accordingly)
 * @param seed    for schedulers that randomise; the same seed gives the same program
 * @param budget  time an improving scheduler may spend; ignored by one-shot schedulers
 * @param consumeInputs whether an in-place gate may overwrite an input's cell after the input's other readers
 *                (the convention of the published serial IMPLY adders); by default inputs are never overwritten
 * @param partitionCount how many partitions the row is divided into (1: a row without partitions)
 * @param partitions the partitions' widths, or null when the scheduler chooses them (equal widths, as wide as
 *                the program needs; only with an unlimited row)
 * @param model   the rules for the ops of one cycle (docs/partitions.md)
 */
public record ScheduleOptions(int rowSize, InitModel init, long seed, Duration budget, boolean consumeInputs,
                              int partitionCount, Partitions partitions, PartitionModel model) {
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public ScheduleOptions {
        if (partitionCount < 1) throw new IllegalArgumentException("partition count " + partitionCount);
        if (partitions != null && partitions.count() != partitionCount) throw new IllegalArgumentException("partition count disagrees with the widths");
    }

    /** A row without partitions. */
    public ScheduleOptions(int rowSize, InitModel init, long seed, Duration budget, boolean consumeInputs) {
        this(rowSize, init, seed, budget, consumeInputs, 1, null, PartitionModel.UNLIMITED);
    }

    /** Options that keep the inputs intact (docs/isa.md, "Cost conventions"). */
    public ScheduleOptions(int rowSize, InitModel init, long seed, Duration budget) {
        this(rowSize, init, seed, budget, false);
    }

    /** Whether the row is divided into more than one partition. */
    public boolean partitioned() { return partitionCount > 1; }

    public static ScheduleOptions defaults() { return new ScheduleOptions(UNLIMITED, InitModel.BULK, 1, Duration.ofSeconds(2)); }

    public ScheduleOptions withRowSize(int c) { return new ScheduleOptions(c, init, seed, budget, consumeInputs, partitionCount, partitions, model); }

    public ScheduleOptions withConsumeInputs(boolean c) { return new ScheduleOptions(rowSize, init, seed, budget, c, partitionCount, partitions, model); }

    public ScheduleOptions withPartitions(int count, Partitions widths, PartitionModel m) {
        return new ScheduleOptions(rowSize, init, seed, budget, consumeInputs, count, widths, m);
    }
}
