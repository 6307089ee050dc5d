package kautz.network;

/**
 * Bit-parallel simulation of an {@link Aig}: 64 rows per {@code long}. This is the reference evaluation
 * that every compiled program is checked against, so it stays deliberately simple.
 */
public final class AigSimulator {
    private AigSimulator() {}

    /**
     * Simulates {@code words} 64-row words.
     *
     * @param inputs {@code inputs[i][w]}: word {@code w} of primary input {@code i}
     * @return {@code out[o][w]}: word {@code w} of output {@code o}
     */
    public static long[][] simulate(Aig aig, long[][] inputs) {
        return simulate(aig, inputs, inputs.length == 0 ? 1 : inputs[0].length);
    }

    /**
     * As {@link #simulate(Aig, long[][])} for exactly {@code words} words; a network with no inputs has no
     * planes to take the row count from, so callers that know it say it.
     */
    public static long[][] simulate(Aig aig, long[][] inputs, int words) {
        if (inputs.length != aig.numInputs()) {
            throw new IllegalArgumentException("expected " + aig.numInputs() + " inputs, got " + inputs.length);
        }
        long[][] out = new long[aig.numOutputs()][words];
        long[] value = new long[aig.size()];
        for (int w = 0; w < words; w++) {
            value[0] = 0L;
            for (int i = 0; i < aig.numInputs(); i++) value[i + 1] = inputs[i][w];
            for (int n = aig.firstAnd(); n < aig.size(); n++) {
                value[n] = literal(value, aig.fanin0(n)) & literal(value, aig.fanin1(n));
            }
            for (int o = 0; o < aig.numOutputs(); o++) out[o][w] = literal(value, aig.output(o));
        }
        return out;
    }

    private static long literal(long[] value, int lit) {
        long v = value[Lit.node(lit)];
        return Lit.isComplement(lit) ? ~v : v;
    }
}
