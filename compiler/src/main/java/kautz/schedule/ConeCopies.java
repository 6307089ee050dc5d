package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computing instead of moving, for partitioned rows: the outputs are spread over the partitions in their
 * order, and each partition computes the cone of its outputs itself (a gate its outputs share is computed
 * once there; one other partitions also need is computed again in each, unless its cone is large: then it is
 * computed once and carried like an input). No other value crosses a partition: the inputs and carried
 * gates reach each partition that reads them along a chain of NOTs from
 * neighbour to neighbour (each op occupies two adjacent partitions, and ops of different chains or hops
 * overlap in time), with a local NOT where the chain arrives in the wrong polarity; a NOT of an input in
 * the cone takes the chain's inverted value where there is one. This suits networks that are wide and
 * shallow with much sharing (decoders, control logic), where moving shared values costs more than the
 * gates; the rewrite gives up ({@code null}) when the copies would exceed {@code limit} times the gates.
 */
final class ConeCopies {
    private ConeCopies() {}

    /** The rewritten network and the partition of every node (inputs included). */
    record Copies(MappedNetwork network, int[] home) {}

    /**
     * The rewrite, or null when its gates would exceed {@code limit} times the network's. A gate that several
     * partitions need and whose cone (counted as a tree, stopping at such gates) exceeds {@code shared} gates
     * (0: never) is computed once, in the middle one of those partitions, and carried to the others by a chain
     * like an input.
     */
    static Copies rewrite(GateGraph graph, int k, double limit, int shared) {
        MappedNetwork net = graph.network();
        int outs = net.numOutputs();
        int gates = 0;
        for (int g : graph.neededGates()) if (!graph.isConstant(g)) gates++;
        long budget = (long) Math.ceil(limit * Math.max(1, gates));
        int n = graph.nodes();
        int[] groupOf = new int[outs];
        for (int i = 0; i < outs; i++) groupOf[i] = (int) ((long) i * k / outs);
        boolean[] carried = new boolean[n];
        int[] owner = new int[n];
        Arrays.fill(owner, -1);
        if (shared > 0) {
            List<java.util.BitSet> needs = cones(graph, k, groupOf, carried, owner, budget);
            if (needs == null) return null;
            int[] size = new int[n];
            for (int g : graph.neededGates()) {
                if (graph.isConstant(g)) continue;
                long s = 1;
                for (int f : graph.fanins(g)) if (!graph.isInput(f) && !graph.isConstant(f) && !carried[f]) s += size[f];
                size[g] = (int) Math.min(s, Integer.MAX_VALUE / 4);
                java.util.BitSet by = needs.get(g);
                if (size[g] > shared && by.cardinality() > 1) {
                    carried[g] = true;
                    int m = by.cardinality() / 2;
                    int p = by.nextSetBit(0);
                    for (int j = 0; j < m; j++) p = by.nextSetBit(p + 1);
                    owner[g] = p;
                }
            }
        }
        List<java.util.BitSet> needs = cones(graph, k, groupOf, carried, owner, budget);
        if (needs == null) return null;
        return new Builder(graph, k, groupOf, needs, carried, owner).build();
    }

    /**
     * For every node, the partitions that compute it (gates) or read it (inputs and carried gates, which
     * their owner also computes); null when the computed gates exceed {@code budget}.
     */
    private static List<java.util.BitSet> cones(GateGraph graph, int k, int[] groupOf, boolean[] carried, int[] owner, long budget) {
        int n = graph.nodes();
        List<java.util.BitSet> needs = new ArrayList<>(n);
        for (int v = 0; v < n; v++) needs.add(new java.util.BitSet());
        long total = 0;
        int[] stack = new int[n];
        for (int p = 0; p < k; p++) {
            int sp = 0;
            for (int i = 0; i < groupOf.length; i++) {
                int o = graph.outputNode(i);
                if (groupOf[i] == p && !needs.get(o).get(p)) { needs.get(o).set(p); stack[sp++] = o; }
            }
            for (int v = 0; v < n; v++) if (owner[v] == p && !needs.get(v).get(p)) { needs.get(v).set(p); stack[sp++] = v; }
            while (sp > 0) {
                int x = stack[--sp];
                if (graph.isInput(x) || graph.isConstant(x)) continue;
                if (carried[x] && owner[x] != p) continue;
                if (++total > budget) return null;
                for (int f : graph.fanins(x)) if (!needs.get(f).get(p)) { needs.get(f).set(p); stack[sp++] = f; }
            }
        }
        return needs;
    }

    private static final class Builder {
        final GateGraph graph;
        final int k;
        final int inputs;
        final int[] groupOf;
        final List<java.util.BitSet> needs;
        final boolean[] carried;
        final List<MappedNetwork.Gate> gates = new ArrayList<>();
        final List<Integer> homes = new ArrayList<>();
        /** The partition each carried value (input or gate) starts from. */
        final int[] origin;
        /** The node of each carried value at its origin. */
        final int[] source;
        /** (value, partition) -> the chain's node there (the value at even distance from the origin, NOT it at odd). */
        final Map<Long, Integer> chain = new HashMap<>();
        /** (value, partition, polarity) -> the local node holding it (1) or NOT it (0). */
        final Map<Long, Integer> local = new HashMap<>();
        final Map<Integer, Integer> constants = new HashMap<>();

        Builder(GateGraph graph, int k, int[] groupOf, List<java.util.BitSet> needs, boolean[] carried, int[] owner) {
            this.graph = graph;
            this.k = k;
            this.inputs = graph.inputs();
            this.groupOf = groupOf;
            this.needs = needs;
            this.carried = carried;
            int n = graph.nodes();
            this.origin = new int[n];
            this.source = new int[n];
            Arrays.fill(source, -1);
            for (int x = 0; x < inputs; x++) { // the middle one of the partitions that read x
                java.util.BitSet by = needs.get(x);
                int m = by.cardinality() / 2;
                int p = by.nextSetBit(0);
                for (int j = 0; j < m && p >= 0; j++) p = by.nextSetBit(p + 1);
                origin[x] = p < 0 ? x % k : p;
                source[x] = x;
            }
            for (int v = inputs; v < n; v++) if (carried[v]) origin[v] = owner[v];
        }

        Copies build() {
            int n = graph.nodes();
            int[][] image = new int[k][n];
            for (int g = inputs; g < n; g++) {
                if (!graph.isCanonical(g) || graph.isConstant(g)) continue;
                java.util.BitSet by = needs.get(g);
                for (int p = by.nextSetBit(0); p >= 0; p = by.nextSetBit(p + 1)) {
                    if (carried[g] && origin[g] != p) continue;
                    MappedNetwork.Gate gate = graph.network().gate(g);
                    int[] f = graph.fanins(g);
                    int[] img = image[p];
                    if (gate.primitive().equals(Primitives.INV1) && isCarried(f[0]) && origin[f[0]] != p) {
                        img[g] = value(f[0], p, 0);
                        continue;
                    }
                    int[] mapped = new int[f.length];
                    for (int i = 0; i < f.length; i++) {
                        int x = f[i];
                        mapped[i] = graph.isConstant(x) ? constant(graph.constantValue(x))
                                : isCarried(x) && origin[x] != p ? value(x, p, 1) : graph.isInput(x) ? x : img[x];
                    }
                    img[g] = add(gate.primitive(), p, mapped);
                    if (carried[g]) source[g] = img[g];
                }
            }
            MappedNetwork net = graph.network();
            ImmutableIntArray.Builder outs = ImmutableIntArray.builder();
            for (int i = 0; i < net.numOutputs(); i++) {
                int o = graph.outputNode(i);
                int p = groupOf[i];
                outs.add(graph.isInput(o) ? o : graph.isConstant(o) ? constant(graph.constantValue(o))
                        : carried[o] && origin[o] != p ? source[o] : image[p][o]);
            }
            MappedNetwork rewritten = new MappedNetwork(net.name(), net.inputNames(), ImmutableList.copyOf(gates), net.outputNames(), outs.build());
            int[] home = new int[inputs + gates.size()];
            for (int x = 0; x < inputs; x++) home[x] = origin[x];
            for (int i = 0; i < homes.size(); i++) home[inputs + i] = homes.get(i);
            return new Copies(rewritten, home);
        }

        private boolean isCarried(int v) { return graph.isInput(v) || carried[v]; }

        private int add(kautz.mapped.Primitive primitive, int partition, int... fanins) {
            gates.add(new MappedNetwork.Gate(primitive, ImmutableIntArray.copyOf(fanins)));
            homes.add(partition);
            return inputs + gates.size() - 1;
        }

        private int constant(int value) {
            return constants.computeIfAbsent(value, v -> add(v == 0 ? Primitives.ZERO : Primitives.ONE, 0));
        }

        /** The chain's node for value v in partition p: v itself at the origin, else a NOT of the neighbour's towards it. */
        private int hop(int v, int p) {
            if (p == origin[v]) return source[v];
            long key = (long) v * k + p;
            Integer known = chain.get(key);
            if (known != null) return known;
            int from = hop(v, p > origin[v] ? p - 1 : p + 1);
            int node = add(Primitives.INV1, p, from);
            chain.put(key, node);
            return node;
        }

        /** A node in partition p holding value v (polarity 1) or NOT v (polarity 0). */
        private int value(int v, int p, int polarity) {
            int hop = hop(v, p);
            if ((Math.abs(p - origin[v]) % 2 == 0) == (polarity == 1)) return hop;
            long key = ((long) v * k + p) * 2 + polarity;
            Integer known = local.get(key);
            if (known != null) return known;
            int node = add(Primitives.INV1, p, hop);
            local.put(key, node);
            return node;
        }
    }
}
