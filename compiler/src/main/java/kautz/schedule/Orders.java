package kautz.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/** Gate orders that keep few values alive at once: the raw material of {@link LivenessScheduler}. */
final class Orders {
    private Orders() {}

    /** Which child a depth-first order descends into first. */
    enum ChildRule { CU_DESC, CU_ASC, OPERAND, SHARED_LAST }

    /** Which root (output or dangling gate) a depth-first order computes first. */
    enum RootRule { NODE_ORDER, CU_ASC, CU_DESC, REVERSE }

    /** Cell usage (SIMPLER's CU) of every needed gate: max_i(CU_i + i) over children sorted by decreasing CU. */
    static int[] cellUsage(GateGraph graph) {
        int[] cu = new int[graph.nodes()];
        for (int v = graph.inputs(); v < graph.nodes(); v++) {
            if (!graph.isCanonical(v)) continue;
            int[] kids = Arrays.stream(graph.fanins(v)).filter(c -> !graph.isInput(c)).map(c -> cu[c]).sorted().toArray();
            int best = 1;
            for (int i = 0; i < kids.length; i++) best = Math.max(best, kids[kids.length - 1 - i] + i);
            cu[v] = best;
        }
        return cu;
    }

    /** Depth-first from the roots, children before parents, each gate once. */
    static int[] depthFirst(GateGraph graph, int[] cu, RootRule rootRule, ChildRule childRule) {
        int n = graph.nodes();
        List<Integer> roots = new ArrayList<>();
        boolean[] isRoot = new boolean[n];
        for (int i = 0; i < graph.network().numOutputs(); i++) {
            int o = graph.outputNode(i);
            if (graph.isInput(o) || isRoot[o]) continue;
            isRoot[o] = true;
            roots.add(o);
        }
        switch (rootRule) {
            case CU_ASC -> roots.sort((a, b) -> Integer.compare(cu[a], cu[b]));
            case CU_DESC -> roots.sort((a, b) -> Integer.compare(cu[b], cu[a]));
            case REVERSE -> java.util.Collections.reverse(roots);
            default -> { }
        }
        int[] rootArray = roots.stream().mapToInt(Integer::intValue).toArray();
        return postOrder(graph, rootArray, v -> children(graph, v, cu, childRule));
    }

    private static int[] children(GateGraph graph, int v, int[] cu, ChildRule rule) {
        Integer[] k = Arrays.stream(graph.fanins(v)).filter(c -> !graph.isInput(c)).distinct().boxed().toArray(Integer[]::new);
        switch (rule) {
            case CU_DESC -> Arrays.sort(k, (a, b) -> Integer.compare(cu[b], cu[a]));
            case CU_ASC -> Arrays.sort(k, (a, b) -> Integer.compare(cu[a], cu[b]));
            // values read by many gates stay alive anyway: descend into private subtrees first
            case SHARED_LAST -> Arrays.sort(k, (a, b) -> a.equals(b) ? 0 : graph.readers(a).length != graph.readers(b).length
                    ? Integer.compare(graph.readers(a).length, graph.readers(b).length) : Integer.compare(cu[b], cu[a]));
            default -> { }
        }
        return Arrays.stream(k).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Greedy list scheduling: among the gates whose fan-ins are computed, run the one that frees the most
     * cells (fan-ins it reads last), ties to the one that became ready most recently (depth-first locality).
     */
    static int[] greedy(GateGraph graph) {
        int[] needed = graph.neededGates();
        int n = graph.nodes();
        int[] pending = graph.pendingReaders(needed);
        int[] missing = new int[n];
        boolean[] isNeeded = new boolean[n];
        for (int g : needed) isNeeded[g] = true;
        for (int g : needed) missing[g] = graph.distinctGateFanins(g).length;
        long[] version = new long[n];
        PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(b[1], a[1]));
        long clock = 0;
        long[] readyAt = new long[n];
        for (int g : needed) if (missing[g] == 0) { readyAt[g] = clock++; heap.add(entry(graph, g, pending, readyAt[g], ++version[g])); }
        int[] order = new int[needed.length];
        int count = 0;
        boolean[] done = new boolean[n];
        while (!heap.isEmpty()) {
            long[] e = heap.poll();
            int g = (int) e[2];
            if (done[g] || e[3] != version[g]) continue;
            done[g] = true;
            order[count++] = g;
            for (int f : graph.distinctGateFanins(g)) {
                pending[f]--;
                if (pending[f] == 1 && !graph.isOutput(f)) { // its last reader now frees it: rescore that reader
                    for (int r : graph.readers(f)) {
                        if (isNeeded[r] && !done[r] && missing[r] == 0) heap.add(entry(graph, r, pending, readyAt[r], ++version[r]));
                    }
                }
            }
            for (int r : graph.readers(g)) {
                if (!isNeeded[r]) continue;
                if (--missing[r] == 0) { readyAt[r] = clock++; heap.add(entry(graph, r, pending, readyAt[r], ++version[r])); }
            }
        }
        return Arrays.copyOf(order, count);
    }

    private static long[] entry(GateGraph graph, int g, int[] pending, long readyAt, long version) {
        int frees = 0;
        for (int f : graph.distinctGateFanins(g)) if (pending[f] == 1 && !graph.isOutput(f)) frees++;
        int keep = graph.isOutput(g) ? 1 : 0;
        return new long[] {frees - keep, readyAt, g, version};
    }

    /**
     * Greedy list scheduling backwards from the outputs: a gate can be placed once all its readers are;
     * placing it ends its value's life (going backwards) and starts the lives of fan-ins not yet alive.
     * Picks the gate that opens the fewest new values, ties to the most recently ready (depth-first).
     */
    static int[] reverseGreedy(GateGraph graph) {
        int[] needed = graph.neededGates();
        int n = graph.nodes();
        boolean[] isNeeded = new boolean[n];
        for (int g : needed) isNeeded[g] = true;
        int[] waiting = new int[n]; // readers not yet placed
        for (int g : needed) for (int r : graph.readers(g)) if (isNeeded[r]) waiting[g]++;
        boolean[] live = new boolean[n];
        long[] version = new long[n];
        long clock = 0;
        long[] readyAt = new long[n];
        PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        for (int i = needed.length - 1; i >= 0; i--) {
            int g = needed[i];
            if (waiting[g] == 0) { readyAt[g] = clock++; heap.add(reverseEntry(graph, g, live, readyAt[g], ++version[g])); }
        }
        int[] order = new int[needed.length];
        int count = needed.length;
        boolean[] done = new boolean[n];
        while (!heap.isEmpty()) {
            long[] e = heap.poll();
            int g = (int) e[2];
            if (done[g] || e[3] != version[g]) continue;
            done[g] = true;
            order[--count] = g;
            for (int f : graph.distinctGateFanins(g)) {
                if (!live[f]) {
                    live[f] = true; // every ready reader of f now opens one value fewer
                    for (int r : graph.readers(f)) {
                        if (isNeeded[r] && !done[r] && waiting[r] == 0) heap.add(reverseEntry(graph, r, live, readyAt[r], ++version[r]));
                    }
                }
                if (--waiting[f] == 0) { readyAt[f] = clock++; heap.add(reverseEntry(graph, f, live, readyAt[f], ++version[f])); }
            }
        }
        return order;
    }

    private static long[] reverseEntry(GateGraph graph, int g, boolean[] live, long readyAt, long version) {
        int opens = 0;
        for (int f : graph.distinctGateFanins(g)) if (!live[f]) opens++;
        return new long[] {opens, readyAt, g, version};
    }

    /** Depth-first from the roots in the given order, children in decreasing priority (ties: last operand first). */
    static int[] keyedDepthFirst(GateGraph graph, int[] roots, double[] prio) {
        return keyedDepthFirst(graph, roots, prio, new int[graph.nodes()][]);
    }

    /** As above, with a cache of sorted children (null entries are computed; clear a gate's readers' entries when its priority changes). */
    static int[] keyedDepthFirst(GateGraph graph, int[] roots, double[] prio, int[][] kids) {
        return postOrder(graph, roots, v -> {
            if (kids[v] == null) kids[v] = byPriority(graph, v, prio);
            return kids[v];
        });
    }

    /**
     * Depth-first post-order from each root in turn: a gate comes after the children {@code childrenOf}
     * lists (visited in that order), each gate once. Iterative, so deep netlists cannot overflow the stack.
     */
    static int[] postOrder(GateGraph graph, int[] roots, java.util.function.IntFunction<int[]> childrenOf) {
        int n = graph.nodes();
        boolean[] done = new boolean[n];
        int[] order = new int[n];
        int count = 0;
        int[] stack = new int[n + 1];
        int[] next = new int[n];
        int[][] kids = new int[n][];
        for (int r : roots) {
            if (done[r]) continue;
            int sp = 0;
            stack[sp++] = r;
            next[r] = 0;
            while (sp > 0) {
                int v = stack[sp - 1];
                if (kids[v] == null) kids[v] = childrenOf.apply(v);
                if (next[v] < kids[v].length) {
                    int c = kids[v][next[v]++];
                    if (!done[c]) { stack[sp++] = c; next[c] = 0; }
                    continue;
                }
                sp--;
                if (!done[v]) { done[v] = true; order[count++] = v; }
            }
        }
        return Arrays.copyOf(order, count);
    }

    private static int[] byPriority(GateGraph graph, int v, double[] prio) {
        int[] f = graph.fanins(v);
        int[] k = new int[f.length];
        int m = 0;
        for (int i = f.length - 1; i >= 0; i--) if (!graph.isInput(f[i])) k[m++] = f[i];
        // insertion sort: few children, stable
        for (int i = 1; i < m; i++) {
            int x = k[i];
            int j = i - 1;
            while (j >= 0 && prio[k[j]] < prio[x]) { k[j + 1] = k[j]; j--; }
            k[j + 1] = x;
        }
        return m == k.length ? k : Arrays.copyOf(k, m);
    }
}
