package kautz.schedule;

import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.target.GateFamily;

/**
 * Wear-aware scheduling ({@code --scheduler wear}): the default scheduler's order and row, then the cells renamed
 * so that writes spread over the row ({@link WearBalance}): the largest per-cell write count of a run, which
 * decides when the first cell wears out, drops towards the row's mean, with the same ops, cycles and row.
 * Combined with {@code --wear-levelling} (the program rotated one column per run) the remaining imbalance is
 * spread over successive runs as well.
 */
public final class WearScheduler implements Scheduler {
    private final Scheduler base = new LiveSearchScheduler();

    @Override public String name() { return "wear"; }

    @Override public String summary() { return "the default schedule with its cells renamed to spread writes: lowest per-cell write count, same cycles and row"; }

    @Override
    public Program schedule(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        return WearBalance.balance(base.schedule(network, family, options));
    }

    @Override
    public Program scheduleMinRow(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        return WearBalance.balance(base.scheduleMinRow(network, family, options));
    }
}
