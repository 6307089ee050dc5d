package kautz.mapping;

import com.google.common.collect.ImmutableList;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Exact synthesis over the IMPLY instruction set ({@code false q}: q := 0; {@code imp p, q}: q := ¬p ∨ q) for
 * small multi-output functions of up to three inputs: the shortest op sequence, every {@code false} counted
 * (the {@code --init single} model), after which each goal function sits in a cell of its own.
 *
 * <p>Iterative deepening over states of work cells, each cell's value a truth table over the inputs (8 bits).
 * Work cells start with unknown contents, so a cell is first {@code false}d; a fresh cell's first useful op is
 * then {@code imp p, c} (c = ¬p), so the search takes "false c; imp p, c" as one two-step move (a cell holding
 * 0 or 1 is never worth reading). Inputs are read-only (docs/isa.md) unless {@link Options#destroyInputs},
 * which lets ops overwrite input cells as the published serial adders do. {@link Options#readOnceInPlace}
 * forbids updating a cell in place after another op read its value (the rule the schedulers' in-place gates
 * follow). States are canonical under the input permutations that fix every goal, and a transposition table
 * remembers the largest budget each state failed with. The search is bounded by {@link Options#nodeLimit}.
 */
public final class ImplySynthesis {
    /** Up to 8 cells fit a state key. */
    public static final int MAX_CELLS = 7;
    private static final int FULL = 0xFF;
    private static final int[] INPUT = {0xAA, 0xCC, 0xF0};
    private static final int[][] PERMS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    /**
     * Search settings: {@code cells} counts the cells ops may write (the input cells too when inputs may be
     * destroyed); lengths {@code minSteps..maxSteps} are tried (below minSteps is taken as known impossible).
     */
    public record Options(int cells, int minSteps, int maxSteps, boolean destroyInputs, boolean readOnceInPlace, long nodeLimit) {
        public Options {
            if (cells < 1 || cells > MAX_CELLS) throw new IllegalArgumentException("cells must be 1.." + MAX_CELLS);
            if (maxSteps < 0 || maxSteps > 60) throw new IllegalArgumentException("maxSteps must be 0..60");
        }
    }

    /** One op: {@code false cell} when {@code source < 0}, else {@code imp source, cell}; cells are 0-based work cells, sources inputs first. */
    public record Step(int source, int cell) {}

    /**
     * A shortest program: its steps, the cell of each goal, the cells used (input cells included when they may be
     * destroyed), and how many states were searched.
     */
    public record Result(ImmutableList<Step> steps, int[] goalCells, int cellsUsed, boolean destroyInputs, long nodes) {}

    /** The outcome of a search: a program, or none within {@code maxSteps} (proven when not {@code exhausted}). */
    public record Outcome(Optional<Result> result, int provenLowerBound, boolean exhausted, long nodes) {}

    private final int inputs;
    private final int[] goals;
    private final Options options;
    private final int[][] permTable;
    private final long[] ttKeys;
    private final byte[] ttBudget;
    private final int ttMask;
    private final int[] traceSource = new int[64];
    private final int[] traceCell = new int[64];
    private final boolean[] traceFresh = new boolean[64];
    private int depthFound;
    private long nodes;
    private boolean exhausted;

    private ImplySynthesis(int inputs, int[] goals, Options options) {
        this.inputs = inputs;
        this.goals = goals.clone();
        this.options = options;
        List<int[]> perms = new ArrayList<>();
        for (int[] p : PERMS) {
            if (!fixesInputsBeyond(p, inputs)) continue;
            int[] table = new int[256];
            for (int x = 0; x < 256; x++) table[x] = permute(x, p);
            boolean fixes = true;
            for (int g : goals) fixes &= table[g] == g;
            if (fixes) perms.add(table);
        }
        this.permTable = perms.toArray(new int[0][]);
        // the table is cleared per length tried: size it to the search, up to 4M states
        int bits = Math.max(12, Math.min(22, 64 - Long.numberOfLeadingZeros(options.nodeLimit())));
        this.ttKeys = new long[1 << bits];
        this.ttBudget = new byte[1 << bits];
        this.ttMask = (1 << bits) - 1;
    }

    /**
     * Searches for the shortest program computing {@code goals} (truth tables over {@code inputs} ≤ 3 inputs,
     * input i being {@code 0xAA, 0xCC, 0xF0}[i]), trying every length up to {@code options.maxSteps()}.
     */
    public static Outcome search(int inputs, int[] goals, Options options) {
        if (inputs < 1 || inputs > 3) throw new IllegalArgumentException("1 to 3 inputs");
        if (goals.length < 1 || goals.length > 3) throw new IllegalArgumentException("1 to 3 goals");
        for (int g : goals) if (g < 0 || g > FULL) throw new IllegalArgumentException("goal is an 8-bit truth table");
        ImplySynthesis s = new ImplySynthesis(inputs, goals, options);
        return s.run();
    }

    private Outcome run() {
        int[] start = new int[options.cells()];
        boolean[] read = new boolean[options.cells()];
        int n = 0;
        if (options.destroyInputs()) {
            if (options.cells() < inputs) throw new IllegalArgumentException("the input cells count among the cells");
            for (int i = 0; i < inputs; i++) start[n++] = INPUT[i];
        }
        int lower = options.minSteps();
        for (int budget = options.minSteps(); budget <= options.maxSteps(); budget++) {
            Arrays.fill(ttKeys, 0);
            Arrays.fill(ttBudget, (byte) 0);
            if (dfs(start.clone(), read.clone(), n, budget, 0)) {
                return new Outcome(Optional.of(result()), budget, false, nodes);
            }
            if (exhausted) return new Outcome(Optional.empty(), lower, true, nodes);
            lower = budget + 1;
        }
        return new Outcome(Optional.empty(), lower, false, nodes);
    }

    private Result result() {
        ImmutableList.Builder<Step> steps = ImmutableList.builder();
        int[] v = new int[options.cells()];
        int n = options.destroyInputs() ? inputs : 0;
        for (int i = 0; i < n; i++) v[i] = INPUT[i];
        int used = n;
        for (int d = 0; d < depthFound; d++) {
            int c = traceCell[d];
            int src = traceSource[d];
            used = Math.max(used, c + 1);
            if (traceFresh[d]) {
                steps.add(new Step(-1, c));
                v[c] = 0;
            }
            steps.add(new Step(src, c));
            v[c] = ~value(v, src) & FULL | v[c];
        }
        int[] cellOf = new int[goals.length];
        for (int k = 0; k < goals.length; k++) {
            cellOf[k] = -1;
            for (int c = 0; c < used && cellOf[k] < 0; c++) if (v[c] == goals[k]) cellOf[k] = c;
        }
        return new Result(steps.build(), cellOf, used, options.destroyInputs(), nodes);
    }

    /** A source's value: inputs first (when read-only), then cells. */
    private int value(int[] v, int source) {
        return options.destroyInputs() ? v[source] : source < inputs ? INPUT[source] : v[source - inputs];
    }

    private int sources(int n) { return options.destroyInputs() ? n : inputs + n; }

    private boolean dfs(int[] v, boolean[] read, int n, int budget, int depth) {
        if (++nodes > options.nodeLimit()) {
            exhausted = true;
            return false;
        }
        int h = 0;
        for (int g : goals) h += stepsAtLeast(v, n, g);
        if (h == 0) {
            depthFound = depth;
            return true;
        }
        if (h > budget) return false;
        long key = canonical(v, read, n);
        int slot = slot(key);
        if (slot >= 0 && ttKeys[slot] == key && ttBudget[slot] >= budget) return false;
        int srcCount = sources(n);
        for (int q = 0; q < n; q++) {
            if (options.readOnceInPlace() && read[q]) continue;
            for (int s = 0; s < srcCount; s++) {
                int sc = cellOfSource(s);
                if (sc == q) continue;
                int nv = (~value(v, s) | v[q]) & FULL;
                if (nv == v[q] || nv == FULL) continue;
                if (step(v, read, n, q, s, sc, nv, false, budget - 1, depth)) return true;
            }
        }
        if (budget >= 2) {
            for (int s = 0; s < srcCount; s++) {
                int nv = ~value(v, s) & FULL;
                if (nv == 0 || nv == FULL) continue;
                int sc = cellOfSource(s);
                if (n < options.cells()) {
                    if (step(v, read, n + 1, n, s, sc, nv, true, budget - 2, depth)) return true;
                } else {
                    for (int r = 0; r < n; r++) {
                        if (r != sc && step(v, read, n, r, s, sc, nv, true, budget - 2, depth)) return true;
                    }
                }
            }
        }
        if (exhausted) return false;
        store(key, budget);
        return false;
    }

    private int cellOfSource(int s) { return options.destroyInputs() ? s : s - inputs; }

    private boolean step(int[] v, boolean[] read, int n, int q, int s, int sc, int nv, boolean fresh, int budget, int depth) {
        int old = v[q];
        boolean oldRead = read[q];
        boolean srcRead = sc >= 0 && read[sc];
        v[q] = nv;
        read[q] = false;
        if (sc >= 0) read[sc] = true;
        traceSource[depth] = s;
        traceCell[depth] = q;
        traceFresh[depth] = fresh;
        boolean found = dfs(v, read, n, budget, depth + 1);
        if (sc >= 0) read[sc] = srcRead;
        v[q] = old;
        read[q] = oldRead;
        return found;
    }

    /**
     * A lower bound on the ops still needed for goal g: 0 if some cell holds it, 1 if one imp gets there from a
     * cell below g, else 2. Goals sit in distinct cells, so their last writes are distinct and the bounds add.
     */
    private int stepsAtLeast(int[] v, int n, int g) {
        for (int i = 0; i < n; i++) if (v[i] == g) return 0;
        int srcCount = sources(n);
        for (int q = 0; q < n; q++) {
            if ((v[q] & ~g) != 0) continue;
            for (int s = 0; s < srcCount; s++) {
                if (cellOfSource(s) != q && ((~value(v, s) | v[q]) & FULL) == g) return 1;
            }
        }
        return 2;
    }

    /** The smallest key of the state under the goal-fixing input permutations (cell order forgotten). */
    private long canonical(int[] v, boolean[] read, int n) {
        long best = Long.MAX_VALUE;
        int[] w = new int[n];
        for (int[] table : permTable) {
            for (int i = 0; i < n; i++) w[i] = table[v[i]] << 1 | (options.readOnceInPlace() && read[i] ? 1 : 0);
            Arrays.sort(w);
            long k = 0;
            for (int i = 0; i < n; i++) k = k << 9 | w[i];
            k = k << 4 | n;
            best = Math.min(best, k);
        }
        return best + 1; // 0 marks an empty slot
    }

    private int slot(long key) {
        int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & ttMask;
        for (int i = 0; i < 8; i++) {
            int s = (h + i) & ttMask;
            if (ttKeys[s] == key || ttKeys[s] == 0) return s;
        }
        return h;
    }

    private void store(long key, int budget) {
        int s = slot(key);
        if (ttKeys[s] != key) {
            ttKeys[s] = key;
            ttBudget[s] = 0;
        }
        ttBudget[s] = (byte) Math.max(ttBudget[s], budget);
    }

    private static boolean fixesInputsBeyond(int[] p, int inputs) {
        for (int i = inputs; i < 3; i++) if (p[i] != i) return false;
        return true;
    }

    /** The truth table with input i renamed p[i]. */
    private static int permute(int x, int[] p) {
        int y = 0;
        for (int m = 0; m < 8; m++) {
            if ((x >>> m & 1) == 0) continue;
            int nm = 0;
            for (int i = 0; i < 3; i++) nm |= (m >>> i & 1) << p[i];
            y |= 1 << nm;
        }
        return y;
    }

    /**
     * The result as a program for one row: the inputs in cells 0..inputs-1, work cells after them (or the input
     * cells themselves when they may be destroyed: the program then says {@code .consume-inputs}), {@code false}
     * counted one cell per cycle.
     */
    public static Program program(String name, int inputs, Result r, List<String> inputNames, List<String> outputNames) {
        // read-only inputs: source s is cell s either way (inputs, then work cells); work cell c is cell inputs + c
        int base = r.destroyInputs() ? 0 : inputs;
        List<MicroOp> ops = new ArrayList<>();
        for (Step s : r.steps()) {
            int cell = base + s.cell();
            ops.add(s.source() < 0 ? MicroOp.of(Opcode.FALSE, cell) : MicroOp.of(Opcode.IMP, s.source(), cell));
        }
        ImmutableList.Builder<IoBit> in = ImmutableList.builder();
        for (int i = 0; i < inputs; i++) in.add(new IoBit(inputNames.get(i), i));
        ImmutableList.Builder<IoBit> out = ImmutableList.builder();
        for (int k = 0; k < r.goalCells().length; k++) out.add(new IoBit(outputNames.get(k), base + r.goalCells()[k]));
        boolean writesInput = r.destroyInputs() && r.steps().stream().anyMatch(s -> s.cell() < inputs);
        return new Program(name, "imply", Math.max(inputs, base + r.cellsUsed()), InitModel.SINGLE, in.build(), out.build(), ImmutableList.copyOf(ops),
                writesInput);
    }
}
