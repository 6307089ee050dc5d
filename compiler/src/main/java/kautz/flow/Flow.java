package kautz.flow;

import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
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
        if (options.consumeInputs() && family.gates().stream().noneMatch(kautz.target.GateImpl::inPlace)) {
            throw new kautz.diag.UserError("--consume-inputs: target " + family.name()
                    + " has no in-place gate (imp), so no gate could overwrite an input");
        }
        Optional<MappedNetwork> netlist = options.remap() ? Optional.empty()
                : design.asMapped().filter(m -> fitsFamily(m, family));
        MappedNetwork mapped = netlist.orElseGet(() -> map(design, family, options.script(), options.consumeInputs()));
        Scheduler scheduler = options.scheduler() == null ? Schedulers.defaultScheduler() : Schedulers.byName(options.scheduler());
        ScheduleOptions so = new ScheduleOptions(options.rowSize().limit(), options.init(), options.seed(), options.budget(),
                options.consumeInputs());
        Program program = options.rowSize().minimise() ? scheduler.scheduleMinRow(mapped, family, so)
                : scheduler.schedule(mapped, family, so);
        return new Compiled(design, family, mapped, netlist.isPresent(), scheduler.name(), program);
    }

    /**
     * Maps the network after the optimisation script, and also as given: rewriting for fewer ANDs does not
     * always give fewer gates of the family, so the smallest mapping is kept. With the default script, a
     * network of at most {@link Scripts#STRONG_LIMIT} ANDs is also optimised by the strong script from the source (the time
     * it takes grows with the network; docs/PERFORMANCE.md). All candidates compute the source's function.
     */
    static MappedNetwork map(Design design, GateFamily family, String script) {
        return map(design, family, script, false);
    }

    static MappedNetwork map(Design design, GateFamily family, String script, boolean consumeInputs) {
        MappedNetwork best = TechnologyMapper.map(design.network(), family, design.name(), consumeInputs);
        if (script == null || script.isBlank() || script.equals(FlowOptions.NO_SCRIPT)) return best;
        Aig optimised = Pipeline.parse(script).run(design.network());
        best = smaller(best, TechnologyMapper.map(optimised, family, design.name(), consumeInputs));
        if (script.equals(Scripts.DEFAULT) && design.network().numAnds() <= Scripts.STRONG_LIMIT) {
            // from the source, not the default's result: the two descents end in different local minima and
            // the source's is the better one on the EPFL circuits (router: 169 ANDs against 182)
            Aig strong = Scripts.strongPipeline().run(design.network());
            best = smaller(best, TechnologyMapper.map(strong, family, design.name(), consumeInputs));
        }
        return best;
    }

    private static MappedNetwork smaller(MappedNetwork a, MappedNetwork b) {
        return b.gates().size() < a.gates().size() ? b : a;
    }

    /** True when every gate of the netlist is a primitive of the family (or a constant). */
    static boolean fitsFamily(MappedNetwork m, GateFamily family) {
        for (MappedNetwork.Gate g : m.gates()) {
            if (!g.primitive().isConstant() && !family.has(g.primitive())) return false;
        }
        return true;
    }
}
