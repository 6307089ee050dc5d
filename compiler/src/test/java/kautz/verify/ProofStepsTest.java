package kautz.verify;

import com.google.common.collect.ImmutableSet;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.load.Design;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.opt.Scripts;
import kautz.opt.SymmetricCircuits;
import kautz.opt.SymmetricPass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every step of the checker's strategy can be switched off, and the answers stay sound: an equivalent pair
 * is never refuted, a pair that differs (on one input row in 2^14, which random simulation misses) is never
 * proven, and every counterexample is real. With every step on, every pair is decided.
 */
class ProofStepsTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(20));

    @Test
    void switchingAnyStepOffKeepsTheAnswersSound() {
        List<CecStrategy> strategies = new ArrayList<>();
        for (ProofStep s : ProofStep.values()) strategies.add(CecStrategy.defaults().without(s));
        strategies.add(CecStrategy.defaults().withSteps(ImmutableSet.of()));
        for (CecStrategy strategy : strategies) {
            CecOptions o = OPTIONS.withStrategy(strategy);
            EnumSet<ProofStep> offSteps = EnumSet.allOf(ProofStep.class);
            offSteps.removeAll(strategy.steps());
            String off = "without " + offSteps;
            for (long seed = 1; seed <= 3; seed++) {
                Aig a = EquivalenceCheckerTest.randomAig(seed, 16, 250, 8);
                List<ProofChain.Stage> chain = optimised(a);
                assertFalse(ProofChain.check(chain, o).overall() instanceof CecResult.NotEquivalent, off + " seed " + seed);
                Aig wrong = rareDifference(chain.get(chain.size() - 1).network());
                List<ProofChain.Stage> wrongChain = new ArrayList<>(chain);
                wrongChain.set(wrongChain.size() - 1, new ProofChain.Stage("wrong", wrong));
                CecResult r = ProofChain.check(wrongChain, o).overall();
                assertFalse(r instanceof CecResult.Equivalent, off + " proved a wrong network, seed " + seed);
                if (r instanceof CecResult.NotEquivalent n) assertReal(a, wrong, n, off);
            }
            Compiled c = Flow.compileRecorded(Design.ofNetwork("k", EquivalenceCheckerTest.randomAig(7, 10, 200, 6)),
                    FlowOptions.defaults().withTarget("imply"));
            assertFalse(ProofChain.check(CompilationChain.stages(c, "src"), o).overall() instanceof CecResult.NotEquivalent, off);
            Aig maj = SymmetricCircuits.majority(9);
            List<ProofChain.Stage> symmetric = List.of(new ProofChain.Stage("maj", maj),
                    new ProofChain.Stage("counter", new SymmetricPass().run(maj), null, ImmutableSet.of("maj")));
            assertFalse(ProofChain.check(symmetric, o).overall() instanceof CecResult.NotEquivalent, off);
            Aig notMaj = SymmetricCircuits.of("maj", 9, w -> w >= 6);
            List<ProofChain.Stage> wrongSymmetric = List.of(new ProofChain.Stage("maj", maj),
                    new ProofChain.Stage("counter", new SymmetricPass().run(notMaj), null, ImmutableSet.of("maj")));
            CecResult r = ProofChain.check(wrongSymmetric, o).overall();
            assertFalse(r instanceof CecResult.Equivalent, off);
            if (r instanceof CecResult.NotEquivalent n) assertReal(maj, new SymmetricPass().run(notMaj), n, off);
        }
    }

    @Test
    void withEveryStepOnEveryPairIsDecidedAndTheStepsAreCounted() {
        Aig a = EquivalenceCheckerTest.randomAig(1, 16, 250, 8);
        List<ProofChain.Stage> chain = optimised(a);
        CecResult ok = ProofChain.check(chain, OPTIONS).overall();
        assertInstanceOf(CecResult.Equivalent.class, ok);
        assertTrue(ok.stats().steps().get(ProofStep.SIMULATION).misses() > 0, ok.stats().steps().toString());
        long hits = ok.stats().steps().values().stream().mapToLong(StepStats::hits).sum();
        assertTrue(hits >= ok.stats().merges(), "every merge is some step's hit: " + ok.stats());
        Aig wrong = rareDifference(chain.get(chain.size() - 1).network());
        assertInstanceOf(CecResult.NotEquivalent.class,
                EquivalenceChecker.check(a, wrong, "a", "wrong", OPTIONS));
    }

    /** The chain a ≡ after each pass of the default script (claims included), as {@code verify A B} builds it. */
    private static List<ProofChain.Stage> optimised(Aig a) {
        Aig b = Scripts.defaultPipeline().run(a);
        return CompilationChain.stages(new ProofChain.Stage("a", a), new ProofChain.Stage("b", b), Scripts.DEFAULT);
    }

    /** {@code g} with its first output flipped where inputs 0..13 are all 1: one row in 2^14. */
    private static Aig rareDifference(Aig g) {
        AigBuilder b = new AigBuilder();
        int[] map = new int[g.size()];
        for (int i = 0; i < g.numInputs(); i++) map[i + 1] = b.addInput(g.inputName(i));
        for (int n = g.firstAnd(); n < g.size(); n++) map[n] = b.and(Miter.lit(map, g.fanin0(n)), Miter.lit(map, g.fanin1(n)));
        int all = Lit.TRUE;
        for (int i = 0; i < 14; i++) all = b.and(all, b.input(i));
        for (int o = 0; o < g.numOutputs(); o++) {
            int lit = Miter.lit(map, g.output(o));
            b.addOutput(g.outputName(o), o == 0 ? b.xor(lit, all) : lit);
        }
        return b.build();
    }

    private static void assertReal(Aig left, Aig right, CecResult.NotEquivalent n, String what) {
        assertTrue(EquivalenceChecker.replay(left, right, "l", "r", n.inputs(), n.stats()).isPresent(),
                what + ": the counterexample does not replay");
    }
}
