package kautz.flow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import kautz.diag.Activity;
import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.diag.UsageError;
import kautz.diag.Stage;
import kautz.diag.UserError;
import kautz.isa.InitModel;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.mapped.Primitives;
import kautz.mapping.ExactImply;
import kautz.mapping.RootedMapping;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.opt.SymmetricFunction;
import kautz.opt.SymmetricPass;
import kautz.schedule.RowTooSmallException;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import kautz.target.Families;
import kautz.target.GateFamily;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place the compilation chain is assembled: design → optimisation script → technology mapping (or
 * the netlist as mapped) → scheduling → program; when that program does not fit a fixed row, symmetric-function
 * resynthesis ({@link SymmetricPass}) is tried before giving up. {@code compile}, {@code run}, {@code bench}, {@code verify} and sweeps all call
 * {@link #compile}, so they agree on what a target, a scheduler and a row size mean.
 */
public final class Flow {
    /** The scheduler name reported for a program found by exact synthesis. */
    public static final String EXACT = "exact";

    private Flow() {}

    public static Compiled compile(Design design, FlowOptions options) { return compile(design, options, false); }

    /**
     * {@link #compile}, also recording how the scheduled network was derived from the source ({@link Derivation}:
     * the passes and checkpoints of the kept candidate and the mapper's roots), for a proof of this compilation.
     * The same program as {@link #compile}; the record keeps every intermediate network alive, so only the
     * verifier asks for it.
     */
    public static Compiled compileRecorded(Design design, FlowOptions options) { return compile(design, options, true); }

    private static Compiled compile(Design design, FlowOptions options, boolean record) {
        GateFamily family = Families.resolve(options.target());
        if (MigRoute.applies(family)) return MigRoute.compile(design, family, options, record);
        if (options.consumeInputs() && family.gates().stream().noneMatch(kautz.target.GateImpl::inPlace)) {
            throw new UsageError("--consume-inputs: target " + family.name()
                    + " has no in-place gate (imp), so no gate could overwrite an input");
        }
        Optional<MappedNetwork> netlist = options.remap() ? Optional.empty()
                : design.asMapped().filter(m -> fitsFamily(m, family));
        Activity.stage("optimising and mapping " + design.name() + " (" + design.network().numAnds() + " ANDs)");
        Candidate chosen = netlist.map(m -> new Candidate(m, new Derivation.AsWritten()))
                .orElseGet(() -> map(design, family, options.script(), options.consumeInputs(), record));
        MappedNetwork mapped = chosen.mapped();
        Optional<Derivation> derivation = record ? Optional.of(chosen.derivation()) : Optional.empty();
        Activity.stage("scheduling " + design.name() + " (" + mapped.gates().size() + " gates)");
        Scheduler scheduler = scheduler(options);
        ScheduleOptions undivided = new ScheduleOptions(options.rowSize().limit(), options.init(), options.seed(), options.budget(),
                options.consumeInputs());
        ScheduleOptions so = !options.partitions().divided() ? undivided
                : undivided.withPartitions(options.partitions().count(), options.partitions().resolve(options.rowSize()), options.model());
        Program program;
        if (options.partitions().divided()) {
            program = Stage.run("scheduling", () -> scheduler.schedule(mapped, family, so));
            PartitionCheck.check(program, design.network(), options.seed());
        } else if (options.rowSize().minimise()) {
            program = Stage.run("scheduling", () -> scheduler.scheduleMinRow(mapped, family, so));
        } else {
            try {
                program = Stage.run("scheduling", () -> scheduler.schedule(mapped, family, so));
            } catch (RowTooSmallException tooSmall) {
                return resynthesise(design, family, scheduler, so, record).orElseThrow(() -> tooSmall);
            }
        }
        if (options.exact()) {
            Optional<Program> exact = exact(design, family, options, program);
            if (exact.isPresent()) return new Compiled(design, family, mapped, netlist.isPresent(), EXACT, exact.get(), "", derivation);
        }
        return new Compiled(design, family, mapped, netlist.isPresent(), scheduler.name(), program, "", derivation);
    }

    /**
     * The scheduler the options name, the default one, or for a divided row the partition-aware one (the
     * others place one op per cycle and know no partitions).
     */
    static Scheduler scheduler(FlowOptions options) {
        if (!options.partitions().divided()) {
            return options.scheduler() == null ? Schedulers.defaultScheduler() : Schedulers.byName(options.scheduler());
        }
        Scheduler s = options.scheduler() == null ? Schedulers.defaultPartitioned() : Schedulers.byName(options.scheduler());
        if (!s.partitionAware()) {
            throw new UserError("--scheduler " + s.name() + ": schedules one op per cycle on an undivided row; --partitions needs a"
                    + " partition-aware scheduler, " + Schedulers.defaultPartitioned().name() + " (leave --scheduler out)");
        }
        return s;
    }

    /**
     * When the program does not fit the row, a different structure for the same function may: totally symmetric
     * outputs (majority, thresholds) rebuilt as serial counters need about log2(n) + 8 live cells (magic-nor: 18 for voter's 1001 inputs), where an adder
     * tree needs dozens. Empty when nothing was rebuilt or the rebuilt network does not fit either (the caller then
     * reports the original error). The rebuilt network is mapped as generated, without the script: the script's
     * balancing would undo the evaluation order that makes it small.
     */
    static Optional<Compiled> resynthesise(Design design, GateFamily family, Scheduler scheduler, ScheduleOptions so, boolean record) {
        SymmetricPass pass = new SymmetricPass();
        Aig source = design.network();
        SymmetricFunction[] found = pass.find(source);
        Aig rebuilt = pass.rebuild(source, found).network();
        if (rebuilt == source) return Optional.empty();
        RootedMapping mapped = TechnologyMapper.mapRooted(rebuilt, family, design.name(), so.consumeInputs());
        Optional<Derivation> derivation = Optional.empty();
        if (record) {
            ImmutableSet.Builder<String> symmetric = ImmutableSet.builder();
            for (int o = 0; o < found.length; o++) if (found[o] != null) symmetric.add(source.outputName(o));
            derivation = Optional.of(new Derivation.Resynthesised(pass.name(), rebuilt, symmetric.build(), mapped.roots()));
        }
        try {
            return Optional.of(new Compiled(design, family, mapped.network(), false, scheduler.name(),
                    scheduler.schedule(mapped.network(), family, so), pass.name(), derivation));
        } catch (RowTooSmallException stillTooSmall) {
            return Optional.empty();
        }
    }

    /**
     * {@code --exact}: the shortest IMPLY program of a tiny kernel ({@link ExactImply}), when it is shorter than the
     * scheduled one and fits the row; checked options are user errors.
     */
    private static Optional<Program> exact(Design design, GateFamily family, FlowOptions options, Program scheduled) {
        boolean imp = family.implOf(Primitives.IMP2).map(g -> g.opcode() == Opcode.IMP).orElse(false);
        if (!imp) throw new UsageError("--exact: target " + family.name() + " has no imp gate (exact synthesis writes IMPLY programs)");
        if (options.init() != InitModel.SINGLE) {
            throw new UsageError("--exact: the search counts every false, the --init single model; add --init single");
        }
        Optional<String> why = ExactImply.unsupported(design.network());
        if (why.isPresent()) throw new UsageError("--exact: " + why.get());
        long shorterThan = scheduled.stats().cycles();
        Optional<Program> p = ExactImply.program(design.network(), scheduled.kernel(), family.name(), InitModel.SINGLE,
                options.consumeInputs(), (int) Math.min(shorterThan, 61), ExactImply.NODE_LIMIT);
        return p.filter(x -> x.stats().cycles() < shorterThan && x.rowSize() <= options.rowSize().limit());
    }

    /** A mapping the flow may keep, and how it was derived from the source (steps kept only when recording). */
    private record Candidate(MappedNetwork mapped, Derivation derivation) {
        static Candidate of(RootedMapping m, List<Pipeline.Step> steps) {
            return new Candidate(m.network(), new Derivation.Mapped(ImmutableList.copyOf(steps), m.roots()));
        }

        Candidate smaller(Candidate other) {
            return other.mapped.gates().size() < mapped.gates().size() ? other : this;
        }
    }

    /**
     * Maps the network after the optimisation script, and also as given: rewriting for fewer ANDs does not
     * always give fewer gates of the family, so the smallest mapping is kept. With the default script, a
     * network of at most {@link Scripts#STRONG_LIMIT} ANDs is also optimised by the strong script from the source (the time
     * it takes grows with the network; docs/PERFORMANCE.md). All candidates compute the source's function.
     */
    private static Candidate map(Design design, GateFamily family, String script, boolean consumeInputs, boolean record) {
        Aig source = design.network();
        Candidate best = Candidate.of(Stage.run(mapping(family), () -> TechnologyMapper.mapRooted(source, family, design.name(), consumeInputs)),
                List.of());
        if (script == null || script.isBlank() || script.equals(FlowOptions.NO_SCRIPT)) return best;
        best = best.smaller(optimiseAndMap(Pipeline.parse(script), design, family, consumeInputs, record));
        if (script.equals(Scripts.DEFAULT) && source.numAnds() <= Scripts.STRONG_LIMIT) {
            // from the source, not the default's result: the two descents end in different local minima and
            // the source's is the better one on the EPFL circuits (router: 169 ANDs against 182)
            best = best.smaller(optimiseAndMap(Scripts.strongPipeline(), design, family, consumeInputs, record));
        }
        return best;
    }

    private static Candidate optimiseAndMap(Pipeline pipeline, Design design, GateFamily family, boolean consumeInputs,
                                            boolean record) {
        List<Pipeline.Step> steps = new ArrayList<>();
        Aig optimised = Stage.run("optimising", () -> pipeline.run(design.network(), record ? steps::add : step -> { }));
        return Candidate.of(Stage.run(mapping(family), () -> TechnologyMapper.mapRooted(optimised, family, design.name(), consumeInputs)),
                steps);
    }

    private static String mapping(GateFamily family) { return "mapping to " + family.name(); }

    /** True when every gate of the netlist is a primitive of the family (or a constant). */
    static boolean fitsFamily(MappedNetwork m, GateFamily family) {
        for (MappedNetwork.Gate g : m.gates()) {
            if (!g.primitive().isConstant() && !family.has(g.primitive())) return false;
        }
        return true;
    }
}
