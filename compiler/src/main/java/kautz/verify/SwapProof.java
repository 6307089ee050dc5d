package kautz.verify;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Proves one output unchanged when two of its inputs are swapped, locally: the cone is built once, and for each
 * swap only the logic above the two inputs is rebuilt in the same structurally hashed graph, node by node; a
 * rebuilt node that simulation cannot tell from its original is proven equal to it over the window where the
 * two meet (truth tables, then a small SAT call with the window's leaves free, both sound for every input) and
 * merged at once, so the logic above it hashes back onto the original. A swap in a serial counter is settled
 * one stage after the later input (the count is the same again), a swap in an adder tree where the two inputs'
 * partial sums are added; neither builds the rest of the cone again, where a miter of the whole swapped copy
 * (what {@link EquivalenceChecker} would be given) costs a whole-cone sweep per swap.
 *
 * <p>Answers: {@link Kind#EQUAL} (proven), {@link Kind#DIFFERENT} (random simulation found an input where
 * the output changes: {@link #counterexample()}, exact), {@link Kind#UNKNOWN} (no local proof: the caller
 * checks the whole swapped copy).
 */
final class SwapProof {
    enum Kind { EQUAL, DIFFERENT, UNKNOWN }

    private final int words;
    /** Conflicts of one local SAT proof. */
    private final int conflicts;
    /**
     * Rebuilt nodes left unmerged after which a swap is given up as not local (the caller then checks the whole
     * swapped copy): each costs proof attempts, and a swap that has not met again by then rarely will cheaply.
     */
    private final int maxUnmerged;
    private final int tableWindow;

    private final Aig g;
    private final int lit;
    private final int[] ands;          // the cone's AND nodes of g, in order
    private final int[] base;          // g node -> its literal in graph, unswapped
    private final int[] map;           // g node -> its literal in graph under the current swap
    private final boolean[] changed;   // g node whose literal differs under the current swap
    private final AigBuilder graph = new AigBuilder();
    private final long[][] patterns;   // [input][word]
    private long[] sim;
    private int simulated;             // graph nodes with a signature
    private final WindowProof tables;
    private final MeetingWindow meeting = new MeetingWindow(graph);
    private final WindowSat sat = new WindowSat(graph);
    private boolean[] counterexample;
    private long merges, satCalls;

    /** The swaps of output {@code lit} of {@code g}, with the strategy's swap limits and table windows. */
    SwapProof(Aig g, int lit, CecStrategy strategy) {
        this.g = g;
        this.lit = lit;
        this.words = strategy.swapWords();
        this.conflicts = strategy.swapConflicts();
        this.maxUnmerged = strategy.swapMaxUnmerged();
        this.tableWindow = strategy.tableWindow();
        this.sim = new long[1024 * words];
        this.tables = new WindowProof(graph, strategy.tableLeaves(), strategy.tableWindow());
        long seed = strategy.seed();
        ands = SymmetryProof.coneAnds(g, lit);
        for (int i = 0; i < g.numInputs(); i++) graph.addInput(g.inputName(i));
        base = new int[g.size()];
        for (int i = 0; i < g.numInputs(); i++) base[i + 1] = graph.input(i);
        for (int n : ands) base[n] = graph.and(Miter.lit(base, g.fanin0(n)), Miter.lit(base, g.fanin1(n)));
        map = base.clone();
        changed = new boolean[g.size()];
        // each pattern with its own density of ones, so that the counts of a symmetric function's inputs spread
        // over every weight and a carry that is rarely 1 at density 1/2 still toggles (fewer false candidates)
        SplittableRandom rnd = new SplittableRandom(seed);
        patterns = new long[g.numInputs()][words];
        for (int w = 0; w < words; w++) {
            for (int bit = 0; bit < 64; bit++) {
                double density = rnd.nextDouble();
                for (long[] p : patterns) if (rnd.nextDouble() < density) p[w] |= 1L << bit;
            }
        }
        simulateNew();
    }

    /** Whether swapping inputs {@code a} and {@code b} (indices) leaves the output as it is, within {@code budget}. */
    Kind swap(int a, int b, Budget budget) {
        counterexample = null;
        map[a + 1] = base[b + 1];
        map[b + 1] = base[a + 1];
        changed[a + 1] = changed[b + 1] = true;
        int[] touched = new int[16];
        int count = 0;
        try {
            for (int n : ands) {
                if (!changed[Lit.node(g.fanin0(n))] && !changed[Lit.node(g.fanin1(n))]) continue;
                if (budget.expired()) return Kind.UNKNOWN;
                int x = graph.and(Miter.lit(map, g.fanin0(n)), Miter.lit(map, g.fanin1(n)));
                simulateNew();
                if (x != base[n] && sameSignature(x, base[n]) && provenEqual(x, base[n])) {
                    merges++;
                    x = base[n];
                }
                if (x == base[n]) continue;
                if (count == maxUnmerged) return Kind.UNKNOWN;
                map[n] = x;
                changed[n] = true;
                if (count == touched.length) touched = Arrays.copyOf(touched, 2 * count);
                touched[count++] = n;
            }
            int root = Miter.lit(map, lit), original = Miter.lit(base, lit);
            if (root == original) return Kind.EQUAL;
            int w = firstDifference(root, original);
            if (w < 0) return Kind.UNKNOWN;
            long diff = value(root, w) ^ value(original, w);
            int bit = Long.numberOfTrailingZeros(diff);
            counterexample = new boolean[g.numInputs()];
            for (int i = 0; i < counterexample.length; i++) counterexample[i] = (patterns[i][w] >>> bit & 1) != 0;
            return Kind.DIFFERENT;
        } finally {
            map[a + 1] = base[a + 1];
            map[b + 1] = base[b + 1];
            changed[a + 1] = changed[b + 1] = false;
            for (int k = 0; k < count; k++) { map[touched[k]] = base[touched[k]]; changed[touched[k]] = false; }
        }
    }

    /** After {@link Kind#DIFFERENT}: an input (by index of g) where the output changes under the swap. */
    boolean[] counterexample() { return counterexample.clone(); }

    long merges() { return merges; }

    long satCalls() { return satCalls; }

    int graphAnds() { return graph.numAnds(); }

    /**
     * Truth tables over the newest-first window and over the window where the cones meet, then SAT over the
     * meeting window, its leaves free (a proof in every case). No deeper windows: where the meeting window's
     * leaves are correlated (a serial counter's count bits are never all 1 before the count grows a bit, which
     * the adding stage relies on), the swap is left to the caller's whole-copy miter, which is cheaper than
     * deep windows tried on every rarely-differing carry.
     */
    private boolean provenEqual(int x, int y) {
        if (tables.provesEqual(x, y)) return true;
        meeting.build(Lit.node(x), Lit.node(y), tableWindow);
        if (tables.provesEqual(x, y, meeting)) return true;
        satCalls++;
        return sat.equal(x, y, meeting, conflicts).kind() == AigCnf.Answer.EQUAL;
    }

    /** Signatures of the graph's nodes not simulated yet (new nodes only ever have older fan-ins). */
    private void simulateNew() {
        int size = graph.size();
        if (sim.length < size * words) sim = Arrays.copyOf(sim, Math.max(size * words, 2 * sim.length));
        for (int n = simulated; n < size; n++) {
            int o = n * words;
            if (n == 0) { Arrays.fill(sim, 0, words, 0L); continue; }
            if (n <= graph.numInputs()) { System.arraycopy(patterns[n - 1], 0, sim, o, words); continue; }
            int f0 = graph.fanin0(n), f1 = graph.fanin1(n);
            for (int w = 0; w < words; w++) sim[o + w] = value(f0, w) & value(f1, w);
        }
        simulated = size;
    }

    private long value(int l, int w) {
        long v = sim[Lit.node(l) * words + w];
        return Lit.isComplement(l) ? ~v : v;
    }

    private boolean sameSignature(int x, int y) { return firstDifference(x, y) < 0; }

    private int firstDifference(int x, int y) {
        for (int w = 0; w < words; w++) if (value(x, w) != value(y, w)) return w;
        return -1;
    }
}
