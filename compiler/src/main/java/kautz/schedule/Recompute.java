package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * General rematerialisation: runs a gate order (the plan) on a row of {@code capacity} work cells, and when
 * no cell is free evicts a live value and computes it again when it is next needed. The result is a network
 * in which each computation is a gate of its own (copies of the original gates), in execution order, whose
 * peak of live values is at most {@code capacity}; the {@link Emitter} then schedules it as written.
 *
 * <ul>
 *   <li>Eviction: among the live values that are neither pinned (fan-ins of a computation in progress) nor
 *       outputs nor constants, the one whose next use in the plan is farthest away per gate of its cone
 *       (Belady's rule weighted by an estimate of the cost of computing it again). Large rows sample a few
 *       candidates (seeded) instead of scanning all.</li>
 *   <li>Recomputation is demand-driven and iterative: a missing fan-in is computed from its own fan-ins,
 *       recursively, the most expensive fan-in first (it needs the most cells), each finished fan-in pinned
 *       until its reader runs.</li>
 *   <li>Bounded: at most {@code maxGates} computations, else null, as when every live value is pinned.</li>
 * </ul>
 * Deterministic for a plan and seed. Networks with in-place gates are not expanded (a copy would read a
 * value its first computation destroyed).
 */
final class Recompute {
    /** Cone-size estimates are capped: beyond this, a value is simply "expensive". */
    private static final int COST_CAP = 4096;
    /** Live values sampled per eviction on large rows. */
    private static final int SAMPLE = 48;

    private final GateGraph graph;
    private final int capacity;
    private final int maxGates;
    private final SplittableRandom rnd;
    private final int[][] usePos;  // per node: plan positions of its readers, ascending
    private final int[] nextIdx;   // per node: index into usePos of its next use
    private final int[] inst;      // per node: node id of its live copy in the new network, -1 if none
    private final int[] pinned;
    private final int[] cost;
    private final int[] residents;
    private final int[] residentAt;
    private int residentCount;
    private final List<MappedNetwork.Gate> gates = new ArrayList<>();
    private int now;

    private Recompute(GateGraph graph, int[] plan, int capacity, int maxGates, long seed) {
        this.graph = graph;
        this.capacity = capacity;
        this.maxGates = maxGates;
        this.rnd = new SplittableRandom(seed);
        int n = graph.nodes();
        int[] count = new int[n];
        for (int v : plan) for (int f : graph.distinctGateFanins(v)) count[f]++;
        usePos = new int[n][];
        for (int v = 0; v < n; v++) usePos[v] = new int[count[v]];
        Arrays.fill(count, 0);
        for (int k = 0; k < plan.length; k++) for (int f : graph.distinctGateFanins(plan[k])) usePos[f][count[f]++] = k;
        nextIdx = new int[n];
        inst = new int[n];
        Arrays.fill(inst, -1);
        pinned = new int[n];
        cost = new int[n];
        for (int v : plan) {
            int c = 1;
            for (int f : graph.distinctGateFanins(v)) c = Math.min(COST_CAP, c + cost[f]);
            cost[v] = c;
        }
        residents = new int[Math.max(1, Math.min(capacity, n))];
        residentAt = new int[n];
        Arrays.fill(residentAt, -1);
    }

    /**
     * The plan run in {@code capacity} work cells with recomputation, as a network computing the same outputs;
     * null if that takes more than {@code maxGates} computations or a computation needs more cells than there are.
     */
    static MappedNetwork expand(GateGraph graph, int[] plan, int capacity, int maxGates, long seed) {
        if (capacity <= 0) return null;
        for (int v : plan) if (graph.inPlaceSource(v) >= 0) return null;
        return new Recompute(graph, plan, capacity, maxGates, seed).run(plan);
    }

    private MappedNetwork run(int[] plan) {
        for (int k = 0; k < plan.length; k++) {
            now = k;
            int v = plan[k];
            if (!materialize(v)) return null;
            for (int f : graph.distinctGateFanins(v)) {
                nextIdx[f]++;
                if (inst[f] >= 0 && nextUse(f) == Integer.MAX_VALUE && evictable(f)) remove(f);
            }
        }
        MappedNetwork net = graph.network();
        int[] outs = new int[net.numOutputs()];
        for (int i = 0; i < outs.length; i++) {
            int o = graph.outputNode(i);
            outs[i] = graph.isInput(o) ? o : inst[o];
        }
        return new MappedNetwork(net.name(), net.inputNames(), ImmutableList.copyOf(gates), net.outputNames(), ImmutableIntArray.copyOf(outs));
    }

    private int nextUse(int v) {
        return nextIdx[v] < usePos[v].length ? usePos[v][nextIdx[v]] : Integer.MAX_VALUE;
    }

    private boolean evictable(int v) {
        return pinned[v] == 0 && !graph.isOutput(v) && !graph.isConstant(v);
    }

    /** Makes v live, computing whatever of its cone is missing (iteratively: deep netlists cannot overflow the stack). */
    private boolean materialize(int v) {
        if (inst[v] >= 0) return true;
        List<int[]> todo = new ArrayList<>(); // per frame: the fan-ins still to compute, most expensive first
        List<Integer> node = new ArrayList<>();
        List<int[]> next = new ArrayList<>(); // per frame: {index of the next fan-in to start, 1 if one is being computed}
        push(v, node, todo, next);
        while (!node.isEmpty()) {
            int top = node.size() - 1;
            int x = node.get(top);
            int[] t = todo.get(top);
            int[] at = next.get(top);
            if (at[1] == 1) { pinned[t[at[0] - 1]]++; at[1] = 0; } // the fan-in just computed
            if (at[0] < t.length) {
                int c = t[at[0]++];
                if (inst[c] >= 0) pinned[c]++;
                else { at[1] = 1; push(c, node, todo, next); }
                continue;
            }
            if (residentCount >= capacity && !evict()) return false;
            if (gates.size() >= maxGates) return false;
            int[] f = graph.fanins(x);
            int[] ids = new int[f.length];
            for (int i = 0; i < f.length; i++) ids[i] = graph.isInput(f[i]) ? f[i] : inst[f[i]];
            gates.add(new MappedNetwork.Gate(graph.network().gate(x).primitive(), ImmutableIntArray.copyOf(ids)));
            add(x, graph.inputs() + gates.size() - 1);
            for (int k : graph.distinctGateFanins(x)) pinned[k]--;
            node.remove(top);
            todo.remove(top);
            next.remove(top);
        }
        return true;
    }

    /** A frame for x: live fan-ins are pinned now, missing ones are listed to be computed. */
    private void push(int x, List<Integer> node, List<int[]> todo, List<int[]> next) {
        int[] kids = graph.distinctGateFanins(x);
        int m = 0;
        int[] missing = new int[kids.length];
        for (int k : kids) {
            if (inst[k] >= 0) pinned[k]++;
            else missing[m++] = k;
        }
        missing = Arrays.copyOf(missing, m);
        for (int i = 1; i < m; i++) { // few fan-ins: insertion sort, most expensive first, stable
            int y = missing[i];
            int j = i - 1;
            while (j >= 0 && cost[missing[j]] < cost[y]) { missing[j + 1] = missing[j]; j--; }
            missing[j + 1] = y;
        }
        node.add(x);
        todo.add(missing);
        next.add(new int[2]);
    }

    /** Frees one cell; false if every live value is pinned, an output or a constant. */
    private boolean evict() {
        int victim = -1;
        double best = -1;
        boolean scanAll = residentCount <= 2 * SAMPLE;
        for (int pass = scanAll ? 1 : 0; pass < 2 && victim < 0; pass++) {
            int tries = pass == 0 ? SAMPLE : residentCount;
            for (int i = 0; i < tries; i++) {
                int u = residents[pass == 0 ? rnd.nextInt(residentCount) : i];
                if (!evictable(u)) continue;
                int use = nextUse(u);
                double score = use == Integer.MAX_VALUE ? Double.MAX_VALUE : (double) (use - now) / cost[u];
                if (score > best) { best = score; victim = u; }
            }
        }
        if (victim < 0) return false;
        remove(victim);
        return true;
    }

    private void add(int v, int id) {
        inst[v] = id;
        residentAt[v] = residentCount;
        residents[residentCount++] = v;
    }

    private void remove(int v) {
        inst[v] = -1;
        int i = residentAt[v];
        int last = residents[--residentCount];
        residents[i] = last;
        residentAt[last] = i;
        residentAt[v] = -1;
    }
}
