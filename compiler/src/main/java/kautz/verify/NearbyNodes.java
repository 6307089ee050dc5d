package kautz.verify;

import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Arrays;

/**
 * Structural neighbours of a node in a graph being swept, as merge candidates tried before the simulation
 * class. A pass that rewrites a node locally builds its replacement over nodes of the old cone, so once
 * those are merged, the old node sits a few fan-out steps above the replacement's fan-ins; and a node a
 * pass simplified away (constprop's {@code ¬(x∧y) ∧ ¬(x∧¬y) = ¬x}) is equal to a node a few steps below it.
 * In circuits full of nearly constant signals a simulation class holds hundreds of nodes, so the newest
 * members are rarely the partner, while the neighbours are (docs/verify.md).
 */
final class NearbyNodes {
    /** Fan-out steps searched above the fan-ins, and fan-in steps below a node. */
    private final int maxDepth;

    private final AigBuilder graph;
    private int[] head = new int[1024];     // per node: its newest fan-out edge + 1, 0 for none
    private int[] next = new int[2048];     // per edge (2 * node + k): the fan-in's next older fan-out edge + 1
    private int[] seen = new int[1024];
    private int stamp;
    private int[] queue = new int[64], depth = new int[64];

    NearbyNodes(AigBuilder graph, int depth) {
        this.graph = graph;
        this.maxDepth = depth;
    }

    /** Records the fan-out edges of a newly created AND node. */
    void add(int node) {
        ensure(node + 1);
        for (int k = 0; k < 2; k++) {
            int f = Lit.node(k == 0 ? graph.fanin0(node) : graph.fanin1(node));
            int edge = 2 * node + k;
            next[edge] = head[f];
            head[f] = edge + 1;
        }
    }

    /**
     * Up to {@code out.length} nodes other than {@code m} older than it: with {@code above}, the nodes
     * within {@code depth} fan-out steps of m's fan-ins (newest edges first); otherwise the nodes of m's
     * cone within {@code depth} fan-in steps. Returns how many were written.
     */
    int collect(int m, boolean above, int[] out) {
        ensure(graph.size());
        stamp++;
        seen[m] = stamp;
        int count = 0, qh = 0, qt = 0;
        int budget = 8 * out.length; // nodes visited, found or not
        if (above) {
            for (int k = 0; k < 2; k++) qt = enqueue(Lit.node(k == 0 ? graph.fanin0(m) : graph.fanin1(m)), 0, qt);
        } else {
            qt = enqueue(m, 0, qt);
        }
        while (qh < qt && count < out.length && budget-- > 0) {
            int n = queue[qh], d = depth[qh++];
            if (n != m) out[count++] = n;
            if (d == maxDepth) continue;
            if (above) {
                for (int e = head[n]; e != 0 && budget > 0; e = next[e - 1], budget--) {
                    int f = (e - 1) / 2;
                    if (f < m) qt = enqueue(f, d + 1, qt);
                }
            } else if (n > graph.numInputs()) {
                qt = enqueue(Lit.node(graph.fanin0(n)), d + 1, qt);
                qt = enqueue(Lit.node(graph.fanin1(n)), d + 1, qt);
            }
        }
        return count;
    }

    private int enqueue(int n, int d, int qt) {
        if (seen[n] == stamp) return qt;
        seen[n] = stamp;
        if (qt == queue.length) { queue = Arrays.copyOf(queue, 2 * qt); depth = Arrays.copyOf(depth, 2 * qt); }
        queue[qt] = n;
        depth[qt] = d;
        return qt + 1;
    }

    private void ensure(int nodes) {
        if (nodes > head.length) {
            int size = Math.max(nodes, 2 * head.length);
            head = Arrays.copyOf(head, size);
            seen = Arrays.copyOf(seen, size);
        }
        if (2 * nodes > next.length) next = Arrays.copyOf(next, Math.max(2 * nodes, 2 * next.length));
    }
}
