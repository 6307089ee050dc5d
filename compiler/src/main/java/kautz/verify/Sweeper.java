package kautz.verify;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SAT sweeping ("fraiging"): rebuilds a graph node by node in topological order and merges every node
 * that is functionally equal (up to complement) to an earlier one. Random simulation proposes the
 * candidates (nodes with equal signatures); a SAT call with a small conflict budget confirms each merge;
 * a refuted candidate yields a distinguishing input pattern, and every 64 such patterns are simulated as
 * one more signature word, which splits the wrong classes. Once two sides of a miter are merged node by
 * node, their outputs are usually the same literal, so the final output proofs are trivial even on large
 * networks.
 */
final class Sweeper {
    private final Aig source;
    private final AigBuilder reduced;
    private final CecStrategy strategy;
    private final StepCounter steps;
    private long satCalls;
    private final WindowProof window;
    private final WindowSat windowSat;
    private final MeetingWindow meeting;
    private final NearbyNodes nearby;
    /** Structural candidates tried per node. */
    private final int[] nearBuffer;
    private final int words;      // random words
    private final int cexWords;   // words of refuted candidates' patterns
    private final int stride;     // words per node in sig
    private int cexWordsUsed;
    private long[] sig;
    private final long[][] cexInputs; // [input][cex word]
    private int cexCount;
    private final Map<Long, List<Integer>> classes = new HashMap<>();
    private boolean[] merged = new boolean[1024];
    private final int[] map;
    private int merges;
    private int byPartner;
    private int refuted;
    private int undecided;

    /** A sweeper of {@code source} whose random patterns come from {@code seed}; tries are counted in {@code steps}. */
    Sweeper(Aig source, CecStrategy strategy, long seed, StepCounter steps) {
        this.source = source;
        this.strategy = strategy;
        this.steps = steps;
        this.words = strategy.simWords();
        this.cexWords = strategy.cexWords();
        this.stride = words + cexWords;
        this.reduced = new AigBuilder();
        for (int i = 0; i < source.numInputs(); i++) reduced.addInput(source.inputName(i));
        this.window = new WindowProof(reduced, strategy.tableLeaves(), strategy.tableWindow());
        this.windowSat = new WindowSat(reduced);
        this.meeting = new MeetingWindow(reduced);
        this.nearby = new NearbyNodes(reduced, strategy.nearbyDepth());
        this.nearBuffer = new int[strategy.nearbyCandidates()];
        this.cexInputs = new long[source.numInputs()][cexWords];
        this.sig = new long[Math.max(1024, source.size()) * stride];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 1; i <= source.numInputs(); i++) {
            for (int w = 0; w < words; w++) sig[i * stride + w] = rnd.nextLong();
        }
        this.map = new int[source.size()];
        for (int n = 0; n <= source.numInputs(); n++) {
            map[n] = Lit.of(n, false);
            addToClass(n);
        }
    }

    /**
     * Sweeps every AND node. Until {@code budget} runs out candidates are proven with the strategy's
     * {@code mergeConflicts} each; after it nodes are only hashed.
     */
    void run(Budget budget) { run(budget, source.firstAnd(), null); }

    /**
     * Sweeps, trying to merge only nodes from {@code firstMerged} on: for a miter, the right network's own
     * logic, which must fall onto the left network's (merging the left network's nodes among themselves
     * proves nothing the outputs need, and in arithmetic circuits costs many refuted candidates). Left nodes
     * get one truth-table window against their first candidate (a constant first): a left node that is a
     * constant in disguise, which a pass such as constprop replaced by the constant, must become one too, or
     * all the right logic above the constant would have nothing to merge with.
     */
    void run(Budget budget, int firstMerged, int[] partners) {
        boolean expired = false;
        for (int n = source.firstAnd(); n < source.size(); n++) {
            int before = reduced.size();
            int r = reduced.and(Miter.lit(map, source.fanin0(n)), Miter.lit(map, source.fanin1(n)));
            map[n] = r;
            if (reduced.size() == before) continue; // hashed onto an existing node or a constant
            int m = Lit.node(r);
            simulate(m);
            nearby.add(m);
            if (!expired && (n & 15) == 0) expired = budget.expired(); // reading the thread's CPU clock costs a system call
            if (!expired) map[n] = prove(m, partners == null || n < firstMerged ? Partners.NONE : partners[n], n >= firstMerged);
            if (!merged(m)) addToClass(m);
        }
    }

    /**
     * The strategy for one new node m: the steps in order until one proves m equal to an earlier node; returns
     * the literal m is replaced by (itself when none did). A node of the right network's own logic
     * ({@code right}) with a claimed partner tries the claim first; the inner logic of a claimed node
     * ({@link Partners#INNER}) needs no merge of its own and gets cheap local proofs only, as does left logic
     * (looking below itself, for a hidden constant); the rest gets every step, SAT while merges keep paying.
     */
    private int prove(int m, int claim, boolean right) {
        if (claim >= 0 && provenPartner(m, reduce(claim))) return reduce(claim);
        if (!right) return merge(m, false, 1, false);
        if (claim == Partners.INNER) return merge(m, false, 1, true);
        boolean paying = refuted + undecided < strategy.satThrottleBase() + (long) strategy.satThrottlePerMerge() * merges;
        return merge(m, paying, strategy.classTableTries(), true);
    }

    /**
     * Proves a claimed partner ({@link Partners}): by truth tables over the newest-first and the meeting window
     * ({@link ProofStep#CLAIM_TABLES}), the meeting window decorrelated ({@link ProofStep#DECORRELATE}), a common
     * cut ({@link ProofStep#COMMON_CUT}), then by SAT ({@link ProofStep#CLAIM_SAT}). A claim simulation already
     * refutes costs nothing; a proof merges m.
     */
    private boolean provenPartner(int m, int cl) {
        int c = Lit.node(cl);
        if (c == m || !sameValues(m, cl)) return false;
        boolean tables = strategy.on(ProofStep.CLAIM_TABLES), decorrelate = strategy.on(ProofStep.DECORRELATE);
        long t = System.nanoTime();
        if (tables && window.provesEqual(Lit.of(m, false), cl)) return claimProven(m, ProofStep.CLAIM_TABLES, t);
        if (tables || decorrelate) meeting.build(m, c, strategy.tableWindow());
        if (tables && steps.count(ProofStep.CLAIM_TABLES, t, window.provesEqual(Lit.of(m, false), cl, meeting))) {
            return claimProven(m);
        }
        if (decorrelate) {
            t = System.nanoTime();
            boolean proven = false;
            for (int k = 0; k < strategy.decorrelations() && !proven; k++) {
                if (meeting.leafCount > strategy.tableLeaves() || !meeting.decorrelate()) break;
                proven = window.provesEqual(Lit.of(m, false), cl, meeting);
            }
            if (steps.count(ProofStep.DECORRELATE, t, proven)) return claimProven(m);
        }
        if (strategy.on(ProofStep.COMMON_CUT)) {
            t = System.nanoTime();
            boolean proven = meeting.buildCut(m, c, strategy.tableLeaves(), strategy.tableWindow())
                    && window.provesEqual(Lit.of(m, false), cl, meeting);
            if (steps.count(ProofStep.COMMON_CUT, t, proven)) return claimProven(m);
        }
        if (strategy.on(ProofStep.CLAIM_SAT)) {
            t = System.nanoTime();
            if (steps.count(ProofStep.CLAIM_SAT, t, provenBySat(m, c, cl))) {
                byPartner++;
                return true;
            }
        }
        return false;
    }

    private boolean claimProven(int m, ProofStep step, long start) {
        steps.count(step, start, true);
        return claimProven(m);
    }

    private boolean claimProven(int m) {
        markMerged(m);
        merges++;
        byPartner++;
        return true;
    }

    /** True when m and literal cl agree on every simulated pattern. */
    private boolean sameValues(int m, int cl) {
        int used = words + Math.min(cexWordsUsed, cexWords);
        for (int w = 0; w < used; w++) if (sig[m * stride + w] != word(cl, w)) return false;
        return true;
    }

    /**
     * A solver proof of m ≡ cl over the window where their cones meet, then over newest-first windows of
     * growing size; a proof merges m, a refutation's inputs refine the classes.
     */
    private boolean provenBySat(int m, int c, int cl) {
        int conflicts = strategy.mergeConflicts();
        meeting.build(m, c, strategy.largestSatWindow());
        WindowSat.Answer answer = windowSat.equal(Lit.of(m, false), cl, meeting, conflicts);
        satCalls++;
        for (int k = 0; answer.kind() == AigCnf.Answer.UNKNOWN && k < strategy.satWindows().length(); k++) {
            answer = windowSat.equal(Lit.of(m, false), cl, strategy.satWindows().get(k), conflicts);
            satCalls++;
        }
        switch (answer.kind()) {
            case EQUAL -> {
                markMerged(m);
                merges++;
                return true;
            }
            case DIFFERENT -> {
                refuted++;
                recordPattern(answer.inputs());
            }
            case UNKNOWN -> undecided++;
        }
        return false;
    }

    /** The reduced literal of a literal of the source graph. */
    int reduce(int lit) { return Miter.lit(map, lit); }

    /** The swept graph (for the output proofs). */
    AigBuilder reduced() { return reduced; }
    long satCalls() { return satCalls; }
    int merges() { return merges; }
    /** Merges onto a partner the stage claimed (see {@link Partners}). */
    int byPartner() { return byPartner; }
    int reducedAnds() { return reduced.numAnds(); }

    /**
     * Tries the candidates with m's signature; returns the literal m is replaced by. First m's structural
     * neighbours ({@link NearbyNodes}: above its fan-ins when {@code above}, else in its own cone) get a
     * truth-table proof ({@link ProofStep#NEIGHBOUR_TABLES}). Window proofs are cheap, so up to
     * {@code classTries} candidates of the class get one ({@link ProofStep#CLASS_TABLES}; the newest first: a
     * rewritten node's counterpart is usually near the logic it reads); only the first {@code classSatTries}
     * get a solver call, a neighbour first ({@link ProofStep#CLASS_SAT}), and only when {@code trySat}.
     */
    private int merge(int m, boolean trySat, int classTries, boolean above) {
        boolean phase = phase(m);
        List<Integer> cands = classes.get(key(m));
        if (cands == null) return Lit.of(m, false);
        int near = strategy.on(ProofStep.NEIGHBOUR_TABLES) ? nearby.collect(m, above, nearBuffer) : 0, firstNear = -1;
        for (int k = 0; k < near; k++) {
            int c = nearBuffer[k];
            if (merged(c) || !sameSignature(m, c)) continue;
            int cl = Lit.of(c, phase != phase(c));
            if (provenByTables(m, cl, ProofStep.NEIGHBOUR_TABLES)) return cl;
            if (firstNear < 0) firstNear = c;
        }
        int windows = 0;
        // the constant node, when in the class, first (it is the oldest member); then the newest first
        for (int k = 0; strategy.on(ProofStep.CLASS_TABLES) && k < cands.size() && windows < classTries; k++) {
            int c = cands.get(0) == 0 ? (k == 0 ? 0 : cands.get(cands.size() - k)) : cands.get(cands.size() - 1 - k);
            if (!sameSignature(m, c)) continue;
            windows++;
            int cl = Lit.of(c, phase != phase(c));
            if (provenByTables(m, cl, ProofStep.CLASS_TABLES)) return cl;
        }
        if (!trySat || !strategy.on(ProofStep.CLASS_SAT)) return Lit.of(m, false); // not worth a solver call
        int tries = 0;
        for (int i = cands.size() - (firstNear < 0 ? 1 : 0); i >= 0 && tries < strategy.classSatTries(); i--) {
            int c = i == cands.size() ? firstNear : cands.get(i);
            if (!sameSignature(m, c) || i < cands.size() && c == firstNear) continue;
            tries++;
            int cl = Lit.of(c, phase != phase(c));
            long t = System.nanoTime();
            if (steps.count(ProofStep.CLASS_SAT, t, provenBySat(m, c, cl))) return cl;
        }
        return Lit.of(m, false);
    }

    /**
     * Truth-table proof of m ≡ cl over the newest-first window, then over the window where the two cones meet
     * (see {@link MeetingWindow}), counted as a try of {@code step}. A proof merges m.
     */
    private boolean provenByTables(int m, int cl, ProofStep step) {
        long t = System.nanoTime();
        boolean proven = window.provesEqual(Lit.of(m, false), cl);
        if (!proven) {
            meeting.build(m, Lit.node(cl), strategy.tableWindow());
            proven = window.provesEqual(Lit.of(m, false), cl, meeting);
        }
        if (!steps.count(step, t, proven)) return false;
        markMerged(m);
        merges++;
        return true;
    }

    private boolean merged(int m) { return m < merged.length && merged[m]; }

    private void markMerged(int m) {
        if (m >= merged.length) merged = Arrays.copyOf(merged, Math.max(m + 1, merged.length * 2));
        merged[m] = true;
    }

    /** Stores the solver's distinguishing inputs; every 64 patterns become one more signature word. */
    private void recordPattern(boolean[] inputs) {
        int w = cexWordsUsed % cexWords, bit = cexCount % 64;
        if (bit == 0) for (long[] in : cexInputs) in[w] = 0;
        for (int i = 0; i < cexInputs.length; i++) {
            if (inputs[i]) cexInputs[i][w] |= 1L << bit;
        }
        cexCount++;
        if (cexCount % 64 == 0) refine();
    }

    /**
     * Simulates the newest pattern word on every node so far and rebuilds the classes with it. The pattern
     * words form a ring: when all are used the oldest is replaced, so refinement never stops.
     */
    private void refine() {
        int slotIndex = cexWordsUsed % cexWords;
        int w = words + slotIndex;
        for (int i = 0; i < cexInputs.length; i++) sig[(i + 1) * stride + w] = cexInputs[i][slotIndex];
        for (int n = reduced.numInputs() + 1; n < reduced.size(); n++) {
            sig[n * stride + w] = word(reduced.fanin0(n), w) & word(reduced.fanin1(n), w);
        }
        cexWordsUsed++;
        classes.clear();
        for (int n = 0; n < reduced.size(); n++) if (!merged(n)) addToClass(n);
    }

    private void simulate(int m) {
        if ((long) (m + 1) * stride > sig.length) sig = Arrays.copyOf(sig, Math.max((m + 1) * stride, sig.length * 2));
        int used = words + Math.min(cexWordsUsed, cexWords);
        int a = reduced.fanin0(m), b = reduced.fanin1(m);
        for (int w = 0; w < used; w++) sig[m * stride + w] = word(a, w) & word(b, w);
    }

    private long word(int lit, int w) {
        long v = sig[Lit.node(lit) * stride + w];
        return Lit.isComplement(lit) ? ~v : v;
    }

    /** Signatures are compared up to complement: normalised so that pattern 0 gives 0. */
    private boolean phase(int n) { return (sig[n * stride] & 1) != 0; }

    private long key(int n) {
        long flip = phase(n) ? -1L : 0L;
        long h = 0x9E3779B97F4A7C15L;
        int used = words + Math.min(cexWordsUsed, cexWords);
        for (int w = 0; w < used; w++) {
            h = (h ^ (sig[n * stride + w] ^ flip)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    private boolean sameSignature(int a, int b) {
        long flip = phase(a) != phase(b) ? -1L : 0L;
        int used = words + Math.min(cexWordsUsed, cexWords);
        for (int w = 0; w < used; w++) if (sig[a * stride + w] != (sig[b * stride + w] ^ flip)) return false;
        return true;
    }

    private void addToClass(int n) {
        classes.computeIfAbsent(key(n), k -> new ArrayList<>(2)).add(n);
    }
}
