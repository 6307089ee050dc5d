package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigSimulator;

import java.util.SplittableRandom;

/**
 * The cheap equivalence check every optimisation result gets: both networks simulated on the same seeded
 * random rows (64 per word). Finding a difference proves non-equivalence; agreeing is strong evidence,
 * not a proof (a formal check belongs to {@code kautz verify}).
 */
public final class RandomSimulation {
    private RandomSimulation() {}

    /** Index of the first output that differs on some row, or -1 if all agree; inputs and outputs match by position. */
    public static int firstDifference(Aig a, Aig b, int words, long seed) {
        if (a.numInputs() != b.numInputs() || a.numOutputs() != b.numOutputs()) return 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] in = new long[a.numInputs()][words];
        for (long[] row : in) for (int w = 0; w < words; w++) row[w] = rnd.nextLong();
        long[][] x = AigSimulator.simulate(a, in), y = AigSimulator.simulate(b, in);
        for (int o = 0; o < x.length; o++) {
            if (!java.util.Arrays.equals(x[o], y[o])) return o;
        }
        return -1;
    }

}
