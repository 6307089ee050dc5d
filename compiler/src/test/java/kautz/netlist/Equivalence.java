package kautz.netlist;

import kautz.network.Aig;
import kautz.network.AigSimulator;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helper: two networks agree on random input rows (and, for few inputs, on all rows). */
final class Equivalence {
    private Equivalence() {}

    static void assertSimulatesEqual(Aig a, Aig b, Random rnd, String what) {
        assertEquals(a.numInputs(), b.numInputs(), what + ": inputs");
        assertEquals(a.numOutputs(), b.numOutputs(), what + ": outputs");
        long[][] in = new long[a.numInputs()][4];
        for (int i = 0; i < in.length; i++) {
            for (int w = 0; w < 4; w++) {
                // the first six inputs enumerate all 64 combinations in word 0; the rest is random
                in[i][w] = w == 0 && i < 6 ? EXHAUSTIVE[i] : rnd.nextLong();
            }
        }
        long[][] x = AigSimulator.simulate(a, in), y = AigSimulator.simulate(b, in);
        for (int o = 0; o < x.length; o++) assertArrayEquals(x[o], y[o], what + ": output " + a.outputName(o));
    }

    private static final long[] EXHAUSTIVE = {
            0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
            0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L};
}
