package kautz.verify;

import com.google.common.collect.ImmutableSet;
import kautz.flow.Compiled;
import kautz.flow.Derivation;
import kautz.load.Design;
import kautz.mapping.RootedMapping;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.network.Lit;
import kautz.opt.SymmetricCircuits;
import kautz.opt.SymmetricPass;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Schedulers;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An adder-tree majority against its serial-counter resynthesis is proven by the symmetry argument (sweeping
 * alone has no shared structure to work with); a function that is not quite symmetric, and a symmetric one
 * with the wrong threshold, are refuted with counterexamples that simulation confirms.
 */
class SymmetryProofTest {
    private static final CecOptions OPTIONS = CecOptions.defaults();

    @Test
    void anAdderTreeEqualsItsSerialCounter() {
        for (int n : new int[] {9, 15}) {
            Aig tree = SymmetricCircuits.majority(n);
            Aig counter = new SymmetricPass().run(tree);
            assertNotSame(tree, counter, "the pass rebuilt it");
            SymmetryProof.Outcome o = check(tree, counter);
            assertInstanceOf(CecResult.Equivalent.class, o.result(), "n = " + n);
            assertEquals(1, o.bySymmetry());
            assertEquals(2 * (n - 1), o.transpositions(), "a spanning tree of swaps for each side");
        }
    }

    @Test
    void theSwapsFormASpanningTreeOfTheSupport() {
        Aig tree = SymmetricCircuits.majority(15);
        int[] support = SymmetryProof.support(tree, tree.output(0));
        List<int[]> swaps = SymmetryProof.spanningSwaps(tree, tree.output(0), support);
        assertEquals(14, swaps.size());
        int[] parent = new int[15]; // connected by the swaps: a union-find built afresh
        for (int i = 0; i < 15; i++) parent[i] = i;
        for (int[] s : swaps) parent[root(parent, s[0])] = root(parent, s[1]);
        for (int i = 1; i < 15; i++) assertEquals(root(parent, 0), root(parent, i), "input " + i);
    }

    @Test
    void anAlmostSymmetricFunctionIsRefutedWithARealCounterexample() {
        int n = 15;
        Aig counter = new SymmetricPass().run(SymmetricCircuits.majority(n));
        // majority, but flipped where x[14] = 1 and x[0] = 0: equal on every row of the form "the first w inputs at 1",
        // so only the swap miters can tell
        Aig almost = xorTerm(SymmetricCircuits.majority(n), 14, 0);
        SymmetryProof.Outcome o = check(almost, counter);
        CecResult.NotEquivalent cex = assertInstanceOf(CecResult.NotEquivalent.class, o.result());
        assertNotEquals(simulate(almost, cex.inputs()), simulate(counter, cex.inputs()), "the counterexample is real");
        assertEquals(simulate(almost, cex.inputs()), cex.outputs().get(0).left());
        // a role changed outright (x[0] negated) is refuted too
        Aig negated = negateInput(SymmetricCircuits.majority(n), 0);
        CecResult.NotEquivalent cex2 = assertInstanceOf(CecResult.NotEquivalent.class, check(negated, counter).result());
        assertNotEquals(simulate(negated, cex2.inputs()), simulate(counter, cex2.inputs()));
    }

    @Test
    void aThresholdOffByOneIsRefutedAtTheWeightWhereTheyDiffer() {
        int n = 15;
        Aig atLeast8 = SymmetricCircuits.of("t", n, w -> w >= 8);
        Aig atLeast9 = new SymmetricPass().run(SymmetricCircuits.of("t", n, w -> w >= 9));
        CecResult.NotEquivalent cex = assertInstanceOf(CecResult.NotEquivalent.class, check(atLeast8, atLeast9).result());
        assertEquals(8, cex.inputs().values().stream().filter(v -> v).count(), "the one weight they disagree on");
        assertTrue(simulate(atLeast8, cex.inputs()));
        assertFalse(simulate(atLeast9, cex.inputs()));
    }

    @Test
    void outputsNotNamedSymmetricAreCheckedTheOrdinaryWay() {
        int n = 9;
        Aig twoOutputs = withExtraOutput(SymmetricCircuits.majority(n), false);
        Aig rebuilt = new SymmetricPass().run(twoOutputs);
        SymmetryProof.Outcome o = SymmetryProof.check(twoOutputs, rebuilt, "a", "b", ImmutableSet.of("maj"), OPTIONS, Budget.start(OPTIONS));
        assertInstanceOf(CecResult.Equivalent.class, o.result());
        assertEquals(1, o.bySymmetry());
        // the ordinary output wrong: an ordinary counterexample
        Aig wrong = withExtraOutput(new SymmetricPass().run(SymmetricCircuits.majority(n)), true);
        CecResult.NotEquivalent cex = assertInstanceOf(CecResult.NotEquivalent.class,
                SymmetryProof.check(twoOutputs, wrong, "a", "b", ImmutableSet.of("maj"), OPTIONS, Budget.start(OPTIONS)).result());
        assertEquals("and01", cex.outputs().get(0).output());
    }

    @Test
    void theChainOfAResynthesisedCompilationIsProvenThroughTheRebuiltNetwork() {
        Design d = Design.ofNetwork("maj9", SymmetricCircuits.majority(9));
        GateFamily family = Families.resolve(Families.DEFAULT);
        // what Flow.resynthesise makes once the network as given failed at a small row (that failure takes seconds)
        Compiled c = resynthesised(d, d.network(), family);
        List<ProofChain.Stage> stages = CompilationChain.stages(c, "maj9");
        assertEquals(4, stages.size(), "source, rebuilt, mapped, program");
        assertEquals(List.of("maj"), List.copyOf(stages.get(1).symmetric()));
        ProofChain.Result r = ProofChain.check(stages, OPTIONS);
        assertInstanceOf(CecResult.Equivalent.class, r.overall());
        assertEquals(1, r.links().get(0).bySymmetry());
        assertEquals(0, r.links().get(1).bySymmetry());
        // a program of the wrong function fails the chain with a counterexample of the source
        Design wrong = Design.ofNetwork("maj9", SymmetricCircuits.of("maj", 9, w -> w >= 6));
        Compiled bad = resynthesised(d, wrong.network(), family);
        CecResult.NotEquivalent cex = assertInstanceOf(CecResult.NotEquivalent.class,
                ProofChain.check(CompilationChain.stages(bad, "maj9"), OPTIONS).overall());
        assertEquals(5, cex.inputs().values().stream().filter(v -> v).count());
    }

    /** A compilation of {@code d} whose recorded derivation rebuilt {@code network} (d's own, or a wrong one). */
    private static Compiled resynthesised(Design d, Aig network, GateFamily family) {
        Aig rebuilt = new SymmetricPass().run(network);
        RootedMapping mapped = TechnologyMapper.mapRooted(rebuilt, family, d.name(), false);
        return new Compiled(d, family, mapped.network(), false, Schedulers.defaultScheduler().name(),
                Schedulers.defaultScheduler().schedule(mapped.network(), family, ScheduleOptions.defaults()), SymmetricPass.INFO.name(),
                Optional.of(new Derivation.Resynthesised(SymmetricPass.INFO.name(), rebuilt, ImmutableSet.of("maj"), mapped.roots())));
    }

    private static SymmetryProof.Outcome check(Aig f, Aig g) {
        return SymmetryProof.check(f, g, "f", "g", ImmutableSet.copyOf(f.outputNames()), OPTIONS, Budget.start(OPTIONS));
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) x = parent[x];
        return x;
    }

    private static boolean simulate(Aig g, Map<String, Boolean> inputs) {
        long[][] in = new long[g.numInputs()][1];
        for (int i = 0; i < g.numInputs(); i++) in[i][0] = inputs.getOrDefault(g.inputName(i), false) ? 1 : 0;
        return (AigSimulator.simulate(g, in)[0][0] & 1) != 0;
    }

    /** Output 0 of {@code g} XOR (x[on] AND NOT x[off]). */
    private static Aig xorTerm(Aig g, int on, int off) {
        return rebuild(g, (b, map) -> b.xor(Miter.lit(map, g.output(0)), b.and(b.input(on), Lit.not(b.input(off)))), i -> false);
    }

    private static Aig negateInput(Aig g, int input) {
        return rebuild(g, (b, map) -> Miter.lit(map, g.output(0)), i -> i == input);
    }

    /** {@code g}'s outputs plus "and01": x[0] AND x[1], or ({@code or}) x[0] OR x[1]. */
    private static Aig withExtraOutput(Aig g, boolean or) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < g.numInputs(); i++) b.addInput(g.inputName(i));
        int[] map = nodes(g, b, i -> false);
        for (int o = 0; o < g.numOutputs(); o++) b.addOutput(g.outputName(o), Miter.lit(map, g.output(o)));
        b.addOutput("and01", or ? b.or(b.input(0), b.input(1)) : b.and(b.input(0), b.input(1)));
        return b.build();
    }

    private interface Output { int lit(AigBuilder b, int[] map); }

    /** {@code g}'s first output rebuilt by {@code out} over a copy whose inputs in {@code negated} are complemented. */
    private static Aig rebuild(Aig g, Output out, IntPredicate negated) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < g.numInputs(); i++) b.addInput(g.inputName(i));
        int[] map = nodes(g, b, negated);
        b.addOutput(g.outputName(0), out.lit(b, map));
        return b.build();
    }

    /** {@code g}'s nodes copied into {@code b} (whose inputs are g's), the inputs of {@code negated} complemented. */
    private static int[] nodes(Aig g, AigBuilder b, IntPredicate negated) {
        int[] map = new int[g.size()];
        for (int i = 0; i < g.numInputs(); i++) map[i + 1] = Lit.notIf(b.input(i), negated.test(i));
        for (int n = g.firstAnd(); n < g.size(); n++) map[n] = b.and(Miter.lit(map, g.fanin0(n)), Miter.lit(map, g.fanin1(n)));
        return map;
    }
}
