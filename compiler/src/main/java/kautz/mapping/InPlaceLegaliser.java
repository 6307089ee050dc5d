package kautz.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

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
        int[][] readers = readers(m);
        boolean[] output = new boolean[n];
        for (int i = 0; i < m.numOutputs(); i++) output[m.outputNodes().get(i)] = true;
        Reach reach = new Reach(readers);
        boolean[] consumed = new boolean[n];
        boolean[] rejected = new boolean[n];
        boolean backward = false; // an order edge from a later node to an earlier one: paths may then go down in id
        for (int g = m.numInputs(); g < n; g++) {
            if (!m.gate(g).primitive().equals(Primitives.IMP2)) continue;
            int p = m.gate(g).fanins().get(0);
            int q = m.gate(g).fanins().get(1);
            boolean ok = p != q && !output[q] && !consumed[q] && (consumeInputs || !m.isInput(q))
                    && (m.isInput(q) || !m.gate(q).primitive().isConstant());
            int[] others = without(readers[q], g);
            boolean later = false;
            for (int r : others) later |= r > g;
            if (ok && (later || backward && others.length > 0)) ok = !reach.reaches(g, others);
            if (!ok) { rejected[g] = true; continue; }
            consumed[q] = true;
            runBefore[g] = others;
            for (int r : others) reach.order(r, g);
            backward |= later;
        }
        return rejected;
    }

    /** The distinct gates reading each node, in increasing id. */
    private static int[][] readers(MappedNetwork m) {
        int n = m.numNodes();
        int[] count = new int[n];
        int[][] distinct = new int[n][];
        for (int v = m.numInputs(); v < n; v++) {
            distinct[v] = Arrays.stream(m.gate(v).fanins().toArray()).distinct().toArray();
            for (int f : distinct[v]) count[f]++;
        }
        int[][] readers = new int[n][];
        for (int v = 0; v < n; v++) readers[v] = new int[count[v]];
        int[] filled = new int[n];
        for (int v = m.numInputs(); v < n; v++) for (int f : distinct[v]) readers[f][filled[f]++] = v;
        return readers;
    }

    private static int[] without(int[] values, int drop) {
        int k = 0;
        int[] out = new int[values.length];
        for (int v : values) if (v != drop) out[k++] = v;
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * Reachability over reader edges and the order edges kept so far, breadth first with a visit limit. Marks
     * are epoch stamps in arrays sized once, so a check costs only the nodes it visits (there is one per in-place
     * gate, and large IMPLY mappings have hundreds of thousands).
     */
    private static final class Reach {
        private final int[][] readers;
        private final int[][] mustPrecede; // order edges kept so far: x before each listed gate, in insertion order
        private final int[] mustPrecedeSize;
        private final int[] seen;
        private final int[] goal;
        private final int[] queue = new int[REACH_LIMIT + 2];
        private int epoch;

        Reach(int[][] readers) {
            int n = readers.length;
            this.readers = readers;
            this.mustPrecede = new int[n][];
            this.mustPrecedeSize = new int[n];
            this.seen = new int[n];
            this.goal = new int[n];
        }

        void order(int before, int gate) {
            int[] list = mustPrecede[before];
            int size = mustPrecedeSize[before];
            if (list == null) list = mustPrecede[before] = new int[2];
            else if (size == list.length) list = mustPrecede[before] = Arrays.copyOf(list, 2 * size);
            list[size] = gate;
            mustPrecedeSize[before] = size + 1;
        }

        /** Whether some target depends on {@code from} (a path of reader or order edges); true too past the visit limit. */
        boolean reaches(int from, int[] targets) {
            int e = ++epoch;
            for (int t : targets) goal[t] = e;
            int head = 0;
            int tail = 0;
            int visited = 1;
            queue[tail++] = from;
            seen[from] = e;
            while (head < tail) {
                int v = queue[head++];
                for (int pass = 0; pass < 2; pass++) {
                    int[] next = pass == 0 ? readers[v] : mustPrecede[v];
                    int size = pass == 0 ? next.length : mustPrecedeSize[v];
                    for (int i = 0; i < size; i++) {
                        int s = next[i];
                        if (goal[s] == e) return true;
                        if (seen[s] != e) {
                            seen[s] = e;
                            if (++visited > REACH_LIMIT) return true;
                            queue[tail++] = s;
                        }
                    }
                }
            }
            return false;
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
        int[] missing = new int[n];
        List<List<Integer>> after = new ArrayList<>(n);
        for (int v = 0; v < n; v++) after.add(new ArrayList<>(2));
        for (int g = inputs; g < n; g++) {
            for (int f : Arrays.stream(m.gate(g).fanins().toArray()).distinct().toArray()) {
                if (f >= inputs) { missing[g]++; after.get(f).add(g); }
            }
            if (runBefore[g] != null) for (int r : runBefore[g]) { missing[g]++; after.get(r).add(g); }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
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
            for (int s : after.get(g)) if (--missing[s] == 0) ready.add(s);
        }
        if (gates.size() != n - inputs) throw new IllegalStateException("in-place order edges form a cycle");
        int[] outs = new int[m.numOutputs()];
        for (int i = 0; i < outs.length; i++) outs[i] = newId[m.outputNodes().get(i)];
        return new RootedMapping(new MappedNetwork(m.name(), m.inputNames(), ImmutableList.copyOf(gates), m.outputNames(),
                ImmutableIntArray.copyOf(outs)), ImmutableIntArray.copyOf(roots));
    }
}
