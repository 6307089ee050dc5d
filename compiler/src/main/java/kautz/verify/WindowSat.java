package kautz.verify;

import kautz.network.AigBuilder;
import kautz.network.Lit;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * A SAT proof of a local equivalence over a window: the logic under two nodes, expanded newest node first
 * (so it follows the logic the two share, as {@link WindowProof} does) up to a number of AND nodes, with the
 * window's leaves left free. Free leaves over-approximate what the leaves can be, so "cannot differ" proves
 * the nodes equal for every input, however many leaves the window has (the truth-table proof stops at 12).
 * "Can differ" is a real counterexample only when every leaf is a primary input (the window is the whole
 * cone); otherwise the leaves may be correlated and the answer is unknown.
 */
final class WindowSat {
    /** The answer to one query; {@code inputs} holds the model's primary-input values for {@code DIFFERENT}. */
    record Answer(AigCnf.Answer kind, boolean[] inputs) {
        static final Answer EQUAL = new Answer(AigCnf.Answer.EQUAL, null);
        static final Answer UNKNOWN = new Answer(AigCnf.Answer.UNKNOWN, null);
    }

    private final AigBuilder graph;
    private int[] var = new int[1024];   // per node: its variable in the current query, 0 when outside the window
    private int[] touched = new int[1024];

    WindowSat(AigBuilder graph) { this.graph = graph; }

    /** Whether literals {@code a} and {@code b} are equal, over a window of at most {@code maxAnds} ANDs. */
    Answer equal(int a, int b, int maxAnds, int conflicts) {
        if (a == b) return Answer.EQUAL;
        if (var.length < graph.size()) var = Arrays.copyOf(var, Math.max(graph.size(), 2 * var.length));
        // nodes of the window, numbered 1.. in the order they are reached; inner ANDs get clauses
        PriorityQueue<Integer> frontier = new PriorityQueue<>((x, y) -> Integer.compare(y, x));
        int count = 0, ands = 0;
        boolean whole = true;
        try {
            for (int root : new int[] {Lit.node(a), Lit.node(b)}) {
                if (var[root] == 0) { var[root] = ++count; touch(root, count); frontier.add(root); }
            }
            int[] inner = new int[maxAnds];
            while (!frontier.isEmpty()) {
                int n = frontier.poll();
                if (n <= graph.numInputs()) continue;
                if (ands == maxAnds) { whole = false; continue; } // a free leaf
                inner[ands++] = n;
                for (int f : new int[] {Lit.node(graph.fanin0(n)), Lit.node(graph.fanin1(n))}) {
                    if (var[f] == 0) { var[f] = ++count; touch(f, count); frontier.add(f); }
                }
            }
            return solve(a, b, inner, ands, count, whole, conflicts);
        } finally {
            for (int k = 0; k < count; k++) var[touched[k]] = 0;
        }
    }

    /**
     * Whether literals {@code a} and {@code b} are equal over window {@code w}, its leaves free: EQUAL is a
     * proof, DIFFERENT only when the window is whole.
     */
    Answer equal(int a, int b, MeetingWindow w, int conflicts) {
        if (a == b) return Answer.EQUAL;
        if (var.length < graph.size()) var = Arrays.copyOf(var, Math.max(graph.size(), 2 * var.length));
        int count = 0;
        try {
            for (int k = 0; k < w.innerCount; k++) { var[w.inner[k]] = ++count; touch(w.inner[k], count); }
            for (int k = 0; k < w.leafCount; k++) { var[w.leaves[k]] = ++count; touch(w.leaves[k], count); }
            return solve(a, b, w.inner, w.innerCount, count, w.whole, conflicts);
        } finally {
            for (int k = 0; k < count; k++) var[touched[k]] = 0;
        }
    }

    /** Encodes the inner nodes (variables already numbered 1..count) and asks whether a and b can differ. */
    private Answer solve(int a, int b, int[] inner, int ands, int count, boolean whole, int conflicts) {
        ISolver solver = SolverFactory.newDefault();
        solver.setTimeoutOnConflicts(conflicts);
        try {
            solver.newVar(count);
            if (var[0] != 0) solver.addClause(VecInt.of(-var[0])); // node 0 is constant false
            for (int k = 0; k < ands; k++) {
                int n = inner[k], z = var[n], x = lit(graph.fanin0(n)), y = lit(graph.fanin1(n));
                solver.addClause(VecInt.of(-z, x));
                solver.addClause(VecInt.of(-z, y));
                solver.addClause(VecInt.of(z, -x, -y));
            }
            for (int pair = 0; pair < 2; pair++) {
                int x = pair == 0 ? lit(a) : -lit(a), y = pair == 0 ? -lit(b) : lit(b);
                if (solver.isSatisfiable(VecInt.of(x, y))) {
                    if (!whole) return Answer.UNKNOWN;
                    boolean[] in = new boolean[graph.numInputs()];
                    for (int i = 0; i < in.length; i++) in[i] = var[i + 1] != 0 && solver.model(var[i + 1]);
                    return new Answer(AigCnf.Answer.DIFFERENT, in);
                }
            }
            return Answer.EQUAL;
        } catch (TimeoutException e) {
            return Answer.UNKNOWN;
        } catch (ContradictionException e) {
            // only the unit clause of the constant node could conflict, and nothing else forces it
            throw new IllegalStateException("the Tseitin encoding of an AIG cannot be contradictory", e);
        }
    }

    private void touch(int node, int count) {
        if (count > touched.length) touched = Arrays.copyOf(touched, 2 * touched.length);
        touched[count - 1] = node;
    }

    private int lit(int aigLit) {
        int v = var[Lit.node(aigLit)];
        return Lit.isComplement(aigLit) ? -v : v;
    }
}
