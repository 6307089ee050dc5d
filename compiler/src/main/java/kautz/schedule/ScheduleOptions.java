package kautz.schedule;

import kautz.isa.InitModel;

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
 */
public record ScheduleOptions(int rowSize, InitModel init, long seed, Duration budget, boolean consumeInputs) {
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Options that keep the inputs intact (docs/isa.md, "Cost conventions"). */
    public ScheduleOptions(int rowSize, InitModel init, long seed, Duration budget) {
        this(rowSize, init, seed, budget, false);
    }

    public static ScheduleOptions defaults() { return new ScheduleOptions(UNLIMITED, InitModel.BULK, 1, Duration.ofSeconds(2)); }

    public ScheduleOptions withRowSize(int c) { return new ScheduleOptions(c, init, seed, budget, consumeInputs); }

    public ScheduleOptions withConsumeInputs(boolean c) { return new ScheduleOptions(rowSize, init, seed, budget, c); }
}
