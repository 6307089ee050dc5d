package kautz.opt;

/** Named optimisation scripts, defined once here. */
public final class Scripts {
    private Scripts() {}

    /**
     * The default script: structural hashing and local simplification, then rewriting between balancing
     * steps (in the spirit of ABC's resyn), ending with a depth-reducing balance.
     */
    public static final String DEFAULT = "strash; constprop; rewrite; balance; rewrite; rewrite; balance";

    public static Pipeline defaultPipeline() { return Pipeline.parse(DEFAULT); }
}
