package kautz.verify;

import com.google.common.primitives.ImmutableIntArray;
import kautz.flow.Compiled;
import kautz.flow.Derivation;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.network.Aig;
import kautz.network.Lit;
import kautz.opt.Pass;
import kautz.opt.Pipeline;
import kautz.verify.ProofChain.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stages a compilation went through, as networks for a {@link ProofChain}: the source, the network
 * after each optimisation pass the flow kept, the mapped network and the program's symbolic network, all
 * taken from what the flow recorded ({@link Derivation}), so the chain is the compilation that ran and the
 * flow's choices are made in one place. The mapped stage claims each gate's partner in the stage before it:
 * the node the mapper rooted the gate at ({@link kautz.mapping.RootedMapping}).
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
     * The chain of a compilation the flow recorded ({@link Flow#compileRecorded}): the source, the stages of its
     * {@link Derivation} (the network after each pass and checkpoint of the kept candidate, or the network
     * symmetric-function resynthesis rebuilt, its rebuilt outputs marked for {@link SymmetryProof}: the source's
     * adder trees and the counters share no structure a sweep could use), the mapped network claiming each gate's
     * root in the stage before it, and the program's symbolic network.
     */
    public static List<Stage> stages(Compiled c, String sourceName) {
        Derivation derivation = c.derivation().orElseThrow(() -> new IllegalArgumentException(
                "the compilation did not record its derivation (Flow.compileRecorded does)"));
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage(sourceName, c.design().network()));
        ImmutableIntArray roots = null; // the mapper's roots in the stage before the mapped one
        if (derivation instanceof Derivation.Mapped m) {
            for (Pipeline.Step step : m.steps()) stages.addAll(passStages(step));
            roots = m.roots();
        } else if (derivation instanceof Derivation.Resynthesised r) {
            stages.add(new Stage("the network rebuilt by `" + r.pass() + "`", r.network(), null, r.symmetric()));
            roots = r.roots();
        }
        MappedAig.Built mapped = MappedAig.build(c.mapped(), c.family());
        stages.add(new Stage("the network mapped to " + c.family().name(), mapped.network(),
                roots == null ? null : MappedAig.partners(mapped, roots)));
        stages.add(new Stage("the program compiled for " + c.family().name(), SymbolicExecution.network(c.program())));
        return stages;
    }
}
