package kautz.opt;

import java.util.Map;
import java.util.Optional;

/**
 * Named optimisation scripts, defined once here. A script name may stand for its passes inside any script
 * (as ABC's aliases do): {@code strash; resyn2; resub} runs resyn2's passes in place.
 */
public final class Scripts {
    private Scripts() {}

    /**
     * The default script: structural hashing and local simplification, then rewriting and resubstitution
     * around a balancing step (in the spirit of ABC's resyn), ending with a depth-reducing balance. The two
     * resub passes cost about 40% more time than rewriting alone and remove 3.6 points more ANDs on the
     * large EPFL circuits (docs/PERFORMANCE.md).
     */
    public static final String DEFAULT = "strash; constprop; rewrite; resub; balance; rewrite; resub{nodes=2}; rewrite; balance";

    /** ABC's resyn: rewriting, zero-gain rewriting and balancing. */
    public static final String RESYN = "balance; rewrite; rewrite{zero=1}; balance; rewrite{zero=1}; balance";

    /** ABC's resyn2: resyn with refactoring. */
    public static final String RESYN2 = "balance; rewrite; refactor; balance; rewrite; rewrite{zero=1}; balance; "
            + "refactor{zero=1}; rewrite{zero=1}; balance";

    /** ABC's resyn2rs: resubstitution with growing windows (6 to 12 leaves, one or two new nodes) between rewrites. */
    public static final String RESYN2RS = "balance; resub{leaves=6}; rewrite; resub{leaves=6, nodes=2}; refactor; "
            + "resub{leaves=8}; balance; resub{leaves=8, nodes=2}; rewrite; resub{leaves=10}; rewrite{zero=1}; "
            + "resub{leaves=10, nodes=2}; balance; resub{leaves=12}; refactor{zero=1}; resub{leaves=12, nodes=2}; "
            + "rewrite{zero=1}; balance";

    /**
     * The strong script: four rounds of resyn, resyn2 and resyn2rs (zero-gain moves let each round find what
     * the last one could not), then resubstitution in windows of up to 16 leaves adding up to three nodes.
     * Several times slower than the default; the flow tries it on networks up to {@link #STRONG_LIMIT} ANDs.
     */
    public static final String STRONG = "strash; " + "resyn; resyn2; resyn2rs; ".repeat(4)
            + "resub{leaves=12, nodes=3}; refactor{zero=1}; resub{leaves=14, nodes=3}; rewrite{zero=1}; "
            + "resub{leaves=16, nodes=3}; balance";

    /** Largest network (ANDs) on which the flow also tries {@link #STRONG} (docs/PERFORMANCE.md has the times). */
    public static final int STRONG_LIMIT = 2_000;

    private static final Map<String, String> NAMED = Map.of("default", DEFAULT, "resyn", RESYN, "resyn2", RESYN2,
            "resyn2rs", RESYN2RS, "strong", STRONG);

    /** The passes a script name stands for. */
    public static Optional<String> named(String name) { return Optional.ofNullable(NAMED.get(name)); }

    public static Pipeline defaultPipeline() { return Pipeline.parse(DEFAULT); }

    public static Pipeline strongPipeline() { return Pipeline.parse(STRONG); }
}
