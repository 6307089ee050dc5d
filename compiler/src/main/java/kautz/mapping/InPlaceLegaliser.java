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
        List<List<Integer>> readers = new ArrayList<>(n);
        for (int v = 0; v < n; v++) readers.add(new ArrayList<>(2));
        for (int v = m.numInputs(); v < n; v++) {
            for (int f : Arrays.stream(m.gate(v).fanins().toArray()).distinct().toArray()) readers.get(f).add(v);
        }
        boolean[] output = new boolean[n];
        for (int i = 0; i < m.numOutputs(); i++) output[m.outputNodes().get(i)] = true;
        List<List<Integer>> mustPrecede = new ArrayList<>(n); // order edges kept so far: x before each listed gate
        for (int v = 0; v < n; v++) mustPrecede.add(new ArrayList<>(0));
        boolean[] consumed = new boolean[n];
        boolean[] rejected = new boolean[n];
        boolean backward = false; // an order edge from a later node to an earlier one: paths may then go down in id
        for (int gate = m.numInputs(); gate < n; gate++) {
            final int g = gate;
            if (!m.gate(g).primitive().equals(Primitives.IMP2)) continue;
            int p = m.gate(g).fanins().get(0);
            int q = m.gate(g).fanins().get(1);
            boolean ok = p != q && !output[q] && !consumed[q] && (consumeInputs || !m.isInput(q))
                    && (m.isInput(q) || !m.gate(q).primitive().isConstant());
            int[] others = readers.get(q).stream().mapToInt(Integer::intValue).filter(r -> r != g).toArray();
            boolean later = Arrays.stream(others).anyMatch(r -> r > g);
            if (ok && (later || backward && others.length > 0)) ok = !reaches(g, others, readers, mustPrecede);
            if (!ok) { rejected[g] = true; continue; }
            consumed[q] = true;
            runBefore[g] = others;
            for (int r : others) mustPrecede.get(r).add(g);
            backward |= later;
        }
        return rejected;
    }

    /** Whether some target depends on {@code from} (a path of reader or order edges); true too past the visit limit. */
    private static boolean reaches(int from, int[] targets, List<List<Integer>> readers, List<List<Integer>> mustPrecede) {
        java.util.Set<Integer> goal = new java.util.HashSet<>();
        for (int t : targets) goal.add(t);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        todo.add(from);
        seen.add(from);
        while (!todo.isEmpty()) {
            int v = todo.poll();
            for (List<Integer> next : List.of(readers.get(v), mustPrecede.get(v))) {
                for (int s : next) {
                    if (goal.contains(s)) return true;
                    if (seen.add(s)) {
                        if (seen.size() > REACH_LIMIT) return true;
                        todo.add(s);
                    }
                }
            }
        }
        return false;
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
