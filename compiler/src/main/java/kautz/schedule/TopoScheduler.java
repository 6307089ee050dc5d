package kautz.schedule;

import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.target.GateFamily;

import java.util.BitSet;

/**
 * The baseline: gates in the network's topological order, each in the lowest free cell, a cell freed as
 * soon as the last reader of its value has run. Re-initialisations are batched by the {@link Emitter}.
 * Its cell count does not depend on the row size, so a too-small row names the exact row that works.
 */
public final class TopoScheduler implements Scheduler {
    @Override public String name() { return "topo"; }

    @Override public boolean usesSeed() { return false; }

    @Override public String summary() { return "topological order, lowest free cell, cells freed after their last reader (baseline)"; }

    @Override
    public Program schedule(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        GateGraph graph = new GateGraph(network, family, options.consumeInputs());
        int[] order = graph.neededGates(); // node order: in-place gates already follow the other readers
        int[] cell = new int[graph.nodes()];
        int[] pending = graph.pendingReaders(order);
        for (int v = 0; v < graph.nodes(); v++) cell[v] = v < graph.inputs() ? v : -1;
        BitSet free = new BitSet();
        int fresh = graph.inputs();
        for (int g : order) {
            int src = graph.inPlaceSource(g);
            if (src >= 0) { // takes over its dying fan-in's cell
                cell[g] = cell[src];
                pending[src] = -1;
            } else {
                int c = free.nextSetBit(0);
                if (c < 0) c = fresh++;
                else free.clear(c);
                cell[g] = c;
            }
            for (int f : graph.distinctGateFanins(g)) {
                if (--pending[f] == 0 && !graph.isOutput(f)) free.set(cell[f]);
            }
        }
        if (fresh > options.rowSize()) {
            throw new RowTooSmallException(options.rowSize(), fresh, "scheduler topo needs " + fresh + " cells");
        }
        return Emitter.emit(graph, family, options, Placement.of(order, cell));
    }
}
