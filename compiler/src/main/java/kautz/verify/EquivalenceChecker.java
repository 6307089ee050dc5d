package kautz.verify;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import kautz.network.Aig;
import kautz.network.AigSimulator;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Combinational equivalence checking in the manner of ABC's {@code cec}: a miter of the two networks
 * (inputs and outputs matched by name), random simulation to find cheap counterexamples, SAT sweeping to
 * merge the internal equivalences, then one incremental SAT proof per output pair that is still open.
 */
public final class EquivalenceChecker {
    private EquivalenceChecker() {}

    /** Checks {@code left} against {@code right}; the names label the two sides in messages. */
    public static CecResult check(Aig left, Aig right, String leftName, String rightName, CecOptions options) {
        return check(left, right, leftName, rightName, options, Budget.start(options));
    }

    /** Checks within {@code budget} (shared by the links of a {@link ProofChain}). */
    static CecResult check(Aig left, Aig right, String leftName, String rightName, CecOptions options, Budget budget) {
        return check(left, right, leftName, rightName, options, budget, null);
    }

    /**
     * Checks within {@code budget}, trying first the partners {@code right}'s stage claims for its nodes
     * ({@link Partners}; may be null).
     */
    static CecResult check(Aig left, Aig right, String leftName, String rightName, CecOptions options, Budget budget,
                           int[] rightPartners) {
        long start = System.nanoTime(), cpu = cpuNanos();
        CecStrategy strategy = options.strategy();
        StepCounter steps = new StepCounter();
        Miter miter = Miter.of(left, right, leftName, rightName);
        Aig g = miter.aig();

        if (strategy.on(ProofStep.SIMULATION)) {
            long t = System.nanoTime();
            Optional<boolean[]> cex = simulate(miter, strategy);
            if (steps.count(ProofStep.SIMULATION, t, cex.isPresent())) {
                return counterexample(miter, cex.get(), stats(g, 0, miter, 0, 0, null, 0, start, cpu, steps));
            }
        }

        boolean hashed = true;
        for (int i = 0; i < miter.pairs(); i++) hashed &= miter.left(i) == miter.right(i);
        if (hashed) return new CecResult.Equivalent(stats(g, g.numAnds(), miter, miter.pairs(), 0, null, 0, start, cpu, steps));

        Sweeper sweeper = new Sweeper(g, strategy, strategy.seed() + 1, steps);
        sweeper.run(budget.fraction(strategy.sweepShare()), miter.firstRightNode(), Partners.inMiter(miter, rightPartners));
        AigCnf cnf = new AigCnf(sweeper.reduced(), Integer.MAX_VALUE, strategy.outputFirstSlice(), strategy.outputMaxSlice());
        int byStructure = 0, bySat = 0;
        List<String> open = new ArrayList<>();
        for (int i = 0; i < miter.pairs(); i++) {
            int a = sweeper.reduce(miter.left(i)), b = sweeper.reduce(miter.right(i));
            if (a == b) { byStructure++; continue; }
            if (budget.expired() || !strategy.on(ProofStep.OUTPUT_SAT)) { open.add(miter.outputNames().get(i)); continue; }
            long t = System.nanoTime();
            AigCnf.Answer answer = cnf.equal(a, b, budget);
            steps.count(ProofStep.OUTPUT_SAT, t, answer != AigCnf.Answer.UNKNOWN);
            switch (answer) {
                case EQUAL -> bySat++;
                case UNKNOWN -> open.add(miter.outputNames().get(i));
                case DIFFERENT -> {
                    boolean[] in = new boolean[g.numInputs()];
                    for (int k = 0; k < in.length; k++) in[k] = cnf.inputValue(k);
                    return counterexample(miter, in, stats(g, sweeper.reducedAnds(), miter, byStructure, bySat, sweeper,
                            cnf.calls(), start, cpu, steps));
                }
            }
        }
        CecResult.Stats stats = stats(g, sweeper.reducedAnds(), miter, byStructure, bySat, sweeper, cnf.calls(), start, cpu, steps);
        if (!open.isEmpty()) return new CecResult.Undecided(ImmutableList.copyOf(open), stats);
        return new CecResult.Equivalent(stats);
    }

    /** Random simulation of the miter: an input on which some output pair differs, if a pattern finds one. */
    private static Optional<boolean[]> simulate(Miter miter, CecStrategy strategy) {
        Aig g = miter.aig();
        long[][] patterns = randomPatterns(g.numInputs(), strategy.simWords(), strategy.seed());
        long[][] sim = AigSimulator.simulate(g, patterns);
        for (int w = 0; miter.pairs() > 0 && w < sim[0].length; w++) {
            long diff = 0;
            for (int i = 0; i < miter.pairs(); i++) diff |= sim[2 * i][w] ^ sim[2 * i + 1][w];
            if (diff != 0) {
                int bit = Long.numberOfTrailingZeros(diff);
                boolean[] in = new boolean[g.numInputs()];
                for (int i = 0; i < in.length; i++) in[i] = (patterns[i][w] >>> bit & 1) != 0;
                return Optional.of(in);
            }
        }
        return Optional.empty();
    }

    /** Simulates one input pattern and reports every output pair it tells apart. */
    private static CecResult counterexample(Miter miter, boolean[] in, CecResult.Stats stats) {
        Aig g = miter.aig();
        ImmutableMap.Builder<String, Boolean> inputs = ImmutableMap.builder();
        for (int i = 0; i < in.length; i++) inputs.put(g.inputName(i), in[i]);
        return differences(miter, inputs.buildOrThrow(), stats)
                .orElseThrow(() -> new IllegalStateException("a counterexample that distinguishes no output"));
    }

    /**
     * Replays an input assignment (by input name; a name either network lacks is ignored, an input the
     * assignment lacks is 0) on both networks by simulation: the counterexample it is, if any output differs.
     */
    public static Optional<CecResult.NotEquivalent> replay(Aig left, Aig right, String leftName, String rightName,
                                                         Map<String, Boolean> assignment, CecResult.Stats stats) {
        Miter miter = Miter.of(left, right, leftName, rightName);
        Aig g = miter.aig();
        ImmutableMap.Builder<String, Boolean> inputs = ImmutableMap.builder();
        for (int i = 0; i < g.numInputs(); i++) inputs.put(g.inputName(i), assignment.getOrDefault(g.inputName(i), false));
        return differences(miter, inputs.buildOrThrow(), stats);
    }

    private static Optional<CecResult.NotEquivalent> differences(Miter miter, ImmutableMap<String, Boolean> inputs,
                                                                 CecResult.Stats stats) {
        Aig g = miter.aig();
        long[][] one = new long[g.numInputs()][1];
        for (int i = 0; i < one.length; i++) one[i][0] = inputs.get(g.inputName(i)) ? 1 : 0;
        long[][] out = AigSimulator.simulate(g, one);
        ImmutableList.Builder<CecResult.Difference> diffs = ImmutableList.builder();
        for (int i = 0; i < miter.pairs(); i++) {
            boolean l = (out[2 * i][0] & 1) != 0, r = (out[2 * i + 1][0] & 1) != 0;
            if (l != r) diffs.add(new CecResult.Difference(miter.outputNames().get(i), l, r));
        }
        ImmutableList<CecResult.Difference> d = diffs.build();
        return d.isEmpty() ? Optional.empty() : Optional.of(new CecResult.NotEquivalent(inputs, d, stats));
    }

    /** CPU time of the current thread, in nanoseconds. */
    static long cpuNanos() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    private static long[][] randomPatterns(int inputs, int words, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] p = new long[inputs][words];
        for (long[] row : p) for (int w = 0; w < words; w++) row[w] = rnd.nextLong();
        return p;
    }

    /** The statistics so far; {@code sweeper} null before sweeping. */
    private static CecResult.Stats stats(Aig g, int reducedAnds, Miter m, int byStructure, int bySat, Sweeper sweeper,
                                         long outputCalls, long start, long cpu, StepCounter steps) {
        return new CecResult.Stats(g.numAnds(), reducedAnds, m.pairs(), byStructure, bySat,
                sweeper == null ? 0 : sweeper.merges(), sweeper == null ? 0 : sweeper.byPartner(),
                (sweeper == null ? 0 : sweeper.satCalls()) + outputCalls,
                (System.nanoTime() - start) / 1_000_000, (cpuNanos() - cpu) / 1_000_000, steps.snapshot());
    }
}
