package kautz.verify;

import kautz.network.Lit;

import java.util.Arrays;

/**
 * Claims, made by a compiler stage, of which node of the previous stage's network each node of its own
 * network computes ("partners"). A stage knows what it did (a pass knows which old supergate a new AND
 * tree replaced, a scheduler which op computed which gate), while the checker would have to search for it
 * by simulation, and on arithmetic circuits often fails to find it. A claim is only a hint: the sweeper
 * tries the claimed partner first and proves the pair itself, so a wrong claim costs time, never soundness.
 *
 * <p>The array form used throughout: {@code partners[n]} is the previous network's literal that node
 * {@code n} of this network is claimed to equal, or {@link #NONE}.
 */
public final class Partners {
    /** No claim for a node. */
    public static final int NONE = -1;
    /**
     * The claim that a node has no partner of its own: it is inner logic of a claimed node above it (a NOR
     * formula's inner gates under the gate the mapper rooted at an AIG node), which needs no merge once the
     * node above is proven. The sweeper gives it cheap local proofs only, not a search with the solver, which
     * on thousands of inner mapped nodes takes a link's whole budget (docs/verify.md).
     */
    public static final int INNER = -2;

    private Partners() {}

    /**
     * Inverts a stage's "old node → new literal" map into partners of the new network. {@code oldToNew[o]}
     * is the literal of the new network computing old node {@code o}, or {@link #NONE}; when several old
     * nodes map to one new node, the first (lowest) one is kept.
     */
    public static int[] invert(int[] oldToNew, int newSize) {
        int[] partners = new int[newSize];
        Arrays.fill(partners, NONE);
        for (int o = 0; o < oldToNew.length; o++) {
            int lit = oldToNew[o];
            if (lit < 0) continue;
            int n = Lit.node(lit);
            if (n < newSize && partners[n] == NONE) partners[n] = Lit.of(o, Lit.isComplement(lit));
        }
        return partners;
    }

    /**
     * The partners in the miter: for every miter node created for the right network, the miter literal of
     * its claimed left partner ({@link #NONE} when there is no claim, or the right node hashed onto left
     * logic anyway; {@link #INNER} carried over). {@code rightPartners} are partners of the right network in terms
     * of the left one.
     */
    static int[] inMiter(Miter miter, int[] rightPartners) {
        int[] hints = new int[miter.aig().size()];
        Arrays.fill(hints, NONE);
        if (rightPartners == null) return hints;
        int[] leftMap = miter.leftNodes(), rightMap = miter.rightNodes();
        for (int n = 0; n < rightPartners.length && n < rightMap.length; n++) {
            int p = rightPartners[n];
            if (p != INNER && (p < 0 || Lit.node(p) >= leftMap.length)) continue;
            int ml = rightMap[n], mn = Lit.node(ml);
            if (mn < miter.firstRightNode() || hints[mn] != NONE) continue;
            hints[mn] = p == INNER ? INNER : Lit.notIf(Miter.lit(leftMap, p), Lit.isComplement(ml));
        }
        return hints;
    }
}
