package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Copies of widely read values, for partitioned rows. Every op occupies the partitions of the cells it reads,
 * so a value read by F gates keeps its partition busy for F cycles, whatever the other partitions do. This
 * rewrite gives a value with more than {@code limit} readers a tree of NOT pairs (¬v read by up to
 * {@code limit} NOTs, each a copy of v) so that no node has more than {@code limit} readers; readers are
 * grouped in network order, so neighbours share a copy. It adds about F / limit × 4/3 NOT gates per such value.
 * The network computes the same function; outputs keep their nodes.
 */
final class FanoutSplit {
    private FanoutSplit() {}

    static MappedNetwork split(GateGraph graph, int limit) {
        MappedNetwork net = graph.network();
        int inputs = net.numInputs();
        int n = net.numNodes();
        // readers per (canonical) node, in network order; a gate reading a node twice counts once
        List<List<Integer>> readers = new ArrayList<>(n);
        for (int v = 0; v < n; v++) readers.add(new ArrayList<>());
        for (int g = inputs; g < n; g++) {
            if (!graph.isCanonical(g) || !graph.isNeeded(g) || graph.isConstant(g)) continue;
            for (int f : Arrays.stream(graph.fanins(g)).distinct().toArray()) if (!graph.isConstant(f)) readers.get(f).add(g);
        }
        boolean any = false;
        for (int v = 0; v < n; v++) any |= readers.get(v).size() > limit;
        if (!any) return net;

        List<MappedNetwork.Gate> gates = new ArrayList<>();
        int[] image = new int[n];
        // the copy each reader reads instead of v: (reader, v) -> node in the new network
        java.util.Map<Long, Integer> copyFor = new java.util.HashMap<>();
        for (int v = 0; v < inputs; v++) image[v] = v;
        for (int v = 0; v < n; v++) {
            if (v >= inputs) {
                int c = graph.canon(v);
                if (c != v) { image[v] = image[c]; continue; }
                MappedNetwork.Gate gate = net.gate(v);
                int[] f = gate.fanins().toArray();
                for (int i = 0; i < f.length; i++) {
                    int cf = graph.canon(f[i]);
                    Integer copy = copyFor.get(((long) v << 32) | cf);
                    f[i] = copy != null ? copy : image[cf];
                }
                image[v] = inputs + gates.size();
                gates.add(new MappedNetwork.Gate(gate.primitive(), ImmutableIntArray.copyOf(f)));
            }
            List<Integer> r = readers.get(v);
            if (r.size() <= limit) continue;
            int leaves = (r.size() + limit - 1) / limit;
            List<Integer> copies = copies(image[v], leaves, limit, gates, inputs);
            for (int i = 0; i < r.size(); i++) copyFor.put(((long) r.get(i) << 32) | v, copies.get(i / limit));
        }
        ImmutableIntArray.Builder outs = ImmutableIntArray.builder();
        for (int i = 0; i < net.numOutputs(); i++) outs.add(image[net.outputNodes().get(i)]);
        return new MappedNetwork(net.name(), net.inputNames(), ImmutableList.copyOf(gates), net.outputNames(), outs.build());
    }

    /** {@code m} nodes equal to {@code v}, each read by at most {@code limit} of the tree's own NOTs. */
    private static List<Integer> copies(int v, int m, int limit, List<MappedNetwork.Gate> gates, int inputs) {
        if (m == 1) return List.of(v);
        int negatives = (m + limit - 1) / limit;
        List<Integer> sources = copies(v, (negatives + limit - 1) / limit, limit, gates, inputs);
        List<Integer> out = new ArrayList<>(m);
        for (int j = 0; j < negatives; j++) {
            int neg = not(sources.get(j / limit), gates, inputs);
            for (int i = j * limit; i < Math.min(m, (j + 1) * limit); i++) out.add(not(neg, gates, inputs));
        }
        return out;
    }

    private static int not(int x, List<MappedNetwork.Gate> gates, int inputs) {
        gates.add(new MappedNetwork.Gate(Primitives.INV1, ImmutableIntArray.of(x)));
        return inputs + gates.size() - 1;
    }
}
