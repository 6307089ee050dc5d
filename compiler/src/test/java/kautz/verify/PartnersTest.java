package kautz.verify;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Claimed partners speed a link up when right and never change its answer when wrong. */
class PartnersTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(20));

    @Test
    void invertingKeepsTheComplementAndTheFirstOldNode() {
        int[] oldToNew = {Lit.of(0, false), Lit.of(1, false), Partners.NONE, Lit.of(3, true), Lit.of(3, false)};
        int[] p = Partners.invert(oldToNew, 5);
        assertArrayEquals(new int[] {Lit.of(0, false), Lit.of(1, false), Partners.NONE, Lit.of(3, true), Partners.NONE}, p);
    }

    @Test
    void rightClaimsAreProvenAndUsed() {
        for (long seed = 1; seed <= 5; seed++) {
            Aig a = EquivalenceCheckerTest.randomAig(seed, 10, 300, 8);
            int[] oldToNew = new int[a.size()];
            Aig b = reassociated(a, oldToNew);
            int[] partners = Partners.invert(oldToNew, b.size());
            CecResult r = EquivalenceChecker.check(a, b, "a", "b", OPTIONS, Budget.start(OPTIONS), partners);
            assertInstanceOf(CecResult.Equivalent.class, r, "seed " + seed);
            assertTrue(r.stats().byPartner() > 0, "claims were used: " + r.stats());
        }
    }

    @Test
    void wrongClaimsNeverChangeTheAnswer() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (long seed = 1; seed <= 5; seed++) {
            Aig a = EquivalenceCheckerTest.randomAig(seed, 10, 300, 8);
            int[] oldToNew = new int[a.size()];
            Aig b = reassociated(a, oldToNew);
            int[] wrong = new int[b.size()];
            for (int n = 0; n < wrong.length; n++) wrong[n] = Lit.of(rnd.nextInt(a.size()), rnd.nextBoolean());
            assertInstanceOf(CecResult.Equivalent.class,
                    EquivalenceChecker.check(a, b, "a", "b", OPTIONS, Budget.start(OPTIONS), wrong), "seed " + seed);

            // a real difference with claims that b is a's copy node for node: still caught
            Aig other = EquivalenceCheckerTest.randomAig(seed + 100, 10, 300, 8);
            int[] copyClaims = new int[other.size()];
            for (int n = 0; n < copyClaims.length; n++) copyClaims[n] = n < a.size() ? Lit.of(n, false) : Partners.NONE;
            assertInstanceOf(CecResult.NotEquivalent.class,
                    EquivalenceChecker.check(a, other, "a", "other", OPTIONS, Budget.start(OPTIONS), copyClaims));
        }
    }

    /**
     * a with {@code (p ∧ q) ∧ y} rewritten as {@code p ∧ (q ∧ y)} wherever a node's first fan-in is a plain
     * AND (what balancing does), recording each old node's new literal.
     */
    private static Aig reassociated(Aig a, int[] oldToNew) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < a.numInputs(); i++) b.addInput(a.inputName(i));
        oldToNew[0] = Lit.FALSE;
        for (int i = 1; i <= a.numInputs(); i++) oldToNew[i] = b.input(i - 1);
        for (int n = a.firstAnd(); n < a.size(); n++) {
            int x = a.fanin0(n), y = Miter.lit(oldToNew, a.fanin1(n));
            int xn = Lit.node(x);
            if (!Lit.isComplement(x) && xn >= a.firstAnd()) {
                int p = Miter.lit(oldToNew, a.fanin0(xn)), q = Miter.lit(oldToNew, a.fanin1(xn));
                oldToNew[n] = b.and(p, b.and(q, y));
            } else {
                oldToNew[n] = b.and(Miter.lit(oldToNew, x), y);
            }
        }
        for (int o = 0; o < a.numOutputs(); o++) b.addOutput(a.outputName(o), Miter.lit(oldToNew, a.output(o)));
        return b.build();
    }
}
