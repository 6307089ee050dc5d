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

    /**
     * A row size below which no schedule can work, recomputation or not: the inputs keep their cells, every
     * output keeps its own (distinct output gates, one per constant value) at the end, and a gate needs its
     * distinct gate fan-ins and its own cell at once.
     */
    public static int lowerBound(GateGraph graph) {
        java.util.BitSet outputs = new java.util.BitSet();
        for (int i = 0; i < graph.network().numOutputs(); i++) {
            int o = graph.outputNode(i);
            if (!graph.isInput(o)) outputs.set(o);
        }
        int gate = 0;
        for (int g : graph.neededGates()) gate = Math.max(gate, graph.distinctGateFanins(g).length + (graph.inPlaceSource(g) >= 0 ? 0 : 1));
        return graph.inputs() + Math.max(outputs.cardinality(), gate);
    }
}
