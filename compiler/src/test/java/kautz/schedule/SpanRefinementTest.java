package kautz.schedule;

import kautz.mapped.MappedNetwork;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class SpanRefinementTest {
    /** The partitions every op occupies, summed: its fan-ins' and its own. */
    private static long spans(GateGraph graph, int[] home) {
        long sum = 0;
        for (int g : graph.neededGates()) {
            if (graph.isConstant(g)) continue;
            int lo = home[g], hi = home[g];
            for (int f : graph.fanins(g)) {
                if (graph.isConstant(f)) continue;
                lo = Math.min(lo, home[f]);
                hi = Math.max(hi, home[f]);
            }
            sum += hi - lo + 1;
        }
        return sum;
    }

    @Test
    void shortensSpansWithinEachPartitionsShare() {
        for (long seed = 1; seed <= 20; seed++) {
            MappedNetwork net = TestNetworks.randomNor(seed, 4 + (int) (seed % 7), 60 + (int) seed * 23, 1 + (int) (seed % 5));
            GateGraph graph = new GateGraph(net, TestNetworks.MAGIC_NOR);
            int k = 2 + (int) (seed % 15);
            int[] gates = Arrays.stream(graph.neededGates()).filter(g -> !graph.isConstant(g)).toArray();
            int[] home = new int[graph.nodes()];
            Arrays.fill(home, -1);
            Random random = new Random(seed);
            for (int g : gates) home[g] = random.nextInt(k);
            int[] placedInputs = home.clone();
            for (int i = 0; i < graph.inputs(); i++) placedInputs[i] = random.nextInt(k);
            int[] before = placedInputs.clone();
            SpanRefinement.refine(graph, k, placedInputs, 0.25, 8, 1);
            assertTrue(spans(graph, placedInputs) <= spans(graph, before), "seed " + seed + ": the spans grew");
            int[] load = new int[k];
            int[] loadBefore = new int[k];
            for (int g : gates) { load[placedInputs[g]]++; loadBefore[before[g]]++; }
            int cap = (int) Math.ceil(gates.length / (double) k * 1.25);
            for (int p = 0; p < k; p++) assertTrue(load[p] <= Math.max(cap, loadBefore[p]), "seed " + seed + ": partition " + p + " over its share");

            SpanRefinement.refine(graph, k, home, 0.25, 8, 3);
            for (int i = 0; i < graph.inputs(); i++) {
                boolean read = Arrays.stream(graph.readers(i)).anyMatch(graph::isNeeded);
                assertEquals(read, home[i] >= 0, "seed " + seed + ": input " + i);
            }
            for (int g : gates) assertTrue(home[g] >= 0 && home[g] < k);
        }
    }

    @Test
    void aChainAcrossThePartitionsIsGathered() {
        // chains of NORs placed round-robin span several partitions per op; the refinement gathers runs of them
        MappedNetwork chain = TestNetworks.twoWayChains(12);
        GateGraph graph = new GateGraph(chain, TestNetworks.MAGIC_NOR);
        int[] gates = Arrays.stream(graph.neededGates()).filter(g -> !graph.isConstant(g)).toArray();
        int[] home = new int[graph.nodes()];
        for (int j = 0; j < gates.length; j++) home[gates[j]] = j % 4;
        long before = spans(graph, home);
        SpanRefinement.refine(graph, 4, home, 0.5, 8, 1);
        assertTrue(spans(graph, home) < before, spans(graph, home) + " against " + before);
    }
}
