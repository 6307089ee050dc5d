package kautz.flow;

import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.isa.Program;
import kautz.schedule.RowTooSmallException;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import kautz.target.Families;
import kautz.target.GateFamily;

import java.util.Optional;

/**
 * The one place the compilation chain is assembled: design → technology mapping (or the netlist as mapped)
 * → scheduling → program. {@code compile}, {@code run}, {@code bench}, {@code verify} and sweeps all call
 * {@link #compile}, so they agree on what a target, a scheduler and a row size mean.
 */
public final class Flow {
    /** Bound on the attempts of the {@code --row-size min} search (a binary search needs about 25). */
    private static final int MAX_ROW_SEARCH_STEPS = 64;

    private Flow() {}

    public static Compiled compile(Design design, FlowOptions options) {
        GateFamily family = Families.resolve(options.target());
        Optional<MappedNetwork> netlist = options.remap() ? Optional.empty()
                : design.asMapped().filter(m -> fitsFamily(m, family));
        MappedNetwork mapped = netlist.orElseGet(() -> TechnologyMapper.map(design.network(), family, design.name()));
        Scheduler scheduler = options.scheduler() == null ? defaultScheduler() : Schedulers.byName(options.scheduler());
        ScheduleOptions so = new ScheduleOptions(options.rowSize().limit(), options.init(), options.seed(), options.budget());
        Program program = options.rowSize().minimise() ? smallestRow(mapped, family, scheduler, so)
                : scheduler.schedule(mapped, family, so);
        return new Compiled(design, family, mapped, netlist.isPresent(), scheduler.name(), program);
    }

    private static Scheduler defaultScheduler() {
        if (Schedulers.all().isEmpty()) throw new IllegalStateException("no scheduler is registered");
        return Schedulers.all().get(0);
    }

    /** True when every gate of the netlist is a primitive of the family (or a constant). */
    static boolean fitsFamily(MappedNetwork m, GateFamily family) {
        for (MappedNetwork.Gate g : m.gates()) {
            if (!g.primitive().isConstant() && !family.has(g.primitive())) return false;
        }
        return true;
    }

    /**
     * Binary search for the smallest row the scheduler fits the network in, starting from the width it
     * needs unconstrained; the program returned is the one scheduled at that row.
     */
    private static Program smallestRow(MappedNetwork mapped, GateFamily family, Scheduler scheduler, ScheduleOptions so) {
        Program best = scheduler.schedule(mapped, family, so.withRowSize(ScheduleOptions.UNLIMITED));
        int hi = best.stats().cells();
        best = scheduler.schedule(mapped, family, so.withRowSize(hi));
        int lo = Math.max(1, mapped.numInputs()) - 1; // known not to work below: inputs need their cells
        for (int step = 0; step < MAX_ROW_SEARCH_STEPS && hi - lo > 1; step++) {
            int mid = lo + (hi - lo) / 2;
            try {
                best = scheduler.schedule(mapped, family, so.withRowSize(mid));
                hi = mid;
            } catch (RowTooSmallException e) {
                lo = mid;
            }
        }
        if (best.rowSize() != hi) best = scheduler.schedule(mapped, family, so.withRowSize(hi));
        return best;
    }
}
