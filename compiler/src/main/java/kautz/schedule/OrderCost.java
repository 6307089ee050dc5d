package kautz.schedule;

/**
 * What a gate order costs on a row: its peak of live values (the row it needs is inputs + peak) and the
 * bulk re-initialisation cycles it needs in a row of a given size. With the order fixed, re-initialising
 * all freed cells only when no clean cell is left is optimal, so {@link #reinits} is exact for the order.
 */
final class OrderCost {
    private final GateGraph graph;
    private final int[] pending;
    private final int[] dies; // per gate: how many values die when it runs (scratch)

    OrderCost(GateGraph graph) {
        this.graph = graph;
        this.pending = new int[graph.nodes()];
        this.dies = new int[graph.nodes()];
    }

    /** Peak live values of the order (see {@link Liveness#peak}). */
    int peak(int[] order) {
        return Liveness.peak(graph, order);
    }

    /** Re-initialisation cycles the order needs with {@code capacity} non-input cells; -1 if it does not fit. */
    int reinits(int[] order, int capacity) {
        java.util.Arrays.fill(pending, 0);
        for (int g : order) for (int f : graph.distinctGateFanins(g)) pending[f]++;
        int live = 0;
        int dirty = 0;
        int reinits = 0;
        for (int g : order) {
            int src = graph.inPlaceSource(g);
            if (src < 0) {
                if (live + dirty >= capacity) {
                    if (dirty == 0) return -1;
                    dirty = 0;
                    reinits++;
                }
                live++;
            }
            for (int f : graph.distinctGateFanins(g)) {
                if (--pending[f] == 0 && !graph.isOutput(f) && f != src) { live--; dirty++; }
            }
        }
        return reinits;
    }

    /** The position where the live count first reaches its peak. */
    int peakPosition(int[] order) {
        java.util.Arrays.fill(pending, 0);
        for (int g : order) for (int f : graph.distinctGateFanins(g)) pending[f]++;
        int live = 0, best = -1, at = 0;
        for (int k = 0; k < order.length; k++) {
            int g = order[k];
            if (graph.inPlaceSource(g) < 0) live++;
            if (live > best) { best = live; at = k; }
            for (int f : graph.distinctGateFanins(g)) if (--pending[f] == 0 && !graph.isOutput(f) && f != graph.inPlaceSource(g)) live--;
        }
        return at;
    }
}
