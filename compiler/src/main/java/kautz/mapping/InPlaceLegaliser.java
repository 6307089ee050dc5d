package kautz.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An in-place gate ({@code imp2(p, q)}: q := ¬p ∨ q) overwrites its q operand, so it is kept only where q can
 * die there: q is a gate (or an input, when inputs may be consumed), not a constant, not an output, overwritten
 * by no other gate, and every other reader of q can run before it (none depends on the gate, through fan-ins
 * or through the order the gates already kept impose). Elsewhere it becomes {@code nand2(p, inv1(q))}, the same
 * function ({@code ¬p ∨ q = ¬(p ∧ ¬q)}). The result lists q's other readers before the gate (the rule the
 * schedulers' {@code GateGraph} checks). Readers are counted per distinct reading gate, as the schedulers count them.
 */
final class InPlaceLegaliser {
    /** Nodes visited per reachability check: past it the gate is not kept in place (deterministic, never slow). */
    static final int REACH_LIMIT = 4096;

    private InPlaceLegaliser() {}

    /**
     * Repeats until stable: a rewrite can add a reader (a shared inverter) to another in-place gate's operand.
     * Roots follow the gates (a rewritten gate computes what it replaced; a new inverter of q, ¬q's root).
     */
    static RootedMapping legalise(RootedMapping m, boolean consumeInputs) {
        RootedMapping current = m;
        while (true) { // each rewriting round removes at least one imp2, so this ends
            int[][] runBefore = new int[current.network().numNodes()][];
            boolean[] rejected = decide(current.network(), consumeInputs, runBefore);
            boolean any = false;
            for (boolean r : rejected) any |= r;
            if (!any) return readersFirst(current, runBefore);
            current = rewrite(current, rejected);
        }
    }

    /** Which imp2 gates cannot stay in place; for those kept, the other readers of q go in {@code runBefore}. */
    private static boolean[] decide(MappedNetwork m, boolean consumeInputs, int[][] runBefore) {
        int n = m.numNodes();
        int[][] fanins = fanins(m);
        int[][] readers = readers(fanins, m.numInputs());
        boolean[] output = new boolean[n];
        for (int i = 0; i < m.numOutputs(); i++) output[m.outputNodes().get(i)] = true;
        Order order = new Order(fanins, readers, runBefore);
        boolean[] consumed = new boolean[n];
        boolean[] rejected = new boolean[n];
        for (int g = m.numInputs(); g < n; g++) {
            if (!m.gate(g).primitive().equals(Primitives.IMP2)) continue;
            int p = m.gate(g).fanins().get(0);
            int q = m.gate(g).fanins().get(1);
            boolean ok = p != q && !output[q] && !consumed[q] && (consumeInputs || !m.isInput(q))
                    && (m.isInput(q) || !m.gate(q).primitive().isConstant());
            int[] others = without(readers[q], g);
            if (!ok || !order.putBefore(others, g)) { rejected[g] = true; continue; }
            consumed[q] = true;
            runBefore[g] = others;
        }
        return rejected;
    }

    /** The distinct fan-ins of each gate (none for an input). */
    private static int[][] fanins(MappedNetwork m) {
        int[][] fanins = new int[m.numNodes()][];
        for (int v = 0; v < m.numNodes(); v++) {
            fanins[v] = m.isInput(v) ? new int[0] : distinct(m.gate(v).fanins().toArray());
        }
        return fanins;
    }

    /** The values in their first order, repeats dropped (fan-in lists are short). */
    private static int[] distinct(int[] values) {
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            boolean repeat = false;
            for (int j = 0; j < k; j++) repeat |= values[j] == values[i];
            if (!repeat) values[k++] = values[i];
        }
        return k == values.length ? values : Arrays.copyOf(values, k);
    }

    /** The distinct gates reading each node, in increasing id. */
    private static int[][] readers(int[][] fanins, int inputs) {
        int n = fanins.length;
        int[] count = new int[n];
        for (int v = inputs; v < n; v++) for (int f : fanins[v]) count[f]++;
        int[][] readers = new int[n][];
        for (int v = 0; v < n; v++) readers[v] = new int[count[v]];
        int[] filled = new int[n];
        for (int v = inputs; v < n; v++) for (int f : fanins[v]) readers[f][filled[f]++] = v;
        return readers;
    }

    private static int[] without(int[] values, int drop) {
        int k = 0;
        int[] out = new int[values.length];
        for (int v : values) if (v != drop) out[k++] = v;
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * The dependence graph (reader edges, and the order edges of the gates kept so far: each other reader of q
     * before its in-place gate) with a topological order of it, kept as a list of all nodes with increasing labels
     * and updated as order edges are added. The order prunes both searches a new gate needs: forward from the gate
     * only through nodes placed before its last target, backward from the targets placed after the gate only
     * through nodes placed after the gate. The two run in step and the first to finish decides: it has found the
     * gate (or a target), a cycle, or it has enumerated a set that can move past the other side to make the new
     * edges go forward (all that depends on the gate, moved after the last target; or all the targets depend on,
     * moved before the gate). Exact unless the two together visit {@link #REACH_LIMIT} nodes; then the gate is not
     * kept (deterministic, never slow). Marks are epoch stamps in arrays sized once, so a check costs only the
     * nodes it visits.
     */
    private static final class Order {
        private final int[][] readers;
        private final int[][] fanins;
        private final int[][] runBefore; // order edges into each kept gate (its q's other readers)
        private final int[][] mustPrecede; // order edges out of each node: it runs before each listed gate
        private final int[] mustPrecedeSize;
        private final long[] label; // increasing along the list: every edge goes from a lower label to a higher
        private final int[] next;
        private final int[] prev;
        private final int[] seenForward;
        private final int[] seenBackward;
        private final int[] goal;
        private final int[] forward = new int[REACH_LIMIT];
        private final int[] backward = new int[REACH_LIMIT];
        private int head;
        private int epoch;

        Order(int[][] fanins, int[][] readers, int[][] runBefore) {
            int n = readers.length;
            this.readers = readers;
            this.fanins = fanins;
            this.runBefore = runBefore;
            this.mustPrecede = new int[n][];
            this.mustPrecedeSize = new int[n];
            this.label = new long[n];
            this.next = new int[n];
            this.prev = new int[n];
            for (int v = 0; v < n; v++) { next[v] = v + 1 < n ? v + 1 : -1; prev[v] = v - 1; } // ids are topological
            this.head = n > 0 ? 0 : -1;
            relabel();
            this.seenForward = new int[n];
            this.seenBackward = new int[n];
            this.goal = new int[n];
        }

        /**
         * Adds the order edges {@code before → gate} when no node of {@code before} depends on {@code gate}
         * (they would close a cycle) and the search stays within the limit; false, adding nothing, otherwise.
         */
        boolean putBefore(int[] before, int gate) {
            int last = -1;
            int e = ++epoch;
            int b = 0;
            for (int r : before) {
                if (label[r] < label[gate]) continue;
                if (last < 0 || label[r] > label[last]) last = r;
                goal[r] = e;
                seenBackward[r] = e;
                if (b == REACH_LIMIT) return false;
                backward[b++] = r;
            }
            if (last >= 0) {
                int f = 0;
                forward[f++] = gate;
                seenForward[gate] = e;
                int fHead = 0;
                int bHead = 0;
                while (true) {
                    if (fHead == f) { // nothing that depends on the gate is a target: it all goes after the last one
                        moveAfter(forward, f, last);
                        break;
                    }
                    if (bHead == b) { // the gate is nothing the targets depend on: that all goes before the gate
                        moveAfter(backward, b, prev[gate]);
                        break;
                    }
                    int v = forward[fHead++];
                    for (int pass = 0; pass < 2; pass++) {
                        int[] succ = pass == 0 ? readers[v] : mustPrecede[v];
                        int size = pass == 0 ? succ.length : mustPrecedeSize[v];
                        for (int i = 0; i < size; i++) {
                            int s = succ[i];
                            if (seenForward[s] == e || label[s] > label[last]) continue;
                            if (goal[s] == e || f + b == REACH_LIMIT) return false;
                            seenForward[s] = e;
                            forward[f++] = s;
                        }
                    }
                    v = backward[bHead++];
                    for (int pass = 0; pass < 2; pass++) {
                        int[] pred = pass == 0 ? fanins[v] : runBefore[v];
                        if (pred == null) continue;
                        for (int s : pred) {
                            if (seenBackward[s] == e || label[s] < label[gate]) continue;
                            if (s == gate || f + b == REACH_LIMIT) return false;
                            seenBackward[s] = e;
                            backward[b++] = s;
                        }
                    }
                }
            }
            for (int r : before) addEdge(r, gate);
            return true;
        }

        /**
         * Moves {@code count} nodes of {@code set}, in their order, to just after {@code anchor} (-1: the front).
         * The set is closed (all that depends on the gate up to the last target, or all the targets depend on
         * after the gate) and the anchor bounds it, so every edge keeps going forward.
         */
        private void moveAfter(int[] set, int count, int anchor) {
            Integer[] moved = new Integer[count];
            for (int i = 0; i < count; i++) moved[i] = set[i];
            Arrays.sort(moved, (x, y) -> Long.compare(label[x], label[y]));
            for (int v : moved) { // unlink
                if (prev[v] >= 0) next[prev[v]] = next[v]; else head = next[v];
                if (next[v] >= 0) prev[next[v]] = prev[v];
            }
            int after = anchor < 0 ? head : next[anchor];
            int at = anchor;
            for (int v : moved) { // relink in order
                prev[v] = at;
                if (at >= 0) next[at] = v; else head = v;
                at = v;
            }
            next[at] = after;
            if (after >= 0) prev[after] = at;
            long low = anchor < 0 ? 0 : label[anchor];
            long high = after < 0 ? Long.MAX_VALUE : label[after];
            long step = (high - low) / (count + 1);
            if (step < 1) { relabel(); return; }
            for (int i = 0; i < count; i++) label[moved[i]] = low + step * (i + 1);
        }

        /** Labels evenly spread along the list. */
        private void relabel() {
            long step = Long.MAX_VALUE / (label.length + 2);
            long l = step;
            for (int v = head; v >= 0; v = next[v], l += step) label[v] = l;
        }

        private void addEdge(int before, int gate) {
            int[] list = mustPrecede[before];
            int size = mustPrecedeSize[before];
            if (list == null) list = mustPrecede[before] = new int[2];
            else if (size == list.length) list = mustPrecede[before] = Arrays.copyOf(list, 2 * size);
            list[size] = gate;
            mustPrecedeSize[before] = size + 1;
        }
    }

    /** The imp2 gates marked rejected become {@code nand2(p, inv1(q))}; everything else is copied. */
    private static RootedMapping rewrite(RootedMapping rm, boolean[] rejected) {
        MappedNetwork m = rm.network();
        MappedBuilder b = new MappedBuilder(m.inputNames());
        int[] id = new int[m.numNodes()];
        for (int i = 0; i < m.numInputs(); i++) id[i] = i;
        for (int n = m.numInputs(); n < m.numNodes(); n++) {
            MappedNetwork.Gate g = m.gate(n);
            int[] f = g.fanins().toArray();
            for (int i = 0; i < f.length; i++) f[i] = id[f[i]];
            if (rejected[n]) {
                int q = g.fanins().get(1);
                boolean qIsNot = !m.isInput(q) && m.gate(q).primitive().equals(Primitives.INV1);
                // ¬q is q's own fan-in when q is an inverter (no double inversion)
                int notQ = qIsNot ? id[m.gate(q).fanins().get(0)] : b.gate(Primitives.INV1, f[1]);
                if (!qIsNot && rm.root(q) >= 0) b.claim(notQ, rm.root(q) ^ 1);
                id[n] = b.gate(Primitives.NAND2, f[0], notQ);
            } else {
                id[n] = b.gate(g.primitive(), f);
            }
            b.claim(id[n], rm.root(n));
        }
        for (int i = 0; i < m.numOutputs(); i++) b.output(m.outputNames().get(i), id[m.outputNodes().get(i)]);
        return b.buildRooted(m.name());
    }

    /**
     * The same gates in a topological order that also puts the other readers of each in-place gate's q before it,
     * otherwise keeping the given order (the network itself when it already complies).
     */
    private static RootedMapping readersFirst(RootedMapping rm, int[][] runBefore) {
        MappedNetwork m = rm.network();
        int inputs = m.numInputs();
        int n = m.numNodes();
        boolean complies = true;
        for (int g = inputs; g < n; g++) {
            if (runBefore[g] != null) for (int r : runBefore[g]) complies &= r < g;
        }
        if (complies) return rm;
        int[][] fanins = fanins(m);
        int[] missing = new int[n];
        int[] afterCount = new int[n];
        for (int g = inputs; g < n; g++) {
            for (int f : fanins[g]) if (f >= inputs) { missing[g]++; afterCount[f]++; }
            if (runBefore[g] != null) for (int r : runBefore[g]) { missing[g]++; afterCount[r]++; }
        }
        int[][] after = new int[n][];
        for (int v = 0; v < n; v++) after[v] = new int[afterCount[v]];
        int[] filled = new int[n];
        for (int g = inputs; g < n; g++) {
            for (int f : fanins[g]) if (f >= inputs) after[f][filled[f]++] = g;
            if (runBefore[g] != null) for (int r : runBefore[g]) after[r][filled[r]++] = g;
        }
        IntHeap ready = new IntHeap(n);
        for (int g = inputs; g < n; g++) if (missing[g] == 0) ready.add(g);
        int[] newId = new int[n];
        for (int i = 0; i < inputs; i++) newId[i] = i;
        List<MappedNetwork.Gate> gates = new ArrayList<>(n - inputs);
        int[] roots = new int[n];
        for (int i = 0; i < inputs; i++) roots[i] = rm.root(i);
        while (!ready.isEmpty()) {
            int g = ready.poll();
            int[] f = m.gate(g).fanins().toArray();
            for (int i = 0; i < f.length; i++) f[i] = newId[f[i]];
            newId[g] = inputs + gates.size();
            roots[newId[g]] = rm.root(g);
            gates.add(new MappedNetwork.Gate(m.gate(g).primitive(), ImmutableIntArray.copyOf(f)));
            for (int s : after[g]) if (--missing[s] == 0) ready.add(s);
        }
        if (gates.size() != n - inputs) throw new IllegalStateException("in-place order edges form a cycle");
        int[] outs = new int[m.numOutputs()];
        for (int i = 0; i < outs.length; i++) outs[i] = newId[m.outputNodes().get(i)];
        return new RootedMapping(new MappedNetwork(m.name(), m.inputNames(), ImmutableList.copyOf(gates), m.outputNames(),
                ImmutableIntArray.copyOf(outs)), ImmutableIntArray.copyOf(roots));
    }

    /** A binary min-heap of ints (the ready gates, smallest id first). */
    private static final class IntHeap {
        private final int[] heap;
        private int size;

        IntHeap(int capacity) { heap = new int[capacity]; }

        boolean isEmpty() { return size == 0; }

        void add(int v) {
            int i = size++;
            while (i > 0 && heap[(i - 1) / 2] > v) { heap[i] = heap[(i - 1) / 2]; i = (i - 1) / 2; }
            heap[i] = v;
        }

        int poll() {
            int top = heap[0];
            int v = heap[--size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) break;
                if (c + 1 < size && heap[c + 1] < heap[c]) c++;
                if (heap[c] >= v) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = v;
            return top;
        }
    }
}
