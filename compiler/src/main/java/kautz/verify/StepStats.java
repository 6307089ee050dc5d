package kautz.verify;

/**
 * What one {@link ProofStep} did in a check.
 *
 * @param hits   tries that proved a pair (or, for {@link ProofStep#SIMULATION}, found a counterexample)
 * @param misses tries that did not
 * @param nanos  wall-clock time spent in the step's tries
 */
public record StepStats(long hits, long misses, long nanos) {}
