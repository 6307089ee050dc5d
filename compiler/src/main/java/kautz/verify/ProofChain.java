package kautz.verify;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import kautz.network.Aig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves {@code first ≡ last} through intermediate networks: {@code S0 ≡ S1}, {@code S1 ≡ S2}, … and
 * concludes by transitivity (equivalence of functions over named inputs and outputs is transitive, so this
 * is as sound as one direct proof). Each stage of the compiler changes the network locally (an optimisation
 * pass rewrites small cuts, mapping re-expresses cuts as gates, scheduling places the gates in cells), so
 * every link's miter is full of internal equivalences that SAT sweeping merges cheaply, where the direct
 * miter of a source and its heavily rewritten program may share almost nothing.
 *
 * <p>A counterexample of a link is only reported if it is one of the end-to-end claim: it is replayed on
 * {@code first} against {@code last} by simulation. (If it is not, an intermediate network was wrong in a
 * way a later stage undid, and the chain falls back to the direct check.)
 */
public final class ProofChain {
    private ProofChain() {}

    /**
     * One network of the chain; {@code name} labels it in messages. {@code partners} (may be null) are the
     * stage's claims of which node of the previous stage's network each of its nodes computes (see
     * {@link Partners}); the checker proves every claim it uses. {@code symmetric} names the outputs this stage
     * rebuilt as totally symmetric functions (symmetric-function resynthesis): the link into the stage proves
     * them by {@link SymmetryProof}, as sweeping cannot relate an adder tree to a counter.
     */
    public record Stage(String name, Aig network, int[] partners, ImmutableSet<String> symmetric) {
        public Stage(String name, Aig network) { this(name, network, null); }

        public Stage(String name, Aig network, int[] partners) { this(name, network, partners, ImmutableSet.of()); }
    }

    /**
     * One proven (or refuted, or open) link; {@code bySymmetry} of its outputs were proven by the symmetry
     * argument ({@link SymmetryProof}) from {@code transpositions} swap miters.
     */
    public record Link(Stage from, Stage to, CecResult result, int bySymmetry, int transpositions) {
        public Link(Stage from, Stage to, CecResult result) { this(from, to, result, 0, 0); }
    }

    /**
     * @param overall the answer for the first stage against the last
     * @param links   the links checked, in order
     * @param direct  true when the overall answer came from a direct check of first against last
     */
    public record Result(CecResult overall, ImmutableList<Link> links, boolean direct) {}

    public static Result check(List<Stage> stages, CecOptions options) {
        if (stages.size() < 2) throw new IllegalArgumentException("a chain needs at least two stages");
        long start = System.nanoTime(), cpu = EquivalenceChecker.cpuNanos();
        Budget budget = Budget.start(options);
        Stage first = stages.get(0), last = stages.get(stages.size() - 1);
        List<Link> links = new ArrayList<>();
        CecResult.Undecided open = null;
        for (int i = 0; i + 1 < stages.size(); i++) {
            Stage a = stages.get(i), b = stages.get(i + 1);
            Link link = link(a, b, options, budget);
            CecResult r = link.result();
            links.add(link);
            if (r instanceof CecResult.NotEquivalent n) {
                Optional<CecResult.NotEquivalent> real = EquivalenceChecker.replay(first.network(), last.network(),
                        first.name(), last.name(), n.inputs(), total(links, start, cpu));
                if (real.isPresent()) return new Result(real.get(), ImmutableList.copyOf(links), false);
                if (budget.expired()) break;
                CecResult direct = EquivalenceChecker.check(first.network(), last.network(), first.name(), last.name(),
                        options, budget);
                return new Result(direct, ImmutableList.copyOf(links), true);
            }
            if (r instanceof CecResult.Undecided u && open == null) open = u;
        }
        CecResult.Stats stats = total(links, start, cpu);
        if (open != null) return new Result(new CecResult.Undecided(open.open(), stats), ImmutableList.copyOf(links), false);
        return new Result(new CecResult.Equivalent(stats), ImmutableList.copyOf(links), false);
    }

    private static Link link(Stage a, Stage b, CecOptions options, Budget budget) {
        if (budget.expired()) {
            return new Link(a, b, new CecResult.Undecided(ImmutableList.copyOf(a.network().outputNames()), CecResult.Stats.NONE));
        }
        if (!b.symmetric().isEmpty()) {
            SymmetryProof.Outcome o = SymmetryProof.check(a.network(), b.network(), a.name(), b.name(), b.symmetric(), options, budget);
            return new Link(a, b, o.result(), o.bySymmetry(), o.transpositions());
        }
        return new Link(a, b, EquivalenceChecker.check(a.network(), b.network(), a.name(), b.name(), options, budget, b.partners()));
    }

    /**
     * The chain's statistics: the largest miter, the first link's output pairs, the outputs that were equal
     * after sweeping in every link ("by structure"), the rest counted as by SAT; merges, solver calls and time summed.
     */
    private static CecResult.Stats total(List<Link> links, long start, long cpu) {
        int miter = 0, reduced = 0, pairs = links.get(0).result().stats().pairs(), byStructure = pairs, merges = 0, byPartner = 0;
        long calls = 0;
        for (Link l : links) {
            CecResult.Stats s = l.result().stats();
            miter = Math.max(miter, s.miterAnds());
            reduced = Math.max(reduced, s.reducedAnds());
            byStructure = Math.min(byStructure, s.byStructure());
            merges += s.merges();
            byPartner += s.byPartner();
            calls += s.satCalls();
        }
        return new CecResult.Stats(miter, reduced, pairs, byStructure, pairs - byStructure, merges, byPartner, calls,
                (System.nanoTime() - start) / 1_000_000, (EquivalenceChecker.cpuNanos() - cpu) / 1_000_000,
                StepCounter.sum(links.stream().map(l -> (java.util.Map<ProofStep, StepStats>) l.result().stats().steps()).toList()));
    }
}
