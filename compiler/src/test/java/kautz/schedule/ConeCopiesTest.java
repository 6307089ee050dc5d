package kautz.schedule;

import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ConeCopiesTest {
    @Test
    void theRewriteComputesTheSameAndMovesValuesOnlyBetweenNeighbours() {
        int rewritten = 0;
        for (long seed = 1; seed <= 20; seed++) {
            MappedNetwork net = TestNetworks.randomNor(seed, 3 + (int) (seed % 8), 30 + (int) seed * 9, 2 + (int) (seed % 9));
            GateGraph graph = new GateGraph(net, TestNetworks.MAGIC_NOR);
            for (int k : new int[] {2, 5, 8}) {
                for (int shared : new int[] {0, 3}) {
                    ConeCopies.Copies copies = ConeCopies.rewrite(graph, k, 1000, shared);
                    assertNotNull(copies, "seed " + seed);
                    rewritten++;
                    MappedNetwork out = copies.network();
                    String where = "seed " + seed + " k=" + k + " shared=" + shared;
                    SplittableRandom rnd = new SplittableRandom(seed);
                    long[][] in = new long[net.numInputs()][2];
                    for (long[] a : in) for (int w = 0; w < 2; w++) a[w] = rnd.nextLong();
                    assertTrue(Arrays.deepEquals(net.simulate(in), out.simulate(in)), where + ": the rewrite computes something else");
                    int[] home = copies.home();
                    for (int g = out.numInputs(); g < out.numNodes(); g++) {
                        if (out.gate(g).primitive().isConstant()) continue;
                        assertTrue(home[g] >= 0 && home[g] < k, where);
                        for (int i = 0; i < out.gate(g).fanins().length(); i++) {
                            int f = out.gate(g).fanins().get(i);
                            if (f >= out.numInputs() && out.gate(f).primitive().isConstant()) continue;
                            int d = Math.abs(home[f] - home[g]);
                            assertTrue(d == 0 || d == 1 && out.gate(g).primitive().equals(Primitives.INV1),
                                    where + ": gate " + g + " reads node " + f + " " + d + " partitions away");
                        }
                    }
                }
            }
        }
        assertTrue(rewritten > 0);
    }

    @Test
    void givesUpWhenTheCopiesExceedTheLimit() {
        MappedNetwork net = TestNetworks.randomNor(3, 6, 200, 12);
        GateGraph graph = new GateGraph(net, TestNetworks.MAGIC_NOR);
        assertNull(ConeCopies.rewrite(graph, 8, 1.0, 0), "12 outputs over 8 partitions share gates, so copies exceed the gates");
        assertNotNull(ConeCopies.rewrite(graph, 8, 100, 0));
    }
}
