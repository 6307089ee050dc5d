package kautz.schedule;

import java.util.SplittableRandom;

/**
 * Local search on a gate order that lowers its peak of live values: at the first peak position, take a
 * value alive there and either sink the gate that computes it past the peak (to just before its first
 * reader, or to the end for an output nobody reads) or hoist the gate that reads it last to just before
 * the peak. A move is kept when (peak, number of positions at the peak) does not grow.
 * Seeded and bounded in steps and time.
 */
final class PeakDescent {
    private final GateGraph graph;
    private final int[] pos;
    private final int[] lastUse;
    private final int[] pending;
    private int peak;
    private int atPeak;
    private int firstPeak;

    PeakDescent(GateGraph graph) {
        this.graph = graph;
        this.pos = new int[graph.nodes()];
        this.lastUse = new int[graph.nodes()];
        this.pending = new int[graph.nodes()];
    }

    int[] improve(int[] start, long seed, int steps, long deadlineNanos) {
        int[] order = start.clone();
        int n = order.length;
        if (n < 3) return order;
        evaluate(order);
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] candidates = new int[n];
        for (int step = 0; step < steps && CpuClock.now() < deadlineNanos; step++) {
            int p = firstPeak;
            int m = 0;
            for (int k = 0; k < p; k++) { // values alive across the peak
                int v = order[k];
                if (lastUse[v] > p) candidates[m++] = v;
            }
            if (m == 0) break;
            int v = candidates[rnd.nextInt(m)];
            int from, to;
            if (rnd.nextBoolean()) { // sink v
                int first = n;
                for (int r : graph.readers(v)) if (graph.isNeeded(r) && pos[r] >= 0) first = Math.min(first, pos[r]);
                if (first <= p) continue;
                from = pos[v];
                to = first == n ? n - 1 : first - 1;
            } else { // hoist v's last reader to the peak
                int last = -1;
                for (int r : graph.readers(v)) if (pos[r] >= 0) last = Math.max(last, pos[r]);
                if (last <= p || last == n) continue;
                int r = order[last];
                int earliest = 0;
                for (int f : graph.distinctGateFanins(r)) earliest = Math.max(earliest, pos[f] + 1);
                if (earliest > p) continue;
                from = last;
                to = Math.max(earliest, p);
            }
            int oldPeak = peak, oldAt = atPeak, oldFirst = firstPeak;
            move(order, from, to);
            evaluate(order);
            if (peak > oldPeak || (peak == oldPeak && atPeak > oldAt)) {
                move(order, to, from);
                evaluate(order);
                if (peak != oldPeak || atPeak != oldAt || firstPeak != oldFirst) throw new IllegalStateException("undo failed");
            }
        }
        return order;
    }

    private static void move(int[] order, int from, int to) {
        int g = order[from];
        if (from < to) System.arraycopy(order, from + 1, order, from, to - from);
        else System.arraycopy(order, to, order, to + 1, from - to);
        order[to] = g;
    }

    /** Peak, how many positions reach it, the first one; positions and last uses of every value. */
    private void evaluate(int[] order) {
        int n = order.length;
        java.util.Arrays.fill(pos, -1);
        for (int k = 0; k < n; k++) pos[order[k]] = k;
        for (int k = 0; k < n; k++) {
            int g = order[k];
            lastUse[g] = graph.isOutput(g) ? Integer.MAX_VALUE : k;
            pending[g] = 0;
        }
        for (int k = 0; k < n; k++) {
            for (int f : graph.distinctGateFanins(order[k])) {
                pending[f]++;
                if (lastUse[f] != Integer.MAX_VALUE) lastUse[f] = k;
            }
        }
        int live = 0;
        peak = -1;
        atPeak = 0;
        for (int k = 0; k < n; k++) {
            int g = order[k];
            if (graph.inPlaceSource(g) < 0) live++;
            if (live > peak) { peak = live; atPeak = 1; firstPeak = k; }
            else if (live == peak) atPeak++;
            for (int f : graph.distinctGateFanins(g)) {
                if (--pending[f] == 0 && !graph.isOutput(f) && f != graph.inPlaceSource(g)) live--;
            }
        }
    }
}
