package kautz.flow;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.diag.Stage;
import kautz.diag.UsageError;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import kautz.network.Aig;
import kautz.network.Lit;
import kautz.network.Mig;
import kautz.opt.MigRewriting;
import kautz.opt.Pipeline;
import kautz.schedule.PlimCompiler;
import kautz.schedule.RowTooSmallException;
import kautz.target.GateFamily;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chain for a family with RM3 ({@code gate maj}): the design's AIG (as given, and after the optimisation
 * script) becomes a majority-inverter graph (with and without three-input XORs in majority form), is rewritten algebraically ({@link MigRewriting}) and compiled to RM3
 * ops by {@link PlimCompiler}; the program with fewer instructions (RM3 ops plus cells set) is kept. The MIG,
 * as majority gates and inverters, is the compilation's mapped network.
 */
final class MigRoute {
    /** The scheduler name reports give a program of this route. */
    static final String NAME = "plim";

    private MigRoute() {}

    static boolean applies(GateFamily family) {
        return family.gates().stream().anyMatch(g -> g.opcode() == Opcode.MAJ);
    }

    static Compiled compile(Design design, GateFamily family, FlowOptions options, boolean record) {
        if (options.scheduler() != null && !options.scheduler().equals(NAME)) {
            throw new UsageError("--scheduler " + options.scheduler() + ": target " + family.name()
                    + " compiles through a majority-inverter graph with its own allocation (" + NAME + "); leave --scheduler out");
        }
        if (options.partitions().divided()) throw new UsageError("--partitions: target " + family.name() + " compiles for an undivided row");
        if (options.consumeInputs()) throw new UsageError("--consume-inputs: target " + family.name() + " keeps its inputs");
        if (options.exact()) throw new UsageError("--exact: target " + family.name() + " has no imp gate (exact synthesis writes IMPLY programs)");
        Aig source = design.network();
        List<Aig> candidates = new ArrayList<>(List.of(source));
        String script = options.script();
        if (script != null && !script.isBlank() && !script.equals(FlowOptions.NO_SCRIPT)) {
            candidates.add(Stage.run("optimising", () -> Pipeline.parse(script).run(source)));
        }
        Mig bestMig = null;
        Program best = null;
        for (Aig aig : candidates) {
            for (boolean xors : new boolean[] {true, false}) {
                Mig mig = Stage.run("rewriting the MIG", () -> MigRewriting.optimise(Mig.fromAig(aig, design.name(), xors)));
                Program p = Stage.run("compiling to RM3", () -> PlimCompiler.compile(mig, design.name(), family.name(), options.init()));
                if (best == null || instructions(p) < instructions(best)) { best = p; bestMig = mig; }
            }
        }
        int limit = options.rowSize().limit();
        if (!options.rowSize().minimise() && limit != Integer.MAX_VALUE) {
            if (best.rowSize() > limit) {
                throw new RowTooSmallException(limit, best.rowSize(), "the RM3 program of " + design.name() + " uses " + best.rowSize() + " cells");
            }
            best = new Program(best.kernel(), best.target(), limit, best.initModel(), best.inputs(), best.outputs(), best.ops());
        }
        Optional<Derivation> derivation = record ? Optional.of(new Derivation.AsWritten()) : Optional.empty();
        return new Compiled(design, family, asMapped(bestMig), false, NAME, best, "", derivation);
    }

    /** PLiM's instruction count: RM3 ops plus one per cell an init op sets. */
    static long instructions(Program p) {
        long n = 0;
        for (var op : p.ops()) n += op.opcode().isInit() ? op.operands().length() : 1;
        return n;
    }

    /** The MIG as a mapped network: a {@code maj3} gate per node, an {@code inv1} per complemented edge source. */
    static MappedNetwork asMapped(Mig mig) {
        int inputs = mig.numInputs();
        List<MappedNetwork.Gate> gates = new ArrayList<>();
        int[] node = new int[mig.size()];
        int[] inv = new int[mig.size()];
        java.util.Arrays.fill(inv, -1);
        gates.add(new MappedNetwork.Gate(Primitives.ZERO, ImmutableIntArray.of()));
        node[0] = inputs;
        for (int i = 0; i < inputs; i++) node[i + 1] = i;
        for (int n = mig.firstMaj(); n < mig.size(); n++) {
            int[] f = new int[3];
            for (int k = 0; k < 3; k++) f[k] = of(mig.fanin(n, k), node, inv, gates, inputs);
            node[n] = inputs + gates.size();
            gates.add(new MappedNetwork.Gate(Primitives.MAJ3, ImmutableIntArray.copyOf(f)));
        }
        int[] outs = new int[mig.numOutputs()];
        for (int o = 0; o < outs.length; o++) outs[o] = of(mig.output(o), node, inv, gates, inputs);
        return new MappedNetwork(mig.name(), mig.inputNames(), ImmutableList.copyOf(gates), mig.outputNames(), ImmutableIntArray.copyOf(outs));
    }

    private static int of(int lit, int[] node, int[] inv, List<MappedNetwork.Gate> gates, int inputs) {
        int n = Lit.node(lit);
        if (!Lit.isComplement(lit)) return node[n];
        if (inv[n] < 0) {
            inv[n] = inputs + gates.size();
            gates.add(new MappedNetwork.Gate(Primitives.INV1, ImmutableIntArray.of(node[n])));
        }
        return inv[n];
    }
}
