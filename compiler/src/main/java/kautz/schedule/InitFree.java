package kautz.schedule;

import kautz.isa.WindowImplication;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Gates that need no init of their output cell (AritPIM's X-MAGIC, made general). A gate of form
 * {@code d := d ∧ f} leaves exactly f in a cell whose old value v satisfies f → v, and {@code d := d ∨ f}
 * when v → f; so when the cell's last value, dead by then, is such a v, its init can be left out. The
 * relation is proven on a window of the network ({@link WindowImplication}); the program stays exact, and
 * the checks against the source (`kautz verify`, the reference evaluation) see the same function.
 *
 * <p>{@link #allocate} chooses cells so that this happens often under {@code --init single}, where every
 * init is a cycle: a gate takes the cell of a dead value near it in the network that it implies (or that
 * implies it), else the free cell that was freed first (so recent values stay for later gates), else a
 * new cell. Every cell is reused as soon as it is free, so the row is the order's peak plus at most the outputs
 * (an output that is not init-free takes a cell no gate wrote before while the row has one, so no output cell is
 * re-initialised after a gate wrote it).
 */
final class InitFree {
    private InitFree() {}

    /** Neighbours of a gate tried as donors of their cell, at most. */
    static final int CANDIDATES = 48;

    /** The network's node functions as a window may read them: inputs are free variables. */
    static WindowImplication.Dag dag(GateGraph graph) {
        return new WindowImplication.Dag() {
            @Override public int[] fanins(int node) { return graph.isInput(node) ? null : graph.fanins(node); }

            @Override
            public long eval(int node, long[] in) {
                if (graph.isConstant(node)) return graph.constantValue(node) == 1 ? -1L : 0L;
                return graph.network().gate(node).primitive().eval(in);
            }
        };
    }

    /** Whether gate {@code g}, written over a cell holding node {@code old}, leaves exactly its own value there. */
    static boolean exact(GateGraph graph, GateFamily family, WindowImplication.Dag dag, int g, int old) {
        if (old < 0 || graph.isInput(old) || graph.isConstant(g)) return false;
        GateImpl impl = Emitter.implOf(family, graph.network().gate(g).primitive());
        if (impl.serial() || impl.inPlace() || impl.opcode().requiredDestState() < 0 || !impl.opcode().gate().hasIdentity()) return false;
        return impl.destPrestate() == 1 ? WindowImplication.implies(dag, g, old) : WindowImplication.implies(dag, old, g);
    }

    /** Cells for an order under {@code --init single}: init-free reuse first, then the oldest free cell, then a new one. */
    static int[] allocate(GateGraph graph, GateFamily family, int[] order, int rowSize) {
        WindowImplication.Dag dag = dag(graph);
        int[] cell = new int[graph.nodes()];
        java.util.Arrays.fill(cell, -1);
        for (int i = 0; i < graph.inputs(); i++) cell[i] = i;
        int[] occupant = new int[Math.max(graph.inputs(), 16)];
        java.util.Arrays.fill(occupant, -1);
        int[] pending = graph.pendingReaders(order);
        LinkedHashSet<Integer> free = new LinkedHashSet<>(); // in the order the cells were freed
        int fresh = graph.inputs();
        for (int g : order) {
            int src = graph.inPlaceSource(g);
            int c;
            if (src >= 0) {
                c = cell[src];
                pending[src] = -1;
            } else {
                c = donor(graph, family, dag, g, cell, occupant, pending, free);
                // else an output takes a cell no gate wrote before, while the row has one: no output cell is re-initialised
                boolean outputFirst = graph.isOutput(g) && fresh < rowSize;
                if (c < 0 && !free.isEmpty() && !outputFirst) c = free.iterator().next();
                if (c < 0) {
                    if (fresh >= rowSize) throw new IllegalStateException("order does not fit in " + rowSize + " cells");
                    c = fresh++;
                }
                free.remove(c);
            }
            if (c >= occupant.length) {
                int old = occupant.length;
                occupant = java.util.Arrays.copyOf(occupant, Math.max(c + 1, old * 2));
                java.util.Arrays.fill(occupant, old, occupant.length, -1);
            }
            occupant[c] = g;
            cell[g] = c;
            for (int f : graph.distinctGateFanins(g)) {
                if (--pending[f] == 0 && !graph.isOutput(f)) free.add(cell[f]);
            }
        }
        return cell;
    }

    /** The free cell of a dead neighbour of g that makes g init-free, or -1. */
    private static int donor(GateGraph graph, GateFamily family, WindowImplication.Dag dag, int g, int[] cell, int[] occupant,
                             int[] pending, Set<Integer> free) {
        if (free.isEmpty()) return -1;
        LinkedHashSet<Integer> near = new LinkedHashSet<>();
        // fan-ins' fan-ins and their other readers, then the fan-ins' other readers: where a related value died
        for (int f : graph.fanins(g)) {
            if (graph.isInput(f)) continue;
            for (int ff : graph.fanins(f)) {
                near.add(ff);
                for (int r : graph.readers(ff)) near.add(r);
            }
        }
        for (int f : graph.fanins(g)) for (int r : graph.readers(f)) near.add(r);
        int tried = 0;
        for (int u : near) {
            if (u == g || graph.isInput(u) || cell[u] < 0 || pending[u] != 0 || graph.isOutput(u)) continue;
            int c = cell[u];
            if (c >= occupant.length || occupant[c] != u || !free.contains(c)) continue;
            if (++tried > CANDIDATES) break;
            if (exact(graph, family, dag, g, u)) return c;
        }
        return -1;
    }
}
