package kautz.verify;

import kautz.network.AigBuilder;
import kautz.network.Lit;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * One incremental Sat4j solver over a growing and-inverter graph: node n is variable n+1, and the Tseitin
 * clauses of an AND node are added lazily, the first time a query reaches its cone, so each query pays only
 * for logic it has not seen. Queries are "can these two literals differ?", answered under assumptions so
 * the solver and its learnt clauses are reused from one query to the next (as ABC's {@code cec} does).
 */
final class AigCnf {
    /** The answer to one query. */
    enum Answer { EQUAL, DIFFERENT, UNKNOWN }

    private final AigBuilder graph;
    private final ISolver solver = SolverFactory.newDefault();
    private boolean[] encoded = new boolean[1024];
    private int declared;
    private long calls;

    AigCnf(AigBuilder graph) {
        this.graph = graph;
        solver.setDBSimplificationAllowed(false);
        declare(1);
        encoded[0] = true;
        add(-1); // node 0 is constant false
    }

    long calls() { return calls; }

    /**
     * Whether {@code a} and {@code b} are equal on every input. Budget: at most {@code conflicts} conflicts
     * per solver call when positive, else at most {@code millis} milliseconds.
     */
    Answer equal(int a, int b, int conflicts, long millis) {
        if (a == b) return Answer.EQUAL;
        if (a == Lit.not(b)) return Answer.DIFFERENT;
        encode(Lit.node(a));
        encode(Lit.node(b));
        Answer first = differ(a, Lit.not(b), conflicts, millis);
        if (first != Answer.EQUAL) return first;
        return differ(Lit.not(a), b, conflicts, millis);
    }

    /** After {@link Answer#DIFFERENT}: the value of graph input {@code i} in the solver's model. */
    boolean inputValue(int i) {
        int v = i + 2;
        return v <= solver.nVars() && solver.model(v);
    }

    /** UNSAT of (x ∧ y) means the pair cannot take these values together. */
    private Answer differ(int x, int y, int conflicts, long millis) {
        if (conflicts > 0) solver.setTimeoutOnConflicts(conflicts);
        else solver.setTimeoutMs(Math.max(1, millis));
        calls++;
        try {
            return solver.isSatisfiable(VecInt.of(dimacs(x), dimacs(y))) ? Answer.DIFFERENT : Answer.EQUAL;
        } catch (TimeoutException e) {
            return Answer.UNKNOWN;
        }
    }

    private static int dimacs(int lit) {
        int v = Lit.node(lit) + 1;
        return Lit.isComplement(lit) ? -v : v;
    }

    /** Adds the clauses of every not yet encoded AND in the cone of {@code root}. */
    private void encode(int root) {
        if (root >= encoded.length) encoded = Arrays.copyOf(encoded, Math.max(root + 1, encoded.length * 2));
        if (encoded[root]) return;
        declare(graph.size());
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int n = stack.peek();
            if (encoded[n]) { stack.pop(); continue; }
            if (n <= graph.numInputs()) { encoded[n] = true; stack.pop(); continue; }
            int f0 = Lit.node(graph.fanin0(n)), f1 = Lit.node(graph.fanin1(n));
            if (!encoded[f0]) { stack.push(f0); continue; }
            if (!encoded[f1]) { stack.push(f1); continue; }
            stack.pop();
            encoded[n] = true;
            int z = n + 1, a = dimacs(graph.fanin0(n)), b = dimacs(graph.fanin1(n));
            // z = a ∧ b: (¬z ∨ a)(¬z ∨ b)(z ∨ ¬a ∨ ¬b)
            add(-z, a);
            add(-z, b);
            add(z, -a, -b);
        }
    }

    private void declare(int nodes) {
        if (nodes > encoded.length) encoded = Arrays.copyOf(encoded, Math.max(nodes, encoded.length * 2));
        if (nodes > declared) {
            solver.newVar(nodes + 1);
            declared = nodes;
        }
    }

    private void add(int... lits) {
        try {
            solver.addClause(VecInt.of(lits));
        } catch (ContradictionException e) {
            // Only possible for the unit clause of the constant, which nothing contradicts.
            throw new IllegalStateException("the Tseitin encoding of an AIG cannot be contradictory", e);
        }
    }
}
