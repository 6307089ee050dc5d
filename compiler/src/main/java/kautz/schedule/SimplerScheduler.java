package kautz.schedule;

import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.target.GateFamily;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SIMPLER MAGIC (Ben-Hur et al., IEEE TCAD 39(10), 2020), reimplemented from the paper and its public
 * code: every root (a gate nobody reads) is computed depth-first, children in decreasing cell usage
 * (CU, Sethi-Ullman-like: a gate on inputs only needs 1 cell; with children sorted by CU,
 * CU = max_i(CU_i + i)); each gate takes the first available cell; a cell is freed when all readers of
 * its value have run and waits for the next re-initialisation; when no cell is available, one bulk
 * re-initialisation cycle makes all freed cells available (most recently freed first). Inputs and
 * outputs are never freed, and gates nobody reads (dangling roots) keep their cell, as in SIMPLER.
 * Constant outputs, which SIMPLER leaves out, are placed after everything else. Cells are numbered
 * upwards from the inputs (SIMPLER counts down from the row's end: the same allocation mirrored).
 */
public final class SimplerScheduler implements Scheduler {
    @Override public String name() { return "simpler"; }

    @Override public boolean usesSeed() { return false; }

    @Override public String summary() { return "SIMPLER MAGIC (Ben-Hur et al. 2020): CU-ordered DFS, first free cell, bulk re-init when full"; }

    @Override
    public Program schedule(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        GateGraph graph = new GateGraph(network, family, options.consumeInputs());
        int[] order = graph.legalOrder(order(graph));
        int peak = Liveness.peak(graph, order);
        int minRow = graph.inputs() + peak;
        if (minRow > options.rowSize()) {
            throw new RowTooSmallException(options.rowSize(), minRow, "SIMPLER runs out of cells");
        }
        return Emitter.emit(graph, family, options, Placement.of(order, allocate(graph, order, options.rowSize())));
    }

    @Override
    public Program scheduleMinRow(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        GateGraph graph = new GateGraph(network, family, options.consumeInputs());
        int[] order = graph.legalOrder(order(graph));
        return schedule(network, family, options.withRowSize(graph.inputs() + Liveness.peak(graph, order)));
    }

    /** SIMPLER's execution order: roots in node order (dangling gates, then outputs), each subtree depth-first by CU. */
    static int[] order(GateGraph graph) {
        int n = graph.nodes();
        int[] cu = new int[n];
        List<Integer> roots = new ArrayList<>();
        for (int v = graph.inputs(); v < n; v++) {
            if (graph.isCanonical(v) && !graph.isNeeded(v) && graph.readers(v).length == 0) roots.add(v);
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < graph.network().numOutputs(); i++) {
            int o = graph.outputNode(i);
            if (graph.isInput(o) || graph.isConstant(o) || graph.readers(o).length > 0 || seen[o]) continue;
            seen[o] = true;
            roots.add(o);
        }
        for (int r : roots) computeCu(graph, r, cu);
        int[] dfs = Orders.postOrder(graph, roots.stream().mapToInt(Integer::intValue).toArray(), v -> sortedChildren(graph, v, cu));
        boolean[] mapped = new boolean[n];
        int[] order = Arrays.copyOf(dfs, dfs.length + 2);
        int count = dfs.length;
        for (int v : dfs) mapped[v] = true;
        for (int i = 0; i < graph.network().numOutputs(); i++) { // constant outputs last
            int o = graph.outputNode(i);
            if (graph.isConstant(o) && !mapped[o]) { mapped[o] = true; order[count++] = o; }
        }
        return Arrays.copyOf(order, count);
    }

    /** Non-input fan-ins, last operand first (SIMPLER's edge list order), stably sorted by decreasing CU. */
    private static int[] sortedChildren(GateGraph graph, int v, int[] cu) {
        int[] f = graph.fanins(v);
        List<Integer> kids = new ArrayList<>(f.length);
        for (int i = f.length - 1; i >= 0; i--) if (!graph.isInput(f[i])) kids.add(f[i]);
        kids.sort((a, b) -> Integer.compare(cu[b], cu[a]));
        return kids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void computeCu(GateGraph graph, int root, int[] cu) {
        int[] stack = new int[graph.nodes() + 1];
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            int v = stack[sp - 1];
            if (cu[v] > 0) { sp--; continue; }
            boolean ready = true;
            for (int c : graph.fanins(v)) {
                if (!graph.isInput(c) && cu[c] == 0) { stack[sp++] = c; ready = false; }
            }
            if (!ready) continue;
            sp--;
            int[] kids = Arrays.stream(graph.fanins(v)).filter(c -> !graph.isInput(c)).map(c -> cu[c]).toArray();
            if (kids.length == 0) { cu[v] = 1; continue; }
            Arrays.sort(kids);
            int best = 0;
            for (int i = 0; i < kids.length; i++) best = Math.max(best, kids[kids.length - 1 - i] + i);
            cu[v] = best;
        }
    }

    /** SIMPLER's cell allocation: fresh cells upwards, then freed cells after each bulk re-init, most recently freed first. */
    static int[] allocate(GateGraph graph, int[] order, int rowSize) {
        int[] cell = new int[graph.nodes()];
        Arrays.fill(cell, -1);
        for (int i = 0; i < graph.inputs(); i++) cell[i] = i;
        int[] pending = graph.pendingReaders(order);
        int fresh = graph.inputs();
        int[] available = new int[0];
        int availableTop = 0;
        int[] freed = new int[16];
        int freedCount = 0;
        for (int g : order) {
            int src = graph.inPlaceSource(g);
            if (src >= 0) { // in place: takes over its dying fan-in's cell
                cell[g] = cell[src];
                pending[src] = -1;
                for (int f : graph.distinctGateFanins(g)) {
                    if (f != src && --pending[f] == 0 && !graph.isOutput(f)) {
                        if (freedCount == freed.length) freed = Arrays.copyOf(freed, freedCount * 2);
                        freed[freedCount++] = cell[f];
                    }
                }
                continue;
            }
            int c;
            if (availableTop > 0) c = available[--availableTop];
            else if (fresh < rowSize) c = fresh++;
            else {
                if (freedCount == 0) throw new IllegalStateException("SIMPLER ran out of cells below its computed peak");
                available = Arrays.copyOf(freed, freedCount);
                availableTop = freedCount;
                freedCount = 0;
                c = available[--availableTop];
            }
            cell[g] = c;
            for (int f : graph.distinctGateFanins(g)) {
                if (--pending[f] == 0 && !graph.isOutput(f)) {
                    if (freedCount == freed.length) freed = Arrays.copyOf(freed, freedCount * 2);
                    freed[freedCount++] = cell[f];
                }
            }
        }
        return cell;
    }
}
