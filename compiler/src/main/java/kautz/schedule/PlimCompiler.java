package kautz.schedule;

import com.google.common.collect.ImmutableList;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.network.Lit;
import kautz.network.Mig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Compiles a {@link Mig} to an RM3 program ({@code maj d, a, b}: d := maj(a, ¬b, d)), after the PLiM compiler of
 * Soeken et al. (DAC 2016): one RM3 per majority node, in place on a fan-in that dies there, with the node's one
 * complemented fan-in (or a constant) read through RM3's inverted operand.
 *
 * <ul>
 *   <li><b>Polarity.</b> Each node is stored as its value or its complement ({@code maj(¬x, ¬y, ¬z) = ¬maj(x, y, z)}),
 *       chosen in topological order so that exactly one operand is read complemented where possible.</li>
 *   <li><b>Operands.</b> Of the six ways to give the three fan-ins the places a, b and d, the cheapest is taken:
 *       b reads a value complemented (free for a fan-in needed complemented, or a constant); a value needed in the
 *       other sense comes from an inverted copy ({@code init0 t; maj t, ONE, x}, kept for the node's other readers);
 *       d is destroyed, so it is the fan-in's own cell when the fan-in dies there and is no input, output or
 *       constant, a fresh cell set to a constant, or a copy ({@code init0 t; maj t, x, ZERO}).</li>
 *   <li><b>Cells.</b> Inputs keep cells {@code 0..I-1} and are never written; the constants 0 and 1 get a cell
 *       each when first needed; a dead value's cell is reused (lowest first) after an {@code init0}. First uses of
 *       cells are initialised before the first RM3 (the free initial setting under {@code bulk}).</li>
 *   <li><b>Order.</b> Among the nodes whose fan-ins are ready, the one that frees most cells goes first (ties: the
 *       lowest node), as PLiM's compiler selects candidates by the cells they release. A candidate's count is
 *       kept current: when a value is left with one reader, that reader (if ready) moves up.</li>
 * </ul>
 */
public final class PlimCompiler {
    private final Mig mig;
    private final boolean[] pol;
    private final int[] refs;
    private final boolean[] pinned;
    private final int[] cellOf;
    private final int[] invOf;
    private final TreeSet<Integer> free = new TreeSet<>();
    private final List<Integer> t0One = new ArrayList<>();
    private final List<Integer> t0Zero = new ArrayList<>();
    private final List<MicroOp> body = new ArrayList<>();
    private boolean[] used;
    private boolean[] reinited; // set by an init op after its first use: may not end holding an output
    private int next;
    private int zero = -1;
    private int one = -1;

    private PlimCompiler(Mig mig) {
        this.mig = mig;
        int n = mig.size();
        pol = new boolean[n];
        refs = mig.fanoutCounts();
        pinned = new boolean[n];
        cellOf = new int[n];
        invOf = new int[n];
        Arrays.fill(cellOf, -1);
        Arrays.fill(invOf, -1);
        for (int i = 0; i < mig.numInputs(); i++) cellOf[i + 1] = i;
        for (int o = 0; o < mig.numOutputs(); o++) pinned[Lit.node(mig.output(o))] = true;
        next = mig.numInputs();
        used = new boolean[Math.max(16, 2 * next + 16)];
        reinited = new boolean[used.length];
        for (int c = 0; c < next; c++) used[c] = true;
        choosePolarities();
    }

    /** The RM3 program of {@code mig}, named {@code kernel}, for the family {@code target}. */
    public static Program compile(Mig mig, String kernel, String target, InitModel init) {
        return new PlimCompiler(mig).run(kernel, target, init);
    }

    private void choosePolarities() {
        for (int n = mig.firstMaj(); n < mig.size(); n++) {
            int k = 0, nc = 0;
            boolean constant = false;
            for (int j = 0; j < 3; j++) {
                int l = mig.fanin(n, j);
                if (Lit.node(l) == 0) { constant = true; continue; }
                nc++;
                if (Lit.isComplement(l) ^ pol[Lit.node(l)]) k++;
            }
            pol[n] = inversions(nc - k, constant) < inversions(k, constant);
        }
    }

    /** Inverted copies a node needs with {@code k} fan-ins read complemented (a constant can take RM3's inverted place). */
    private static int inversions(int k, boolean constant) {
        return constant ? Math.min(k, Math.abs(k - 1)) : Math.abs(k - 1);
    }

    private Program run(String kernel, String target, InitModel init) {
        int firstMaj = mig.firstMaj();
        int[] pending = new int[mig.size()]; // majority fan-ins not yet computed
        List<List<Integer>> readers = new ArrayList<>(mig.size());
        for (int n = 0; n < mig.size(); n++) readers.add(new ArrayList<>(2));
        TreeSet<long[]> ready = new TreeSet<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long[][] keyOf = new long[mig.size()][]; // the key of each node in ready
        for (int n = firstMaj; n < mig.size(); n++) {
            for (int j = 0; j < 3; j++) {
                int c = Lit.node(mig.fanin(n, j));
                if (mig.isMaj(c)) { pending[n]++; readers.get(c).add(n); }
            }
            if (pending[n] == 0) ready.add(keyOf[n] = key(n));
        }
        while (!ready.isEmpty()) {
            long[] k = ready.pollFirst();
            int n = (int) k[1];
            keyOf[n] = null;
            node(n);
            // a fan-in now read by one node alone makes that node free its cell: a ready one moves up
            for (int j = 0; j < 3; j++) {
                int c = Lit.node(mig.fanin(n, j));
                if (!mig.isMaj(c) || pinned[c] || refs[c] != 1) continue;
                for (int r : readers.get(c)) {
                    if (keyOf[r] == null) continue; // computed, or not ready yet
                    ready.remove(keyOf[r]);
                    ready.add(keyOf[r] = key(r));
                }
            }
            for (int r : readers.get(n)) if (--pending[r] == 0) ready.add(keyOf[r] = key(r));
        }
        List<IoBit> outs = new ArrayList<>();
        for (int o = 0; o < mig.numOutputs(); o++) {
            int l = mig.output(o);
            int c = Lit.node(l);
            int cell;
            if (c == 0) cell = constant(Lit.isComplement(l));
            else cell = Lit.isComplement(l) ^ pol[c] ? inverted(c) : cellOf[c];
            outs.add(new IoBit(mig.outputNames().get(o), cell));
        }
        List<MicroOp> ops = new ArrayList<>();
        if (!t0One.isEmpty()) ops.add(MicroOp.of(Opcode.INIT1, t0One.stream().mapToInt(Integer::intValue).sorted().toArray()));
        if (!t0Zero.isEmpty()) ops.add(MicroOp.of(Opcode.INIT0, t0Zero.stream().mapToInt(Integer::intValue).sorted().toArray()));
        ops.addAll(body);
        List<IoBit> ins = new ArrayList<>();
        for (int i = 0; i < mig.numInputs(); i++) ins.add(new IoBit(mig.inputNames().get(i), i));
        return new Program(kernel, target, Math.max(1, next), init, ImmutableList.copyOf(ins), ImmutableList.copyOf(outs), ImmutableList.copyOf(ops));
    }

    /** Ready nodes by the cells they free (more first), then by index. */
    private long[] key(int n) {
        int frees = 0;
        for (int j = 0; j < 3; j++) {
            int c = Lit.node(mig.fanin(n, j));
            if (c != 0 && refs[c] == 1 && !pinned[c] && !mig.isInput(c)) frees++;
        }
        return new long[] {-frees, n};
    }

    /** Places: 0 = a, 1 = b (read complemented), 2 = d (overwritten). */
    private static final int[][] PERMUTATIONS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    private void node(int n) {
        boolean s = pol[n];
        int[] child = new int[3];
        boolean[] need = new boolean[3]; // the operand's value is the complement of what the child's cell holds
        for (int j = 0; j < 3; j++) {
            int l = mig.fanin(n, j);
            child[j] = Lit.node(l);
            // a constant child: "need" is the constant's value itself (its cells hold both values)
            need[j] = Lit.isComplement(l) ^ s ^ (child[j] != 0 && pol[child[j]]);
        }
        int[] best = null;
        int bestCost = Integer.MAX_VALUE;
        for (int[] perm : PERMUTATIONS) {
            int cost = 0;
            for (int j = 0; j < 3; j++) cost += cost(perm[j], child[j], need[j], pinned[n]);
            if (cost < bestCost) { bestCost = cost; best = perm; }
        }
        int a = -1, b = -1, d = -1;
        for (int j = 0; j < 3; j++) {
            switch (best[j]) {
                case 0 -> a = child[j] == 0 ? constant(need[j]) : need[j] ? inverted(child[j]) : cellOf[child[j]];
                case 1 -> b = child[j] == 0 ? constant(!need[j]) : need[j] ? cellOf[child[j]] : inverted(child[j]);
                default -> d = destination(child[j], need[j], pinned[n]);
            }
        }
        body.add(MicroOp.of(Opcode.MAJ, d, a, b));
        cellOf[n] = d;
        for (int j = 0; j < 3; j++) {
            int c = child[j];
            if (c == 0) continue;
            if (--refs[c] == 0 && !pinned[c]) { // an input keeps its cell, its inverted copy goes
                if (!mig.isInput(c) && cellOf[c] != d && cellOf[c] >= 0) release(cellOf[c]);
                if (invOf[c] != d && invOf[c] >= 0) release(invOf[c]);
                if (!mig.isInput(c)) cellOf[c] = -1;
                invOf[c] = -1;
            }
        }
    }

    /** Extra instructions for giving place {@code place} to a fan-in. */
    private int cost(int place, int c, boolean need, boolean output) {
        if (c == 0) return place == 2 ? 1 : 0;
        boolean haveInv = invOf[c] >= 0;
        return switch (place) {
            case 0 -> !need || haveInv ? 0 : 2;
            case 1 -> need || haveInv ? 0 : 2;
            default -> {
                boolean dies = refs[c] == 1 && !pinned[c] && !mig.isInput(c);
                int in = !need ? cellOf[c] : invOf[c];
                yield dies && in >= 0 && !(output && reinited[in]) ? 0 : 2;
            }
        };
    }

    /** A cell the RM3 may overwrite holding the operand: the dying fan-in's own cell, a constant, or a copy. */
    private int destination(int c, boolean need, boolean output) {
        if (c == 0) {
            int t = allocateFor(output);
            init(t, need);
            return t;
        }
        boolean dies = refs[c] == 1 && !pinned[c] && !mig.isInput(c);
        int in = !need ? cellOf[c] : invOf[c];
        if (dies && in >= 0 && !(output && reinited[in])) return in;
        int t = allocateFor(output);
        init(t, false);
        if (need) body.add(MicroOp.of(Opcode.MAJ, t, constant(true), cellOf[c]));   // maj(1, ¬x, 0) = ¬x
        else body.add(MicroOp.of(Opcode.MAJ, t, cellOf[c], constant(false)));       // maj(x, ¬0, 0) = x
        return t;
    }

    /** The cell holding the complement of what {@code c}'s cell holds, made once and kept while c lives. */
    private int inverted(int c) {
        if (invOf[c] < 0) {
            int t = allocateFor(pinned[c]);
            init(t, false);
            body.add(MicroOp.of(Opcode.MAJ, t, constant(true), cellOf[c]));
            invOf[c] = t;
        }
        return invOf[c];
    }

    /** The cell holding the constant {@code v}, set once at the start. */
    private int constant(boolean v) {
        if (v && one < 0) { one = fresh(); init(one, true); }
        if (!v && zero < 0) { zero = fresh(); init(zero, false); }
        return v ? one : zero;
    }

    private int allocate() {
        Integer c = free.pollFirst();
        if (c != null) return c;
        return fresh();
    }

    /** A cell never used: its first initialisation is in the initial setting. */
    private int fresh() {
        if (next == used.length) {
            used = Arrays.copyOf(used, 2 * used.length);
            reinited = Arrays.copyOf(reinited, used.length);
        }
        return next++;
    }

    /** A cell for a value an output reads at the end: never re-initialised, so no init follows a write of it. */
    private int allocateFor(boolean output) { return output ? fresh() : allocate(); }

    private void release(int cell) { free.add(cell); }

    /** Sets a cell: in the initial setting on its first use, by an init op before its reuse. */
    private void init(int cell, boolean v) {
        if (!used[cell]) {
            used[cell] = true;
            (v ? t0One : t0Zero).add(cell);
        } else {
            body.add(MicroOp.of(v ? Opcode.INIT1 : Opcode.INIT0, cell));
            reinited[cell] = true;
        }
    }
}
