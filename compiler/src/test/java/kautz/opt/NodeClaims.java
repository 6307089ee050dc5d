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

    /** Asserts that both networks' outputs agree on 512 random patterns. */
    public static void assertSameOutputs(Aig a, Aig b, String what) {
        int[] claims = new int[a.size()];
        java.util.Arrays.fill(claims, -1);
        for (int o = 0; o < a.numOutputs(); o++) {
            int x = a.output(o), y = b.output(o);
            // output o of a is claimed to be output o of b: node of x -> y, complemented as x is
            claims[Lit.node(x)] = Lit.notIf(y, Lit.isComplement(x));
            assertTrue(a, b, claims, what + ": output " + o);
            claims[Lit.node(x)] = -1;
        }
    }

    /**
     * For each node of {@code from}, whether some node of {@code to} (same inputs) computes it or its
     * complement on 512 random patterns.
     */
    public static boolean[] computedIn(Aig from, Aig to) {
        Random rnd = new Random(from.size() * 31L + to.size());
        long[][] in = new long[from.numInputs()][WORDS];
        for (long[] row : in) for (int w = 0; w < WORDS; w++) row[w] = rnd.nextLong();
        long[][] x = nodeValues(from, in), y = nodeValues(to, in);
        java.util.Set<java.util.List<Long>> there = new java.util.HashSet<>();
        for (long[] v : y) there.add(normalised(v));
        boolean[] found = new boolean[from.size()];
        for (int n = 0; n < found.length; n++) found[n] = there.contains(normalised(x[n]));
        return found;
    }

    /** The values, complemented so that the first pattern is 0. */
    private static java.util.List<Long> normalised(long[] v) {
        long flip = (v[0] & 1) != 0 ? -1L : 0L;
        java.util.List<Long> out = new java.util.ArrayList<>(v.length);
        for (long w : v) out.add(w ^ flip);
        return out;
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
