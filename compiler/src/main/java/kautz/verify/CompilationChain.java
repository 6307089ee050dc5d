package kautz.verify;

import com.google.common.collect.ImmutableSet;
import kautz.flow.Compiled;
import kautz.flow.FlowOptions;
import kautz.mapping.RootedMapping;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.network.Lit;
import kautz.opt.Pass;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.opt.SymmetricFunction;
import kautz.opt.SymmetricPass;
import kautz.verify.ProofChain.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stages a compilation went through, as networks for a {@link ProofChain}: the source, the network
 * after each optimisation pass (when the mapper was given the optimised network: the default script's, or on
 * small networks the strong script's, as {@code Flow.map} tries them), the mapped network and the program's
 * symbolic network. The optimised network is recomputed (the flow keeps only the mapping);
 * if mapping it does not give exactly the mapping the flow kept, the flow mapped the source itself and the
 * chain goes straight from the source to the mapping. The mapped stage claims each gate's partner in the
 * stage before it: the node the mapper rooted the gate at ({@link RootedMapping}), found by mapping again.
 */
public final class CompilationChain {
    private CompilationChain() {}

    /**
     * The stages from network {@code a} to network {@code b}: through the network after each pass of
     * {@code script} when running the script on {@code a} gives {@code b} up to structural hashing (as when
     * {@code b} was written by {@code kautz opt}), else directly.
     */
    public static List<Stage> stages(Stage a, Stage b, String script) {
        List<Stage> stages = new ArrayList<>();
        stages.add(a);
        if (script != null && !script.isBlank() && !script.equals(FlowOptions.NO_SCRIPT)) {
            List<Stage> passes = new ArrayList<>();
            Aig optimised = Pipeline.parse(script).run(a.network(), step -> passes.addAll(passStages(step)));
            if (!passes.isEmpty() && sameUpToHashing(optimised, b.network())) {
                // b replaces the last pass's network; its nodes inherit that network's claims through the hashing
                Stage last = passes.remove(passes.size() - 1);
                stages.addAll(passes);
                b = new Stage(b.name(), b.network(), carried(Miter.of(optimised, b.network(), "x", "y"), last.partners()));
            }
        }
        stages.add(b);
        return stages;
    }

    /**
     * The network after a pass, claiming for each node the node of the pass's input it computes; an AND no
     * input node maps to is logic the pass created ({@link Partners#INNER}): every input node the pass kept
     * is in the map, so nothing needs to be searched for it. A pass that recorded {@link Pass.Checkpoint}s
     * gives one stage per checkpoint (its rounds of independent edits), the last being its result.
     */
    private static List<Stage> passStages(Pipeline.Step step) {
        Aig after = step.after();
        String name = "the network after `" + step.pass() + "`";
        List<Pass.Checkpoint> rounds = step.checkpoints();
        if (rounds.isEmpty()) return List.of(new Stage(name, after, innerUnlessClaimed(after, Partners.invert(step.oldToNew(), after.size()))));
        List<Stage> stages = new ArrayList<>();
        for (int k = 0; k < rounds.size(); k++) {
            Pass.Checkpoint c = rounds.get(k);
            String round = k == rounds.size() - 1 ? name : "the network after round " + (k + 1) + " of `" + step.pass() + "`";
            stages.add(new Stage(round, c.network(), innerUnlessClaimed(c.network(), c.claims().clone())));
        }
        return stages;
    }

    /** Marks the ANDs without a claim as {@link Partners#INNER}; returns the array. */
    private static int[] innerUnlessClaimed(Aig network, int[] partners) {
        for (int n = network.firstAnd(); n < network.size(); n++) if (partners[n] == Partners.NONE) partners[n] = Partners.INNER;
        return partners;
    }

    /** True when both networks have the same inputs and outputs by name and hash to the same output literals. */
    private static boolean sameUpToHashing(Aig x, Aig y) {
        if (!x.inputNames().equals(y.inputNames()) || !x.outputNames().equals(y.outputNames())) return false;
        Miter m = Miter.of(x, y, "x", "y");
        for (int i = 0; i < m.pairs(); i++) if (m.left(i) != m.right(i)) return false;
        return true;
    }

    /**
     * Partners for the right network of {@code m} taken from the left one's ({@code leftPartners}): a right
     * node that hashed onto a left node makes that node's claim (or is inner as it is); the others claim nothing.
     */
    private static int[] carried(Miter m, int[] leftPartners) {
        int[] leftOf = new int[m.aig().size()]; // miter node -> a left literal on it
        Arrays.fill(leftOf, Partners.NONE);
        int[] left = m.leftNodes(), right = m.rightNodes();
        for (int k = left.length - 1; k >= 0; k--) leftOf[Lit.node(left[k])] = Lit.of(k, Lit.isComplement(left[k]));
        int[] partners = new int[right.length];
        for (int n = 0; n < right.length; n++) {
            int x = leftOf[Lit.node(right[n])];
            int p = x < 0 ? Partners.NONE : leftPartners[Lit.node(x)];
            partners[n] = p < 0 ? p : Lit.notIf(p, Lit.isComplement(x) ^ Lit.isComplement(right[n]));
        }
        return partners;
    }

    /**
     * The network symmetric-function resynthesis made of the source (the flow maps it as generated), its
     * rebuilt outputs marked for {@link SymmetryProof}: the source's adder trees and the counters share no
     * structure a sweep could use.
     */
    private static Stage rebuilt(Aig source) {
        SymmetricPass pass = new SymmetricPass();
        SymmetricFunction[] found = pass.find(source);
        ImmutableSet.Builder<String> symmetric = ImmutableSet.builder();
        for (int o = 0; o < found.length; o++) if (found[o] != null) symmetric.add(source.outputName(o));
        return new Stage("the network rebuilt by `" + pass.name() + "`", pass.rebuild(source, found).network(), null,
                symmetric.build());
    }

    public static List<Stage> stages(Compiled c, FlowOptions options, String sourceName) {
        List<Stage> stages = new ArrayList<>();
        Aig source = c.design().network();
        stages.add(new Stage(sourceName, source));
        String script = options.script();
        RootedMapping rooted = null; // the flow's mapping, rooted in the stage before it
        if (c.resynthesised()) {
            Stage rebuilt = rebuilt(source);
            stages.add(rebuilt);
            RootedMapping remapped = TechnologyMapper.mapRooted(rebuilt.network(), c.family(), c.design().name(), options.consumeInputs());
            if (remapped.network().equals(c.mapped())) rooted = remapped;
        } else if (!c.asMapped() && script != null && !script.isBlank() && !script.equals(FlowOptions.NO_SCRIPT)) {
            // the scripts Flow.map tries, in its order: the default's result, then the strong script's on small networks
            List<Pipeline> tried = new ArrayList<>(List.of(Pipeline.parse(script)));
            if (script.equals(Scripts.DEFAULT) && source.numAnds() <= Scripts.STRONG_LIMIT) tried.add(Scripts.strongPipeline());
            for (Pipeline pipeline : tried) {
                List<Stage> passes = new ArrayList<>();
                Aig optimised = pipeline.run(source, step -> passes.addAll(passStages(step)));
                RootedMapping remapped = TechnologyMapper.mapRooted(optimised, c.family(), c.design().name(), options.consumeInputs());
                if (remapped.network().equals(c.mapped())) {
                    stages.addAll(passes);
                    rooted = remapped;
                    break;
                }
            }
        }
        if (rooted == null && !c.asMapped() && !c.resynthesised()) { // the flow kept the mapping of the source itself?
            RootedMapping direct = TechnologyMapper.mapRooted(source, c.family(), c.design().name(), options.consumeInputs());
            if (direct.network().equals(c.mapped())) rooted = direct;
        }
        MappedAig.Built mapped = MappedAig.build(c.mapped(), c.family());
        stages.add(new Stage("the network mapped to " + c.family().name(), mapped.network(),
                rooted == null ? null : MappedAig.partners(mapped, rooted.roots())));
        stages.add(new Stage("the program compiled for " + c.family().name(), SymbolicExecution.network(c.program())));
        return stages;
    }
}
