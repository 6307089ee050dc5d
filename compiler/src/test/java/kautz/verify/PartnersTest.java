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
     * log2 for FELIX: a subtractor's borrow chain, {@code b = (x ∧ ¬y) ∨ (xnor(x, y) ∧ ¬z)} over the borrow z
     * before it, against Min3 gates {@code ¬maj(¬x, y, z)} each claiming its borrow. The majority's
     * {@code ¬x ∧ y} and {@code ¬(x ∧ ¬y)} hash onto the borrow's own nodes, so the two cones meet at those
     * siblings and z: free, the siblings can both be 1, which no input gives, and the tables over them
     * differ. The first z is a long carry chain (over 4,000 ANDs, numbered above the siblings), so the
     * newest-first windows stop at the siblings too, and no window is whole. Every claim must be merged.
     */
    @Test
    void claimsWhoseConesMeetAtTiedSiblingsAreProven() {
        int width = 12, carries = 1100;
        AigBuilder l = new AigBuilder(), r = new AigBuilder();
        int[] lx = new int[width], ly = new int[width], rx = new int[width], ry = new int[width];
        for (int i = 0; i < width; i++) {
            lx[i] = l.addInput("x" + i); rx[i] = r.addInput("x" + i);
            ly[i] = l.addInput("y" + i); ry[i] = r.addInput("y" + i);
        }
        int[][] lpq = addends(l, carries), rpq = addends(r, carries);
        int[] s1 = new int[width], s2 = new int[width], e = new int[width];
        for (int i = 0; i < width; i++) { // the siblings first, as the optimised network numbers them
            s1[i] = l.and(lx[i], Lit.not(ly[i]));
            s2[i] = l.and(Lit.not(lx[i]), ly[i]);
            e[i] = l.and(Lit.not(s1[i]), Lit.not(s2[i]));
        }
        int lz = carry(l, lpq), rz = carry(r, rpq);
        int[] claimed = new int[width], claims = new int[width];
        for (int i = 0; i < width; i++) {
            int borrow = Lit.not(l.and(Lit.not(s1[i]), Lit.not(l.and(e[i], Lit.not(lz)))));
            int min3 = Lit.not(r.maj(Lit.not(rx[i]), ry[i], rz));
            l.addOutput("b" + i, borrow);
            r.addOutput("b" + i, min3);
            claimed[i] = min3;
            claims[i] = borrow;
            lz = borrow;
            rz = min3;
        }
        Aig left = l.build(), right = r.build();
        int[] partners = new int[right.size()];
        java.util.Arrays.fill(partners, Partners.NONE);
        for (int n = right.firstAnd(); n < right.size(); n++) partners[n] = Partners.INNER;
        for (int i = 0; i < width; i++) partners[Lit.node(claimed[i])] = Lit.notIf(claims[i], Lit.isComplement(claimed[i]));
        CecOptions options = CecOptions.defaults().withTimeout(Duration.ofSeconds(10));
        CecResult result = EquivalenceChecker.check(left, right, "borrows", "min3", options, Budget.start(options), partners);
        assertInstanceOf(CecResult.Equivalent.class, result);
        assertEquals(width, result.stats().byPartner(), "every Min3 merged onto its borrow: " + result.stats());
    }

    /** Inputs p and q of {@code bits} bits each. */
    private static int[][] addends(AigBuilder b, int bits) {
        int[][] pq = new int[2][bits];
        for (int i = 0; i < bits; i++) { pq[0][i] = b.addInput("p" + i); pq[1][i] = b.addInput("q" + i); }
        return pq;
    }

    /** The carry out of p + q, as a chain of majorities. */
    private static int carry(AigBuilder b, int[][] pq) {
        int c = Lit.FALSE;
        for (int i = 0; i < pq[0].length; i++) c = b.maj(pq[0][i], pq[1][i], c);
        return c;
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
