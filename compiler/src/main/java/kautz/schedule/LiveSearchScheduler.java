package kautz.schedule;

import kautz.diag.UserError;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.target.GateFamily;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The default scheduler: liveness-driven ordering plus a seeded improvement phase.
 * <ol>
 *   <li>Candidate orders: SIMPLER's own order, depth-first orders under other root/child rules,
 *       forward and backward greedy list schedules that minimise live values, and the network's own order.</li>
 *   <li>Local search over a depth-first order: every gate carries a priority (children and roots are
 *       visited in priority order); seeded random and peak-targeted changes of priorities are kept when
 *       the cost does not grow. The cost is lexicographic: fit in the row, re-init cycles there, peak.
 *       The search is bounded by counted work (deterministic for a seed on any machine), with a CPU-time guard.</li>
 *   <li>Cells: first clean cell; freed cells wait for one bulk re-initialisation when no clean cell is
 *       left (optimal for the order); the {@link Emitter} then batches the inits.</li>
 * </ol>
 * Because SIMPLER's order is a candidate, it never needs a larger row or more cycles than SIMPLER.
 */
public final class LiveSearchScheduler implements Scheduler {
    /** Improvement steps per run: enough to converge on the EPFL netlists, bounded for speed. */
    static final int STEPS = 3000;
    /** Largest input-only cones recomputed per reader when that saves cells (1: gates reading only inputs). */
    static final int[] CONES = {1, 3};
    /** General recomputation may run at most this many times the gates of the network (never exponential). */
    static final int RECOMPUTE_FACTOR = 4;
    /** A row this few cells short of the peak found (or a quarter of its capacity) gets the least-peak search too. */
    static final int NEAR = 4;
    /** Networks this small get their least row named in a too-small-row error even when a lower bound already refutes the row. */
    static final int SMALL = 2000;
    private static final String BOUND_WHY = "inputs and outputs keep their cells, and a gate needs its fan-ins' cells and its own";
    /** Steps of the peak descent on the order itself (for the least row). */
    static final int DESCENT_STEPS = 20000;
    /**
     * Search effort in node visits. Steps shrink on large networks so the search ends by counted work,
     * not by a clock: a seed gives the same program on any machine, however loaded (sweeps and golden
     * transcripts rely on it). The CPU-time limits below are only a guard against pathological inputs.
     */
    static final long IMPROVE_WORK = 6_000_000L;
    static final long DESCENT_WORK = 20_000_000L;
    /** The guard: ten times the work budgets' typical cost. Reaching it makes a result timing-dependent. */
    static final long GUARD_NANOS = 4_000_000_000L;

    static int steps(int max, long work, int nodes) {
        return (int) Math.max(1, Math.min(max, work / Math.max(1, nodes)));
    }

    @Override public String name() { return "live"; }

    @Override public String summary() { return "liveness-driven orders (DFS variants, greedy both ways) + seeded local search; fewest cells and cycles (default)"; }

    @Override
    public Program schedule(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        GateGraph graph = new GateGraph(network, family, options.consumeInputs());
        int row = options.rowSize();
        int bound = Liveness.lowerBound(graph);
        if (bound > row) { // fail fast: no search can help; on small networks the least row is cheap to add
            int least = graph.neededGates().length <= SMALL ? scheduleMinRow(network, family, options).rowSize() : 0;
            throw RowTooSmallException.bounded(row, bound, BOUND_WHY, least, "the least row without recomputation", null);
        }
        int capacity = row == ScheduleOptions.UNLIMITED ? Integer.MAX_VALUE : row - graph.inputs();
        int[] order = new Search(graph, options).best(capacity);
        int peak = Liveness.peak(graph, order);
        if (peak <= capacity) return emit(graph, family, options, order);
        // does not fit as written: recompute shared input-only gates instead of keeping them
        GateGraph leastGraph = graph;
        int[] leastOrder = order;
        for (int cone : CONES) {
            GateGraph rg = coneGraph(network, cone, family, options);
            if (rg == null) continue;
            int[] rOrder = new Search(rg, options).best(capacity);
            int rPeak = Liveness.peak(rg, rOrder);
            if (rPeak <= capacity) return emit(rg, family, options, rOrder);
            if (rPeak < peak) { leastGraph = rg; leastOrder = rOrder; peak = rPeak; }
        }
        // still too many live values: evict some and compute them again when needed, within a bounded number of gates
        MappedNetwork expanded = Recompute.expand(leastGraph, leastOrder, capacity, RECOMPUTE_FACTOR * leastOrder.length, options.seed());
        if (expanded != null) {
            GateGraph eg = new GateGraph(expanded, family, options.consumeInputs());
            int[] eOrder = eg.neededGates(); // the execution order Recompute chose
            if (Liveness.peak(eg, eOrder) <= capacity) return emit(eg, family, options, eOrder);
        }
        // none fits: the least-peak search of --row-size min (it weighs no re-inits), so a row that min reports
        // also works when asked for. Last, and only when the row is near: it costs three more searches and gains a
        // few cells (3 of 14 on a 63-input counter), never dozens (voter's adder tree: 57 for 23)
        boolean near = peak - capacity <= Math.max(NEAR, capacity / 4);
        if (near) {
            Least least = least(network, family, options);
            if (least.row() <= row) return emit(least.graph(), family, options, least.order());
            peak = Math.min(peak, least.row() - leastGraph.inputs());
        }
        throw RowTooSmallException.bounded(row, bound, BOUND_WHY, leastGraph.inputs() + peak,
                near ? "the least row found without recomputation, as --row-size min finds it"
                        : "a row found without recomputation; --row-size min searches for a smaller one",
                "scheduler live needs more cells, even computing values again up to " + RECOMPUTE_FACTOR + "x the gates");
    }

    private static Program emit(GateGraph graph, GateFamily family, ScheduleOptions options, int[] order) {
        return Emitter.emit(graph, family, options, Placement.of(order, cells(graph, family, options, order, options.rowSize())));
    }

    @Override
    public Program scheduleMinRow(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        Least l = least(network, family, options);
        return Emitter.emit(l.graph(), family, options.withRowSize(l.row()), Placement.of(l.order(), cells(l.graph(), family, options, l.order(), l.row())));
    }

    /** The order of least peak found (with input cones recomputed when that shrinks the row) and its row. */
    private record Least(GateGraph graph, int[] order, int row) {}

    private static Least least(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        GateGraph graph = new GateGraph(network, family, options.consumeInputs());
        int[] order = new Search(graph, options).best(-1);
        int row = graph.inputs() + Liveness.peak(graph, order);
        for (int cone : CONES) { // fewer cells for more cycles: kept only if the row shrinks
            GateGraph rg = coneGraph(network, cone, family, options);
            if (rg == null) continue;
            int[] rOrder = new Search(rg, options).best(-1);
            int rRow = rg.inputs() + Liveness.peak(rg, rOrder);
            if (rRow < row) { graph = rg; order = rOrder; row = rRow; }
        }
        return new Least(graph, order, row);
    }

    /**
     * The network with input-only cones of up to {@code cone} gates copied per reader, as the family executes it; null
     * when there is nothing to copy or the copies break the family's in-place rules (an IMPLY gate would overwrite a
     * value a copied cone reads later): then the network is scheduled without them.
     */
    private static GateGraph coneGraph(MappedNetwork network, int cone, GateFamily family, ScheduleOptions options) {
        MappedNetwork remat = Rematerialize.inputCones(network, cone);
        if (remat == null) return null;
        try {
            return new GateGraph(remat, family, options.consumeInputs());
        } catch (UserError notExecutable) {
            return null;
        }
    }

    /** Under {@code --init single} every init is a cycle: cells that spare inits ({@link InitFree}); else {@link #allocate}. */
    private static int[] cells(GateGraph graph, GateFamily family, ScheduleOptions options, int[] order, int rowSize) {
        return options.init() == kautz.isa.InitModel.SINGLE ? InitFree.allocate(graph, family, order, rowSize) : allocate(graph, order, rowSize);
    }

    /** Lowest clean cell first; freed cells become clean at one bulk re-init when no clean cell is left. */
    static int[] allocate(GateGraph graph, int[] order, int rowSize) {
        int[] cell = new int[graph.nodes()];
        Arrays.fill(cell, -1);
        for (int i = 0; i < graph.inputs(); i++) cell[i] = i;
        int[] pending = graph.pendingReaders(order);
        java.util.BitSet clean = new java.util.BitSet();
        List<Integer> dirty = new ArrayList<>();
        int fresh = graph.inputs();
        for (int g : order) {
            int src = graph.inPlaceSource(g);
            if (src >= 0) {
                cell[g] = cell[src];
                pending[src] = -1;
            } else {
                int c = clean.nextSetBit(0);
                if (c < 0 && fresh < rowSize) c = fresh++;
                else if (c < 0) {
                    for (int d : dirty) clean.set(d);
                    dirty.clear();
                    c = clean.nextSetBit(0);
                    if (c < 0) throw new IllegalStateException("order does not fit in " + rowSize + " cells");
                }
                if (c < fresh && clean.get(c)) clean.clear(c);
                cell[g] = c;
            }
            for (int f : graph.distinctGateFanins(g)) {
                if (--pending[f] == 0 && !graph.isOutput(f)) dirty.add(cell[f]);
            }
        }
        return cell;
    }

    /** Candidate orders and the local search; capacity -1 asks for the least peak. */
    private static final class Search {
        private final GateGraph graph;
        private final ScheduleOptions options;
        private final OrderCost cost;
        private final int[] cu;

        Search(GateGraph graph, ScheduleOptions options) {
            this.graph = graph;
            this.options = options;
            this.cost = new OrderCost(graph);
            this.cu = Orders.cellUsage(graph);
        }

        /** cost key: lower is better. */
        private long key(int[] order, int capacity) {
            int peak = cost.peak(order);
            if (capacity < 0) {
                int re = cost.reinits(order, peak);
                return (long) peak << 32 | re;
            }
            if (capacity == Integer.MAX_VALUE) return peak;
            if (peak > capacity) return (1L << 62) | peak;
            return (long) cost.reinits(order, capacity) << 32 | peak;
        }

        int[] best(int capacity) {
            List<int[]> candidates = new ArrayList<>();
            candidates.add(SimplerScheduler.order(graph));
            candidates.add(Orders.greedy(graph));
            candidates.add(Orders.reverseGreedy(graph));
            candidates.add(Orders.depthFirst(graph, cu, Orders.RootRule.CU_ASC, Orders.ChildRule.CU_DESC));
            candidates.add(Orders.depthFirst(graph, cu, Orders.RootRule.NODE_ORDER, Orders.ChildRule.SHARED_LAST));
            // the network as written: a generator that emits gates in a low-space order (kautz.opt.SerialCounter) keeps it
            candidates.add(graph.neededGates());
            int[] best = null;
            long bestKey = Long.MAX_VALUE;
            for (int[] raw : candidates) { // in-place gates after the other readers of what they overwrite
                int[] c = graph.legalOrder(raw);
                long k = key(c, capacity);
                if (k < bestKey) { bestKey = k; best = c; }
            }
            int[] improved = improve(capacity);
            if (improved != null && key(improved, capacity) < bestKey) { best = improved; bestKey = key(improved, capacity); }
            if (capacity < 0) { // least peak: descend on the order itself
                long deadline = CpuClock.now() + GUARD_NANOS;
                int[] descended = new PeakDescent(graph).improve(best, options.seed(),
                        steps(DESCENT_STEPS, DESCENT_WORK, graph.nodes()), deadline);
                descended = graph.legalOrder(descended);
                if (key(descended, capacity) < bestKey) best = descended;
            }
            return best;
        }

        /** Local search over the priorities of a depth-first order, from SIMPLER's CU rule. */
        private int[] improve(int capacity) {
            int n = graph.nodes();
            double[] prio = new double[n];
            for (int v = 0; v < n; v++) prio[v] = cu[v];
            List<Integer> roots = new ArrayList<>();
            boolean[] isRoot = new boolean[n];
            for (int i = 0; i < graph.network().numOutputs(); i++) {
                int o = graph.outputNode(i);
                if (!graph.isInput(o) && !isRoot[o]) { isRoot[o] = true; roots.add(o); }
            }
            int[] rootOrder = roots.stream().mapToInt(Integer::intValue).toArray();
            int[][] kids = new int[n][];
            int[] order = graph.legalOrder(Orders.keyedDepthFirst(graph, rootOrder, prio, kids));
            long current = key(order, capacity);
            SplittableRandom rnd = new SplittableRandom(options.seed());
            int[] gates = graph.neededGates();
            if (gates.length == 0) return order;
            long deadline = CpuClock.now() + GUARD_NANOS;
            int steps = steps(STEPS, IMPROVE_WORK, n);
            for (int step = 0; step < steps && CpuClock.now() < deadline; step++) {
                int kind = rnd.nextInt(3);
                int a = 0, b = 0, v = -1;
                double old = 0;
                if (kind == 0 && rootOrder.length > 1) { // move a root elsewhere
                    a = rnd.nextInt(rootOrder.length);
                    b = rnd.nextInt(rootOrder.length);
                    int t = rootOrder[a]; rootOrder[a] = rootOrder[b]; rootOrder[b] = t;
                } else {
                    if (kind == 1) { // a value alive at the peak: change when it is computed
                        int at = cost.peakPosition(order);
                        v = order[rnd.nextInt(at + 1)];
                    } else {
                        v = gates[rnd.nextInt(gates.length)];
                    }
                    old = prio[v];
                    prio[v] = rnd.nextBoolean() ? old + 1 + rnd.nextInt(8) : old - 1 - rnd.nextInt(8);
                    for (int r : graph.readers(v)) kids[r] = null;
                }
                int[] next = graph.legalOrder(Orders.keyedDepthFirst(graph, rootOrder, prio, kids));
                long k = key(next, capacity);
                if (k <= current) {
                    current = k;
                    order = next;
                } else if (v >= 0) {
                    prio[v] = old;
                    for (int r : graph.readers(v)) kids[r] = null;
                } else {
                    int t = rootOrder[a]; rootOrder[a] = rootOrder[b]; rootOrder[b] = t;
                }
            }
            return order;
        }
    }
}
