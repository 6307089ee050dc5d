package kautz.schedule;

/** Live-cell counting over a gate order: the row a schedule needs is the inputs plus its peak. */
public final class Liveness {
    private Liveness() {}

    /**
     * The most gate values alive at once: at each gate, the values computed earlier and still to be read
     * (or kept as outputs, or never read) plus the gate's own output. Inputs are not counted.
     */
    public static int peak(GateGraph graph, int[] order) {
        int[] pending = graph.pendingReaders(order);
        int live = 0;
        int peak = 0;
        for (int g : order) {
            if (graph.inPlaceSource(g) < 0) live++;
            peak = Math.max(peak, live);
            for (int f : graph.distinctGateFanins(g)) {
                if (--pending[f] == 0 && !graph.isOutput(f) && f != graph.inPlaceSource(g)) live--;
            }
        }
        return peak;
    }
}
