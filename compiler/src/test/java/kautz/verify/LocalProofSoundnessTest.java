package kautz.verify;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.network.Lit;
import kautz.opt.ArithmeticCircuits;
import kautz.opt.Pipeline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shortcuts that make local rewrites cheap to prove ({@link MeetingWindow}, {@link NearbyNodes}) must
 * never merge nodes that differ: a wrong replacement of one node, even one that random simulation cannot
 * see, must give "not equivalent" with a real counterexample. Ground truth by exhaustive simulation.
 */
class LocalProofSoundnessTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(20));
    private static final int INPUTS = 14;

    @Test
    void theMeetingWindowStopsAtTheSharedCutAndProvesOnlyEqualTables() {
        AigBuilder b = new AigBuilder();
        int x = b.addInput("x"), y = b.addInput("y"), z = b.addInput("z");
        int p = b.and(x, y), q = b.and(y, z);
        int deep = b.and(p, q);                                 // the old cone, numbered below the cut node
        int cut = b.and(b.xor(x, z), y);                        // a cut node newer than the old cone's nodes
        int old = b.and(deep, cut);                             // = 0 since x = z = 1 makes xor(x, z) = 0
        int replacement = b.and(b.and(x, Lit.not(z)), y);       // x ¬z y: not equal to old
        int same = b.and(p, b.and(q, cut));                     // old rebuilt in another order over the cut {p, q, cut}
        MeetingWindow w = new MeetingWindow(b);
        WindowProof tables = new WindowProof(b);
        w.build(Lit.node(old), Lit.node(same), 400);
        assertTrue(isLeaf(w, Lit.node(cut)), "the node both read is a leaf, not expanded");
        assertEquals(3, w.leafCount, "p, q and cut");
        assertTrue(tables.provesEqual(old, same, w));
        w.build(Lit.node(old), Lit.node(replacement), 400);
        assertFalse(tables.provesEqual(old, replacement, w));
        assertFalse(tables.provesEqual(old, Lit.not(old), w));
        // old is constant 0: equal tables with the constant node over the window of the whole cone
        w.build(Lit.node(old), 0, 400);
        assertTrue(w.whole);
        assertTrue(tables.provesEqual(old, Lit.FALSE, w));
    }

    private static boolean isLeaf(MeetingWindow w, int node) {
        for (int k = 0; k < w.leafCount; k++) if (w.leaves[k] == node) return true;
        return false;
    }

    @Test
    void aRealRewriteIsProvenAndEveryWrongReplacementIsCaught() {
        int wrong = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Aig a = seed % 3 == 0 ? EquivalenceCheckerTest.adder(INPUTS / 2, true, -1) : ArithmeticCircuits.multiplier(INPUTS / 2);
            Aig b = Pipeline.parse("strash; constprop; rewrite; resub; balance").run(a);
            assertTrue(b.numAnds() > 20, "seed " + seed + ": " + a + " optimised to " + b);
            assertInstanceOf(CecResult.Equivalent.class, EquivalenceChecker.check(a, b, "A", "B", OPTIONS), "seed " + seed);
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int k = 0; k < 4; k++) {
                Aig mutant = mutate(b, rnd, k % 2 == 1);
                boolean equal = sameFunction(a, mutant);
                CecResult r = EquivalenceChecker.check(a, mutant, "A", "B'", OPTIONS);
                if (equal) {
                    assertInstanceOf(CecResult.Equivalent.class, r, "seed " + seed + " mutant " + k);
                    continue;
                }
                wrong++;
                CecResult.NotEquivalent ne = assertInstanceOf(CecResult.NotEquivalent.class, r, "seed " + seed + " mutant " + k);
                assertTrue(EquivalenceChecker.replay(a, mutant, "A", "B'", ne.inputs(), ne.stats()).isPresent(),
                        "the counterexample is real");
            }
        }
        assertTrue(wrong >= 20, "most mutants change the function: " + wrong);
    }

    /**
     * A copy of {@code g} with one AND node replaced wrongly: a fan-in complemented, or ({@code rare}) the
     * node XOR a minterm of all inputs, which differs on one input pattern in 2^14 and so escapes simulation.
     */
    private static Aig mutate(Aig g, SplittableRandom rnd, boolean rare) {
        AigBuilder b = new AigBuilder();
        int[] map = new int[g.size()];
        for (int i = 0; i < g.numInputs(); i++) map[i + 1] = b.addInput(g.inputName(i));
        int victim = g.firstAnd() + rnd.nextInt(Math.max(1, g.numAnds()));
        int minterm = Lit.TRUE;
        for (int i = 0; i < g.numInputs(); i++) minterm = b.and(minterm, Lit.notIf(map[i + 1], rnd.nextBoolean()));
        for (int n = g.firstAnd(); n < g.size(); n++) {
            int x = Miter.lit(map, g.fanin0(n)), y = Miter.lit(map, g.fanin1(n));
            if (n == victim && !rare) x = Lit.not(x);
            map[n] = b.and(x, y);
            if (n == victim && rare) map[n] = b.xor(map[n], minterm);
        }
        for (int o = 0; o < g.numOutputs(); o++) b.addOutput(g.outputName(o), Miter.lit(map, g.output(o)));
        return b.build();
    }

    /** Exhaustive simulation over all 2^14 input patterns (inputs matched by position: both keep the order). */
    private static boolean sameFunction(Aig a, Aig b) {
        int words = (1 << INPUTS) / 64;
        long[][] patterns = new long[INPUTS][words];
        for (int i = 0; i < INPUTS; i++) {
            for (int w = 0; w < words; w++) {
                long v = 0;
                for (int bit = 0; bit < 64; bit++) if (((w * 64 + bit) >> i & 1) != 0) v |= 1L << bit;
                patterns[i][w] = v;
            }
        }
        long[][] oa = AigSimulator.simulate(a, patterns), ob = AigSimulator.simulate(b, patterns);
        for (int o = 0; o < a.numOutputs(); o++) {
            int p = b.outputNames().indexOf(a.outputName(o));
            for (int w = 0; w < words; w++) if (oa[o][w] != ob[p][w]) return false;
        }
        return true;
    }
}
