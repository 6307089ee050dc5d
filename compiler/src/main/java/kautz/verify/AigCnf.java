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
 * One incremental Sat4j solver over a growing and-inverter graph: the Tseitin clauses of an AND node are
 * added lazily, the first time a query reaches its cone, and variables are numbered in that order, so the
 * solver only ever holds logic some query needed. Queries are "can these two literals differ?", answered
 * under assumptions so the solver and its learnt clauses are reused from one query to the next.
 *
 * <p>Sat4j's per-call cost grows with the variables it holds, so sweeping asks each local question of a
 * fresh, cone-sized instance ({@link #coneLimit}) and keeps one long-lived instance for the output proofs.
 */
final class AigCnf {
    /** The answer to one query. */
    enum Answer { EQUAL, DIFFERENT, UNKNOWN }

    private final AigBuilder graph;
    private final ISolver solver = SolverFactory.newDefault();
    private int[] var;        // per node: its solver variable, 0 when not encoded yet
    private int vars;
    private final int coneLimit;
    private final int firstSlice, maxSlice;
    private long calls;

    /**
     * @param coneLimit  the most AND nodes this instance may encode; a query beyond it answers UNKNOWN
     * @param firstSlice conflicts of the first solver call of a query; each further call may use twice as many,
     * @param maxSlice   up to this
     */
    AigCnf(AigBuilder graph, int coneLimit, int firstSlice, int maxSlice) {
        this.graph = graph;
        this.coneLimit = coneLimit;
        this.firstSlice = firstSlice;
        this.maxSlice = maxSlice;
        this.var = new int[graph.size() + 1];
        solver.setDBSimplificationAllowed(false);
        var[0] = newVar();
        add(-var[0]); // node 0 is constant false
    }

    long calls() { return calls; }

    /**
     * Whether {@code a} and {@code b} are equal on every input, within {@code budget}. The solver runs in
     * slices of a growing number of conflicts and the budget is read between them, so the answer is bounded
     * by the thread's CPU time (Sat4j's own timeout is wall clock) and a slice is short enough to stop soon
     * after the budget ends; learnt clauses carry over from slice to slice.
     */
    Answer equal(int a, int b, Budget budget) {
        if (a == b) return Answer.EQUAL;
        if (a == Lit.not(b)) return Answer.DIFFERENT;
        if (!encode(Lit.node(a)) || !encode(Lit.node(b))) return Answer.UNKNOWN;
        Answer first = differ(a, Lit.not(b), budget);
        if (first != Answer.EQUAL) return first;
        return differ(Lit.not(a), b, budget);
    }

    /** After {@link Answer#DIFFERENT}: the value of graph input {@code i} in the solver's model (false if unused). */
    boolean inputValue(int i) {
        int n = i + 1;
        return n < var.length && var[n] != 0 && solver.model(var[n]);
    }

    /**
     * UNSAT of (x ∧ y) means the pair cannot take these values together. A slice is also cut to the
     * conflicts the last one managed in the CPU time still left, so a slow instance (a large cone, each
     * conflict costing milliseconds) cannot run far past the budget.
     */
    private Answer differ(int x, int y, Budget budget) {
        for (int slice = firstSlice; !budget.expired(); ) {
            solver.setTimeoutOnConflicts(slice);
            calls++;
            long before = EquivalenceChecker.cpuNanos();
            try {
                return solver.isSatisfiable(VecInt.of(lit(x), lit(y))) ? Answer.DIFFERENT : Answer.EQUAL;
            } catch (TimeoutException e) {
                long spent = Math.max(1, EquivalenceChecker.cpuNanos() - before);
                long affordable = (long) ((double) slice / spent * budget.cpuLeftNanos());
                slice = (int) Math.max(100, Math.min(Math.min(maxSlice, 2L * slice), affordable));
            }
        }
        return Answer.UNKNOWN;
    }

    private int lit(int aigLit) {
        int v = var[Lit.node(aigLit)];
        return Lit.isComplement(aigLit) ? -v : v;
    }

    private int newVar() {
        vars++;
        solver.newVar(vars);
        return vars;
    }

    /** Adds the clauses of every not yet encoded node in the cone of {@code root}; false past the cone limit. */
    private boolean encode(int root) {
        if (graph.size() > var.length) var = Arrays.copyOf(var, Math.max(graph.size(), var.length * 2));
        if (var[root] != 0) return true;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int n = stack.peek();
            if (var[n] != 0) { stack.pop(); continue; }
            if (n <= graph.numInputs()) { var[n] = newVar(); stack.pop(); continue; }
            int f0 = Lit.node(graph.fanin0(n)), f1 = Lit.node(graph.fanin1(n));
            if (var[f0] == 0) { stack.push(f0); continue; }
            if (var[f1] == 0) { stack.push(f1); continue; }
            stack.pop();
            if (vars - graph.numInputs() > coneLimit) return false;
            int z = var[n] = newVar(), a = lit(graph.fanin0(n)), b = lit(graph.fanin1(n));
            // z = a ∧ b: (¬z ∨ a)(¬z ∨ b)(z ∨ ¬a ∨ ¬b)
            add(-z, a);
            add(-z, b);
            add(z, -a, -b);
        }
        return true;
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
