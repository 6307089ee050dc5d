package kautz.verify;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import kautz.ports.Port;
import kautz.ports.Ports;

import java.math.BigInteger;
import java.util.List;

/** The answer of an equivalence check: equivalent, a counterexample, or undecided within the budget. */
public sealed interface CecResult {
    Stats stats();

    /** Every matched output pair is proven equal for all inputs. */
    record Equivalent(Stats stats) implements CecResult {}

    /**
     * An input assignment on which the networks differ.
     *
     * @param inputs  a value for every input bit of either network (free variables included), by name
     * @param outputs the output bits that differ under it, each with the left and right value
     */
    record NotEquivalent(ImmutableMap<String, Boolean> inputs, ImmutableList<Difference> outputs, Stats stats)
            implements CecResult {
        /** The input ports' values (bits grouped by {@link Ports}), free variables left out. */
        public ImmutableMap<String, BigInteger> portValues() {
            List<String> names = inputs.keySet().stream()
                    .filter(n -> !n.startsWith(SymbolicExecution.FREE_PREFIX)).toList();
            ImmutableMap.Builder<String, BigInteger> out = ImmutableMap.builder();
            for (Port port : Ports.group(names)) {
                BigInteger v = BigInteger.ZERO;
                for (int k = 0; k < port.width(); k++) {
                    if (inputs.get(names.get(port.positions().get(k)))) v = v.setBit(k);
                }
                out.put(port.name(), v);
            }
            return out.build();
        }

        /** The values the counterexample gives the program's uninitialised cells, by free-variable name. */
        public ImmutableMap<String, Boolean> freeValues() {
            ImmutableMap.Builder<String, Boolean> out = ImmutableMap.builder();
            inputs.forEach((n, v) -> { if (n.startsWith(SymbolicExecution.FREE_PREFIX)) out.put(n, v); });
            return out.build();
        }
    }

    /** The budget ran out; {@code open} names the output bits neither proven nor refuted. */
    record Undecided(ImmutableList<String> open, Stats stats) implements CecResult {}

    record Difference(String output, boolean left, boolean right) {}

    /**
     * What the check did.
     *
     * @param pairs        output pairs compared
     * @param byStructure  pairs equal after structural hashing and sweeping (no output-level SAT call)
     * @param bySat        pairs proven by an output-level SAT call
     * @param merges       internal equivalences proven while sweeping
     * @param byPartner    of those, merges onto the partner a compiler stage claimed ({@link Partners})
     * @param satCalls     solver calls in all
     * @param millis       wall-clock time
     * @param cpuMillis    CPU time of the checking thread (the machine may be shared: wall time alone misleads)
     * @param steps        hits, misses and time of each proof step tried, in strategy order
     */
    record Stats(int miterAnds, int reducedAnds, int pairs, int byStructure, int bySat, int merges, int byPartner,
                 long satCalls, long millis, long cpuMillis, ImmutableMap<ProofStep, StepStats> steps) {
        /** Nothing was done (a link skipped because the budget had run out). */
        public static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ImmutableMap.of());
    }
}
