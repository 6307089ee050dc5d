package kautz.verify;

import com.google.common.collect.ImmutableMap;

import java.util.EnumMap;
import java.util.Map;

/**
 * Hits (proofs or counterexamples), misses and time per {@link ProofStep}, counted while a check runs and
 * reported as {@link CecResult.Stats#steps}. Time is wall-clock ({@link System#nanoTime}: reading the thread's
 * CPU clock is a system call, too slow for steps that take microseconds).
 */
final class StepCounter {
    private final long[] hits = new long[ProofStep.values().length];
    private final long[] misses = new long[hits.length];
    private final long[] nanos = new long[hits.length];

    /** Counts one try of {@code step} that began at {@code start} ({@link System#nanoTime}); returns {@code hit}. */
    boolean count(ProofStep step, long start, boolean hit) {
        nanos[step.ordinal()] += System.nanoTime() - start;
        if (hit) hits[step.ordinal()]++;
        else misses[step.ordinal()]++;
        return hit;
    }

    void add(Map<ProofStep, StepStats> other) {
        other.forEach((s, v) -> {
            hits[s.ordinal()] += v.hits();
            misses[s.ordinal()] += v.misses();
            nanos[s.ordinal()] += v.nanos();
        });
    }

    /** The steps tried at least once, in strategy order. */
    ImmutableMap<ProofStep, StepStats> snapshot() {
        Map<ProofStep, StepStats> m = new EnumMap<>(ProofStep.class);
        for (ProofStep s : ProofStep.values()) {
            int i = s.ordinal();
            if (hits[i] + misses[i] > 0) m.put(s, new StepStats(hits[i], misses[i], nanos[i]));
        }
        return ImmutableMap.copyOf(m);
    }

    /** The sum of several checks' step statistics. */
    static ImmutableMap<ProofStep, StepStats> sum(Iterable<Map<ProofStep, StepStats>> all) {
        StepCounter c = new StepCounter();
        for (Map<ProofStep, StepStats> m : all) c.add(m);
        return c.snapshot();
    }
}
