package kautz.opt;

import kautz.network.Aig;
import kautz.network.Lit;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks claims that nodes of one network compute literals of another, by simulating both on random patterns. */
public final class NodeClaims {
    private static final int WORDS = 8;

    private NodeClaims() {}

    /**
     * Asserts that node n of {@code from} equals literal {@code map[n]} of {@code to} (same inputs in the same
     * order) on 512 random patterns, for every n with {@code map[n] >= 0}; returns how many claims there are.
     */
    public static int assertTrue(Aig from, Aig to, int[] map, String what) {
        Random rnd = new Random(what.hashCode());
        long[][] in = new long[from.numInputs()][WORDS];
        for (long[] row : in) for (int w = 0; w < WORDS; w++) row[w] = rnd.nextLong();
        long[][] x = nodeValues(from, in), y = nodeValues(to, in);
        int claims = 0;
        for (int n = 0; n < map.length; n++) {
            if (map[n] < 0) continue;
            org.junit.jupiter.api.Assertions.assertTrue(Lit.node(map[n]) < to.size(), what + ": node " + n + " claims a node beyond the network");
            long flip = Lit.isComplement(map[n]) ? -1L : 0L;
            for (int w = 0; w < WORDS; w++) {
                assertEquals(x[n][w], y[Lit.node(map[n])][w] ^ flip, what + ": node " + n + " -> literal " + map[n]);
            }
            claims++;
        }
        return claims;
    }

    private static long[][] nodeValues(Aig aig, long[][] inputs) {
        long[][] v = new long[aig.size()][];
        v[0] = new long[WORDS];
        for (int i = 0; i < aig.numInputs(); i++) v[i + 1] = inputs[i];
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            long[] a = v[Lit.node(aig.fanin0(n))], b = v[Lit.node(aig.fanin1(n))];
            long ca = Lit.isComplement(aig.fanin0(n)) ? -1L : 0L, cb = Lit.isComplement(aig.fanin1(n)) ? -1L : 0L;
            v[n] = new long[WORDS];
            for (int w = 0; w < WORDS; w++) v[n][w] = (a[w] ^ ca) & (b[w] ^ cb);
        }
        return v;
    }
}
