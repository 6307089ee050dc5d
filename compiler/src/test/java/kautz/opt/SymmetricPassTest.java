package kautz.opt;

import kautz.diag.UserError;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.network.Lit;
import org.junit.jupiter.api.Test;

import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.*;

/** The symmetric pass recognises symmetric outputs, rebuilds them with the same function, and leaves the rest alone. */
class SymmetricPassTest {
    private final SymmetricPass pass = new SymmetricPass();

    @Test
    void majoritiesAreRecognisedWithTheirThresholdAndRebuiltExactly() {
        SymmetricPass pass = new SymmetricPass(3); // the default min (8) would leave the majority of 7 alone
        for (int n : new int[] {7, 15, 31}) {
            Aig maj = SymmetricCircuits.majority(n);
            SymmetricFunction f = pass.find(maj)[0];
            assertNotNull(f, "majority of " + n);
            assertEquals(n, f.arity());
            assertTrue(f.isThreshold());
            for (int w = 0; w <= n; w++) assertEquals(2 * w > n, f.values()[w], "majority of " + n + " at weight " + w);
            Aig rebuilt = pass.run(maj);
            assertNotSame(maj, rebuilt);
            assertSameOnEveryWeight(maj, rebuilt, n);
            if (n <= 15) assertSameOnAllRows(maj, rebuilt, n);
        }
    }

    @Test
    void parityThresholdsAndOtherWeightFunctionsAreRebuilt() {
        check("parity", 9, w -> w % 2 == 1, false);
        check("atLeast4", 12, w -> w >= 4, true);
        check("below5", 11, w -> w < 5, true);
        check("exactly3", 10, w -> w == 3, false);
        check("mod3", 13, w -> w % 3 == 0, false);
    }

    private void check(String name, int n, IntPredicate g, boolean threshold) {
        Aig aig = SymmetricCircuits.of(name, n, g);
        SymmetricFunction f = pass.find(aig)[0];
        assertNotNull(f, name);
        assertEquals(threshold, f.isThreshold(), name);
        for (int w = 0; w <= n; w++) assertEquals(g.test(w), f.values()[w], name + " at weight " + w);
        Aig rebuilt = pass.run(aig);
        assertSameOnAllRows(aig, rebuilt, n);
    }

    @Test
    void nonSymmetricOutputsAreLeftAsTheyAre() {
        // a weighted count: x0 counts twice, so swapping x0 with another input changes the function
        AigBuilder b = new AigBuilder();
        int[] in = new int[10];
        for (int i = 0; i < in.length; i++) in[i] = b.addInput("x[" + i + "]");
        int[] twice = new int[11];
        System.arraycopy(in, 0, twice, 0, 10);
        twice[10] = in[0];
        b.addOutput("weighted", SymmetricCircuits.function(b, SymmetricCircuits.count(b, twice, 0, 11), 11, w -> w >= 6));
        // majority of 9 with one input complemented: symmetric only up to a negation
        b.addOutput("skewed", SymmetricCircuits.function(b,
                SymmetricCircuits.count(b, new int[] {Lit.not(in[0]), in[1], in[2], in[3], in[4], in[5], in[6], in[7], in[8]}, 0, 9), 9, w -> w >= 5));
        Aig aig = b.build();
        SymmetricFunction[] found = pass.find(aig);
        assertNull(found[0]);
        assertNull(found[1]);
        assertSame(aig, pass.run(aig));
    }

    @Test
    void mixedOutputsShareOneCounterAndKeepTheOthers() {
        // a sorter's outputs (at least k of 8) are all symmetric over the same inputs; x0 & x1 is not symmetric
        AigBuilder b = new AigBuilder();
        int[] in = new int[8];
        for (int i = 0; i < in.length; i++) in[i] = b.addInput("x[" + i + "]");
        int[] count = SymmetricCircuits.count(b, in, 0, 8);
        for (int k = 1; k <= 8; k++) {
            int kk = k;
            b.addOutput("atLeast" + k, SymmetricCircuits.function(b, count, 8, w -> w >= kk));
        }
        b.addOutput("x0x1", b.and(in[0], in[1]));
        Aig aig = b.build();
        SymmetricFunction[] found = pass.find(aig);
        for (int k = 0; k < 8; k++) assertNotNull(found[k], "atLeast" + (k + 1));
        assertNull(found[8]); // support of two inputs, below min anyway
        Aig rebuilt = pass.run(aig);
        assertSameOnAllRows(aig, rebuilt, 8);
        // one counter of 8 inputs: 7 increments, not 8 counters
        Aig single = pass.run(SymmetricCircuits.of("atLeast1", 8, w -> w >= 1));
        assertTrue(rebuilt.numAnds() < 3 * single.numAnds(), rebuilt.numAnds() + " ANDs against " + single.numAnds() + " for one output");
    }

    @Test
    void smallSupportsAreBelowMinAndTheOptionIsChecked() {
        Aig maj5 = SymmetricCircuits.majority(5);
        assertSame(maj5, pass.run(maj5));
        Pass p = Pipeline.parse("symmetric{min=3}").passes().get(0);
        assertEquals("symmetric{min=3}", p.spec());
        assertNotSame(maj5, p.run(maj5));
        assertThrows(UserError.class, () -> Pipeline.parse("symmetric{min=1}"));
        assertEquals("symmetric", Pipeline.parse("symmetric").toString());
    }

    @Test
    void theCounterNeedsLogarithmicallyManyBitsAndAboutThreeAndsPerBitPerInput() {
        int n = 31;
        Aig rebuilt = pass.run(SymmetricCircuits.majority(n));
        int bits = 0;
        for (int i = 1; i <= n; i++) bits += 32 - Integer.numberOfLeadingZeros(i);
        assertTrue(rebuilt.numAnds() <= 3 * bits + 2 * 5, rebuilt.numAnds() + " ANDs");
    }

    private static void assertSameOnAllRows(Aig a, Aig b, int n) {
        int rows = 1 << n;
        long[][] in = new long[n][(rows + 63) / 64];
        for (int r = 0; r < rows; r++) for (int i = 0; i < n; i++) if ((r >>> i & 1) != 0) in[i][r >>> 6] |= 1L << (r & 63);
        assertPlanesEqual(AigSimulator.simulate(a, in), AigSimulator.simulate(b, in), rows);
    }

    private static void assertSameOnEveryWeight(Aig a, Aig b, int n) {
        long[][] in = SymmetricCircuits.rowsOfEveryWeight(n, 16, 5);
        assertPlanesEqual(AigSimulator.simulate(a, in), AigSimulator.simulate(b, in), SymmetricCircuits.rows(n, 16));
    }

    private static void assertPlanesEqual(long[][] x, long[][] y, int rows) {
        for (int o = 0; o < x.length; o++) {
            for (int w = 0; w < x[o].length; w++) {
                long mask = (w + 1) * 64 <= rows ? -1L : (1L << (rows - w * 64)) - 1;
                assertEquals(x[o][w] & mask, y[o][w] & mask, "output " + o + " word " + w);
            }
        }
    }
}
