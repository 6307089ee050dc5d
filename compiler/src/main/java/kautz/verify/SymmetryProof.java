package kautz.verify;

import com.google.common.collect.ImmutableList;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Proves {@code f ≡ g} output by output where both compute a totally symmetric function, as when
 * {@code kautz.opt.SymmetricPass} rebuilt an adder tree as a serial counter: the two share no internal node,
 * so SAT sweeping has nothing to merge, but each side is cheap to compare with <em>itself</em> under a swap of
 * two inputs. For an output {@code o} and the set S of inputs in the cone of {@code f_o} or {@code g_o}
 * (n = |S|):
 * <ol>
 *   <li>{@code f_o} is symmetric in S: for n − 1 transpositions τ = (a b) of S, the miter
 *       {@code f_o(x) ≡ f_o(x with a and b swapped)} is proven, locally where the swapped copy meets the
 *       original again soon ({@link SwapProof}), else by {@link EquivalenceChecker} on the whole swapped copy
 *       (one swap per miter). The transpositions are the edges of a spanning tree on
 *       S, and the transpositions along the edges of a connected graph on S generate the whole symmetric
 *       group of S, so {@code f_o ∘ π = f_o} for every permutation π of S. (The adjacent transpositions
 *       (i, i+1) are the special case of a path; the tree is taken from the network's structure, joining two
 *       inputs where their cones first meet, so most swaps only reorder one adder's inputs and hash away.)</li>
 *   <li>Likewise {@code g_o}.</li>
 *   <li>{@code f_o} and {@code g_o} agree on one input of each weight w = 0..n (the first w inputs of S at 1,
 *       every other input 0), by simulation.</li>
 * </ol>
 * Sound: neither side depends on an input outside S (S holds both cones' inputs), and any input x with w
 * ones in S is a permutation π of S applied to the weight-w row r, so {@code f_o(x) = f_o(r) = g_o(r) = g_o(x)}.
 * Every counterexample is real: a weight row on which the two differ is one; a failed swap miter
 * {@code f_o(x) ≠ f_o(τx)} gives a counterexample of {@code f ≡ g} at x or τx unless g differs in the same
 * way (g not symmetric either), and then the output is checked the ordinary way. Outputs not named
 * symmetric are checked the ordinary way too.
 */
final class SymmetryProof {
    private SymmetryProof() {}

    /**
     * @param result         the answer for {@code f} against {@code g} (all outputs)
     * @param bySymmetry     outputs proven by the symmetry argument
     * @param transpositions swap miters proven
     */
    record Outcome(CecResult result, int bySymmetry, int transpositions) {}

    /**
     * Checks {@code f} against {@code g} (inputs and outputs matched by name), the outputs named in
     * {@code symmetric} by the symmetry argument ({@link ProofStep#SYMMETRY}; with the step off, by the ordinary
     * check too), the others (and any the argument cannot decide) by {@link EquivalenceChecker}, all within
     * {@code budget}.
     */
    static Outcome check(Aig f, Aig g, String fName, String gName, Set<String> symmetric, CecOptions options, Budget budget) {
        long start = System.nanoTime(), cpu = EquivalenceChecker.cpuNanos();
        Miter m = Miter.of(f, g, fName, gName);
        Aig both = m.aig();
        Totals totals = new Totals();
        List<Integer> bySymmetry = new ArrayList<>();
        Set<String> ordinary = new LinkedHashSet<>();
        for (int i = 0; i < m.pairs(); i++) {
            String o = m.outputNames().get(i);
            if (!symmetric.contains(o) || m.left(i) == m.right(i) || !options.strategy().on(ProofStep.SYMMETRY)) ordinary.add(o);
            else bySymmetry.add(i);
        }
        // 3. first, as it is cheapest and any difference is a counterexample as it stands
        for (int i : bySymmetry) {
            Optional<CecResult.NotEquivalent> cex = weightRows(f, g, fName, gName, m, i, totals.stats(m, start, cpu));
            if (cex.isPresent()) return new Outcome(cex.get(), 0, totals.transpositions);
        }
        List<String> open = new ArrayList<>();
        int proven = 0;
        for (int i : bySymmetry) {
            String o = m.outputNames().get(i);
            int[] support = union(support(both, m.left(i)), support(both, m.right(i)));
            long t = System.nanoTime();
            Side verdict = Side.SYMMETRIC;
            for (int lit : new int[] {m.right(i), m.left(i)}) { // the rebuilt side first: cheap, and then f's failure is g's counterexample
                if (verdict != Side.SYMMETRIC) break;
                verdict = symmetric(both, lit, support, options, budget, totals);
                if (verdict instanceof Side.Asymmetric a) {
                    for (Map<String, Boolean> x : List.of(a.x(), a.swapped())) {
                        Optional<CecResult.NotEquivalent> cex = EquivalenceChecker.replay(f, g, fName, gName, x, totals.stats(m, start, cpu));
                        if (cex.isPresent()) return new Outcome(cex.get(), proven, totals.transpositions);
                    }
                }
            }
            totals.steps.count(ProofStep.SYMMETRY, t, verdict == Side.SYMMETRIC);
            if (verdict == Side.SYMMETRIC) proven++;
            else if (verdict == Side.OPEN) open.add(o);
            else ordinary.add(o); // neither side symmetric in the same way: the argument does not apply
        }
        if (!ordinary.isEmpty()) {
            CecResult r = budget.expired()
                    ? new CecResult.Undecided(ImmutableList.copyOf(ordinary), CecResult.Stats.NONE)
                    : EquivalenceChecker.check(outputs(f, ordinary), outputs(g, ordinary), fName, gName, options, budget);
            totals.add(r.stats());
            totals.byStructure = r.stats().byStructure();
            if (r instanceof CecResult.NotEquivalent n) {
                return new Outcome(new CecResult.NotEquivalent(n.inputs(), n.outputs(), totals.stats(m, start, cpu)), proven,
                        totals.transpositions);
            }
            if (r instanceof CecResult.Undecided u) open.addAll(u.open());
        }
        CecResult.Stats stats = totals.stats(m, start, cpu);
        CecResult result = open.isEmpty() ? new CecResult.Equivalent(stats) : new CecResult.Undecided(ImmutableList.copyOf(open), stats);
        return new Outcome(result, proven, totals.transpositions);
    }

    /** Pair {@code i} of the miter on the rows of weight 0..n of its support; a difference is a counterexample. */
    private static Optional<CecResult.NotEquivalent> weightRows(Aig f, Aig g, String fName, String gName, Miter m, int i,
                                                               CecResult.Stats stats) {
        Aig both = m.aig();
        int[] s = union(support(both, m.left(i)), support(both, m.right(i)));
        long[][] in = new long[both.numInputs()][(s.length + 1 + 63) / 64];
        for (int w = 0; w <= s.length; w++) {
            for (int k = 0; k < w; k++) in[s[k]][w >>> 6] |= 1L << (w & 63);
        }
        long[][] out = AigSimulator.simulate(both, in);
        for (int w = 0; w <= s.length; w++) {
            if ((((out[2 * i][w >>> 6] ^ out[2 * i + 1][w >>> 6]) >>> (w & 63)) & 1) == 0) continue;
            Map<String, Boolean> row = new LinkedHashMap<>();
            for (int k = 0; k < both.numInputs(); k++) row.put(both.inputName(k), false);
            for (int k = 0; k < w; k++) row.put(both.inputName(s[k]), true);
            return EquivalenceChecker.replay(f, g, fName, gName, row, stats);
        }
        return Optional.empty();
    }

    /** What the swap miters of one side showed. */
    private sealed interface Side {
        Side SYMMETRIC = new Proven(), OPEN = new Open();
        record Proven() implements Side {}
        record Open() implements Side {}
        /** {@code x} and {@code swapped} (x under one transposition) give the side different values. */
        record Asymmetric(Map<String, Boolean> x, Map<String, Boolean> swapped) implements Side {}
    }

    /**
     * Proves literal {@code lit} of {@code g} symmetric in {@code support} by the swap miters of a spanning tree:
     * each swap locally first ({@link SwapProof}, {@link ProofStep#LOCAL_SWAP}), the few that are not local as a
     * miter of the whole swapped copy ({@link EquivalenceChecker}, one swap per miter: several swaps as the
     * outputs of one miter made it too large to sweep, docs/verify.md).
     */
    private static Side symmetric(Aig g, int lit, int[] support, CecOptions options, Budget budget, Totals totals) {
        List<int[]> swaps = spanningSwaps(g, lit, support);
        List<int[]> hard = new ArrayList<>();
        if (options.strategy().on(ProofStep.LOCAL_SWAP)) {
            SwapProof local = new SwapProof(g, lit, options.strategy());
            try {
                for (int[] swap : swaps) {
                    if (budget.expired()) return Side.OPEN;
                    long t = System.nanoTime();
                    SwapProof.Kind kind = local.swap(swap[0], swap[1], budget);
                    totals.steps.count(ProofStep.LOCAL_SWAP, t, kind != SwapProof.Kind.UNKNOWN);
                    switch (kind) {
                        case EQUAL -> totals.transpositions++;
                        case UNKNOWN -> hard.add(swap);
                        case DIFFERENT -> {
                            boolean[] in = local.counterexample();
                            Map<String, Boolean> x = new LinkedHashMap<>();
                            for (int i = 0; i < in.length; i++) x.put(g.inputName(i), in[i]);
                            return asymmetric(g, x, swap);
                        }
                    }
                }
            } finally {
                totals.merges += (int) local.merges();
                totals.satCalls += local.satCalls();
            }
        } else {
            hard.addAll(swaps);
        }
        for (int[] swap : hard) {
            if (budget.expired()) return Side.OPEN;
            CecResult r = EquivalenceChecker.check(copy(g, lit, swap, false), copy(g, lit, swap, true),
                    "the output", "the output with two inputs swapped", options, budget);
            totals.add(r.stats());
            if (r instanceof CecResult.Undecided) return Side.OPEN;
            if (r instanceof CecResult.NotEquivalent n) return asymmetric(g, n.inputs(), swap);
            totals.transpositions++;
        }
        return Side.SYMMETRIC;
    }

    /** Input {@code x} (by name) and x with the two inputs of {@code swap} exchanged. */
    private static Side asymmetric(Aig g, Map<String, Boolean> x, int[] swap) {
        Map<String, Boolean> y = new LinkedHashMap<>(x);
        String a = g.inputName(swap[0]), b = g.inputName(swap[1]);
        y.put(a, x.get(b));
        y.put(b, x.get(a));
        return new Side.Asymmetric(new LinkedHashMap<>(x), y);
    }

    /**
     * Transpositions (pairs of input indices) forming a spanning tree on {@code support}: the network's cone of
     * {@code lit} is visited bottom-up, each node standing for the input nearest below it, and where a node
     * joins two inputs not yet connected their swap is taken (inputs that meet in one adder, first). Inputs of
     * the support outside the cone are joined to the first input at the end.
     */
    static List<int[]> spanningSwaps(Aig g, int lit, int[] support) {
        int[] parent = new int[g.numInputs()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        int[] rep = new int[g.size()], dist = new int[g.size()];
        Arrays.fill(rep, -1);
        for (int i = 0; i < g.numInputs(); i++) rep[i + 1] = i;
        boolean[] cone = cone(g, lit);
        List<int[]> swaps = new ArrayList<>();
        for (int n = g.firstAnd(); n < g.size(); n++) {
            if (!cone[n]) continue;
            int a = Lit.node(g.fanin0(n)), b = Lit.node(g.fanin1(n));
            int ra = rep[a], rb = rep[b];
            if (ra < 0 || rb < 0) { // a constant fanin (not in a hashed network)
                rep[n] = Math.max(ra, rb);
                dist[n] = 1 + (ra < 0 ? dist[b] : dist[a]);
                continue;
            }
            if (join(parent, ra, rb)) swaps.add(new int[] {ra, rb});
            boolean nearA = dist[a] <= dist[b];
            rep[n] = nearA ? ra : rb;
            dist[n] = 1 + (nearA ? dist[a] : dist[b]);
        }
        for (int s : support) if (join(parent, support[0], s)) swaps.add(new int[] {support[0], s});
        return swaps;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
        return x;
    }

    /** Unites the sets of {@code a} and {@code b}; false when they were one already. */
    private static boolean join(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra == rb) return false;
        parent[ra] = rb;
        return true;
    }

    /**
     * A network over {@code g}'s inputs with one output, {@code lit} as it is or ({@code swapped}) with the two
     * inputs of {@code swap} exchanged.
     */
    private static Aig copy(Aig g, int lit, int[] swap, boolean swapped) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < g.numInputs(); i++) b.addInput(g.inputName(i));
        int[] map = new int[g.size()];
        for (int i = 0; i < g.numInputs(); i++) map[i + 1] = b.input(i);
        if (swapped) {
            map[swap[0] + 1] = b.input(swap[1]);
            map[swap[1] + 1] = b.input(swap[0]);
        }
        for (int n : coneAnds(g, lit)) map[n] = b.and(Miter.lit(map, g.fanin0(n)), Miter.lit(map, g.fanin1(n)));
        b.addOutput("0", Miter.lit(map, lit));
        return b.build();
    }

    /** The nodes in the cone of {@code lit}. */
    private static boolean[] cone(Aig g, int lit) {
        boolean[] in = new boolean[g.size()];
        in[Lit.node(lit)] = true;
        for (int n = g.size() - 1; n >= g.firstAnd(); n--) {
            if (!in[n]) continue;
            in[Lit.node(g.fanin0(n))] = true;
            in[Lit.node(g.fanin1(n))] = true;
        }
        return in;
    }

    /** The AND nodes in the cone of {@code lit}, in order. */
    static int[] coneAnds(Aig g, int lit) {
        boolean[] cone = cone(g, lit);
        return IntStream.range(g.firstAnd(), g.size()).filter(n -> cone[n]).toArray();
    }

    /** The input indices in the cone of {@code lit}, ascending. */
    static int[] support(Aig g, int lit) {
        boolean[] cone = cone(g, lit);
        return IntStream.range(0, g.numInputs()).filter(i -> cone[i + 1]).toArray();
    }

    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }

    /** {@code g} with only the outputs named in {@code keep} (and their cones). */
    private static Aig outputs(Aig g, Set<String> keep) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < g.numInputs(); i++) b.addInput(g.inputName(i));
        boolean[] cone = new boolean[g.size()];
        for (int o = 0; o < g.numOutputs(); o++) if (keep.contains(g.outputName(o))) cone[Lit.node(g.output(o))] = true;
        for (int n = g.size() - 1; n >= g.firstAnd(); n--) {
            if (!cone[n]) continue;
            cone[Lit.node(g.fanin0(n))] = true;
            cone[Lit.node(g.fanin1(n))] = true;
        }
        int[] map = new int[g.size()];
        for (int i = 0; i < g.numInputs(); i++) map[i + 1] = b.input(i);
        for (int n = g.firstAnd(); n < g.size(); n++) {
            if (cone[n]) map[n] = b.and(Miter.lit(map, g.fanin0(n)), Miter.lit(map, g.fanin1(n)));
        }
        for (int o = 0; o < g.numOutputs(); o++) {
            if (keep.contains(g.outputName(o))) b.addOutput(g.outputName(o), Miter.lit(map, g.output(o)));
        }
        return b.build();
    }

    /** The sub-checks' statistics, summed (the largest miter kept). */
    private static final class Totals {
        int miterAnds, reducedAnds, merges, byPartner, byStructure, transpositions;
        long satCalls;
        final StepCounter steps = new StepCounter();

        void add(CecResult.Stats s) {
            steps.add(s.steps());
            miterAnds = Math.max(miterAnds, s.miterAnds());
            reducedAnds = Math.max(reducedAnds, s.reducedAnds());
            merges += s.merges();
            byPartner += s.byPartner();
            satCalls += s.satCalls();
        }

        /** The outputs that hashed or swept equal in the ordinary check count as by structure, the rest as by SAT. */
        CecResult.Stats stats(Miter m, long start, long cpu) {
            return new CecResult.Stats(miterAnds, reducedAnds, m.pairs(), byStructure, m.pairs() - byStructure, merges, byPartner,
                    satCalls, (System.nanoTime() - start) / 1_000_000, (EquivalenceChecker.cpuNanos() - cpu) / 1_000_000,
                    steps.snapshot());
        }
    }
}
