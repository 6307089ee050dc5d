package kautz.schedule;

/**
 * A placement of a network onto the line of partitions that shortens the intervals its ops occupy. Under
 * the unlimited model an op occupies every partition from its lowest to its highest cell, so the sum of the
 * ops' spans, divided by the number of partitions, bounds the cycles from below; a gate read from far away
 * blocks the partitions between.
 *
 * <p>Starting from given homes (one partition per gate; inputs may have none yet), each pass visits every
 * node and moves it to the partition where the ops it takes part in (its own, and its readers') span least,
 * as long as that partition holds fewer gates than its share ({@code slack} above the mean) of the node's
 * band of logic levels: with one band the counts are balanced overall, with several each band is spread
 * over the partitions on its own, so gates that can run at the same time do not crowd one partition. The cost of a
 * node at partition h is a sum of terms {@code max(0, lo − h) + max(0, h − hi)}, one per op, where lo..hi is
 * the interval of the op's other members, so it is convex in h and computed for every h in one sweep. Inputs
 * carry no load (an input is a cell, not an op) and go to the cheapest partition.
 */
final class SpanRefinement {
    private SpanRefinement() {}

    /**
     * Refines {@code home} in place: gates of {@code graph.neededGates()} (constants excluded) must have a
     * home in 0..k-1; inputs may be -1 (unplaced), and get one when some needed gate reads them. At most
     * {@code passes} passes (fewer when one moves nothing), {@code buckets} bands of logic levels.
     */
    static void refine(GateGraph graph, int k, int[] home, double slack, int passes, int buckets) {
        int[] gates = java.util.Arrays.stream(graph.neededGates()).filter(g -> !graph.isConstant(g)).toArray();
        int[] level = new int[graph.nodes()];
        int depth = 1;
        for (int g : gates) {
            for (int f : graph.distinctGateFanins(g)) level[g] = Math.max(level[g], level[f] + 1);
            depth = Math.max(depth, level[g] + 1);
        }
        int[] bucket = new int[graph.nodes()];
        int[] size = new int[buckets];
        for (int g : gates) { bucket[g] = (int) ((long) level[g] * buckets / depth); size[bucket[g]]++; }
        int[][] load = new int[buckets][k];
        for (int g : gates) load[bucket[g]][home[g]]++;
        int[] cap = new int[buckets];
        for (int b = 0; b < buckets; b++) cap[b] = (int) Math.ceil(size[b] / (double) k * (1 + slack));
        int[] lo = new int[k];
        int[] hi = new int[k];
        long[] cost = new long[k];
        for (int pass = 0; pass < passes; pass++) {
            boolean moved = false;
            for (int i = 0; i < graph.inputs(); i++) moved |= move(graph, k, home, i, null, 0, lo, hi, cost);
            for (int j = 0; j < gates.length; j++) {
                int g = gates[pass % 2 == 0 ? j : gates.length - 1 - j];
                moved |= move(graph, k, home, g, load[bucket[g]], cap[bucket[g]], lo, hi, cost);
            }
            if (!moved) break;
        }
    }

    /** Moves one node to its cheapest partition that has room; whether it moved. */
    private static boolean move(GateGraph graph, int k, int[] home, int node, int[] load, int cap, int[] lo, int[] hi, long[] cost) {
        java.util.Arrays.fill(lo, 0);
        java.util.Arrays.fill(hi, 0);
        int terms = 0;
        if (!graph.isInput(node)) terms += interval(graph, home, node, -1, node, lo, hi);
        for (int r : graph.readers(node)) {
            if (!graph.isNeeded(r) || graph.isConstant(r)) continue;
            terms += interval(graph, home, r, home[r], node, lo, hi);
        }
        if (terms == 0) return false;
        // cost(h) = sum over terms of max(0, lo - h) + max(0, h - hi), swept left to right
        long above = 0;
        int countAbove = 0;
        for (int x = 0; x < k; x++) { above += (long) lo[x] * x; countAbove += lo[x]; }
        long below = 0;
        int countBelow = 0;
        long aboveSum = above;
        int atOrBelowLo = 0;
        long loSumAtOrBelow = 0;
        for (int h = 0; h < k; h++) {
            // terms with lo > h contribute lo - h
            atOrBelowLo += lo[h];
            loSumAtOrBelow += (long) lo[h] * h;
            long over = (aboveSum - loSumAtOrBelow) - (long) h * (countAbove - atOrBelowLo);
            cost[h] = over + below;
            // terms with hi <= h contribute h + 1 - hi from the next h on
            countBelow += hi[h];
            below += countBelow;
        }
        int now = home[node];
        int best = now;
        long bestCost = now >= 0 ? cost[now] : Long.MAX_VALUE;
        for (int h = 0; h < k; h++) {
            if (h == now || load != null && load[h] >= cap) continue;
            if (cost[h] < bestCost || cost[h] == bestCost && now < 0 && load != null && load[h] < load[best]) {
                bestCost = cost[h];
                best = h;
            }
        }
        if (best == now) return false;
        if (load != null) {
            load[now]--;
            load[best]++;
        }
        home[node] = best;
        return true;
    }

    /**
     * Adds the interval of op {@code op}'s members other than {@code node} (its fan-ins and, when
     * {@code own} is not -1, its own partition) as one term; 0 when it has none with a partition.
     */
    private static int interval(GateGraph graph, int[] home, int op, int own, int node, int[] lo, int[] hi) {
        int a = own >= 0 ? own : Integer.MAX_VALUE;
        int b = own >= 0 ? own : -1;
        for (int f : graph.fanins(op)) {
            if (f == node || graph.isConstant(f) || home[f] < 0) continue;
            a = Math.min(a, home[f]);
            b = Math.max(b, home[f]);
        }
        if (b < 0) return 0;
        lo[a]++;
        hi[b]++;
        return 1;
    }
}
