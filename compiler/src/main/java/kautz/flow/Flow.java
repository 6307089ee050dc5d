package kautz.flow;

import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.isa.Program;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import kautz.target.Families;
import kautz.target.GateFamily;

import java.util.Optional;

/**
 * The one place the compilation chain is assembled: design → optimisation script → technology mapping (or
 * the netlist as mapped) → scheduling → program. {@code compile}, {@code run}, {@code bench}, {@code verify} and sweeps all call
 * {@link #compile}, so they agree on what a target, a scheduler and a row size mean.
 */
public final class Flow {
    private Flow() {}

    public static Compiled compile(Design design, FlowOptions options) {
        GateFamily family = Families.resolve(options.target());
        Optional<MappedNetwork> netlist = options.remap() ? Optional.empty()
                : design.asMapped().filter(m -> fitsFamily(m, family));
        MappedNetwork mapped = netlist.orElseGet(() -> map(design, family, options.script()));
        Scheduler scheduler = options.scheduler() == null ? Schedulers.defaultScheduler() : Schedulers.byName(options.scheduler());
        ScheduleOptions so = new ScheduleOptions(options.rowSize().limit(), options.init(), options.seed(), options.budget());
        Program program = options.rowSize().minimise() ? scheduler.scheduleMinRow(mapped, family, so)
                : scheduler.schedule(mapped, family, so);
        return new Compiled(design, family, mapped, netlist.isPresent(), scheduler.name(), program);
    }

    /**
     * Maps the network after the optimisation script, and also as given: rewriting for fewer ANDs does not
     * always give fewer gates of the family, so the smaller mapping is kept. Both compute the source's function.
     */
    static MappedNetwork map(Design design, GateFamily family, String script) {
        MappedNetwork plain = TechnologyMapper.map(design.network(), family, design.name());
        if (script == null || script.isBlank() || script.equals(FlowOptions.NO_SCRIPT)) return plain;
        Aig optimised = Pipeline.parse(script).run(design.network());
        MappedNetwork opt = TechnologyMapper.map(optimised, family, design.name());
        return opt.gates().size() < plain.gates().size() ? opt : plain;
    }

    /** True when every gate of the netlist is a primitive of the family (or a constant). */
    static boolean fitsFamily(MappedNetwork m, GateFamily family) {
        for (MappedNetwork.Gate g : m.gates()) {
            if (!g.primitive().isConstant() && !family.has(g.primitive())) return false;
        }
        return true;
    }
}
