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
 */
public record ScheduleOptions(int rowSize, InitModel init, long seed, Duration budget) {
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public static ScheduleOptions defaults() { return new ScheduleOptions(UNLIMITED, InitModel.BULK, 1, Duration.ofSeconds(2)); }

    public ScheduleOptions withRowSize(int c) { return new ScheduleOptions(c, init, seed, budget); }
}
