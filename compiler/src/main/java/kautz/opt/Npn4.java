package kautz.opt;

/**
 * NPN classes of 4-input functions (truth tables of 16 bits, input 0 the least significant minterm bit).
 * Two functions are NPN-equivalent when one becomes the other by permuting inputs, negating inputs and
 * negating the output, all free in an AIG; the 65,536 functions fall into 222 classes. For every function
 * this table gives its class representative (the smallest truth table of the class) and a transform
 * {@code T} with {@code f = T(rep)}.
 *
 * <p>A transform {@code T = (p, n, o)} maps {@code g} to {@code h(x) = o ^ g(y)} with
 * {@code y_i = x_{p[i]} ^ n_i}: to realise {@code f} from a structure for {@code rep}, feed structure input
 * {@code i} with leaf {@code p[i]} (negated if bit {@code i} of {@code n}) and negate the output if {@code o}.
 * The tables are computed once and never change.
 */
final class Npn4 {
    private Npn4() {}

    private static final char[] REP = new char[1 << 16];
    /** Packed transform: bits 0-7 the permutation (2 bits per input), 8-11 input negations, 12 output negation. */
    private static final short[] TRANSFORM = new short[1 << 16];
    private static final int CLASSES;
    private static final int IDENTITY = 0 | 1 << 2 | 2 << 4 | 3 << 6;

    static {
        boolean[] seen = new boolean[1 << 16];
        int[] queue = new int[1 << 16];
        int[] generators = {
                pack(new int[]{1, 0, 2, 3}, 0, 0), pack(new int[]{0, 2, 1, 3}, 0, 0), pack(new int[]{0, 1, 3, 2}, 0, 0),
                pack(new int[]{0, 1, 2, 3}, 1, 0), pack(new int[]{0, 1, 2, 3}, 2, 0), pack(new int[]{0, 1, 2, 3}, 4, 0),
                pack(new int[]{0, 1, 2, 3}, 8, 0), pack(new int[]{0, 1, 2, 3}, 0, 1)};
        int classes = 0;
        // Ascending order: the first unseen function is the smallest of its class, hence the representative.
        for (int rep = 0; rep < 1 << 16; rep++) {
            if (seen[rep]) continue;
            classes++;
            seen[rep] = true;
            REP[rep] = (char) rep;
            TRANSFORM[rep] = (short) IDENTITY;
            int head = 0, tail = 0;
            queue[tail++] = rep;
            while (head < tail) {
                int m = queue[head++];
                for (int g : generators) {
                    int m2 = apply(g, m);
                    if (seen[m2]) continue;
                    seen[m2] = true;
                    REP[m2] = (char) rep;
                    TRANSFORM[m2] = (short) compose(g, TRANSFORM[m] & 0xffff);
                    queue[tail++] = m2;
                }
            }
        }
        CLASSES = classes;
    }

    static int classCount() { return CLASSES; }

    /** The representative of f's class. */
    static int representative(int tt) { return REP[tt & 0xffff]; }

    /** The transform T with f = T(representative(f)). */
    static int transform(int tt) { return TRANSFORM[tt & 0xffff] & 0xffff; }

    static int perm(int t, int i) { return t >>> (2 * i) & 3; }
    static boolean negatesInput(int t, int i) { return (t >>> (8 + i) & 1) != 0; }
    static boolean negatesOutput(int t) { return (t >>> 12 & 1) != 0; }

    static int pack(int[] p, int negMask, int outNeg) {
        return p[0] | p[1] << 2 | p[2] << 4 | p[3] << 6 | negMask << 8 | outNeg << 12;
    }

    /** T(g): h(x) = o ^ g(y), y_i = x_{p[i]} ^ n_i. */
    static int apply(int t, int g) {
        int h = 0;
        for (int x = 0; x < 16; x++) {
            int y = 0;
            for (int i = 0; i < 4; i++) {
                int bit = (x >>> perm(t, i) & 1) ^ (negatesInput(t, i) ? 1 : 0);
                y |= bit << i;
            }
            int v = (g >>> y & 1) ^ (negatesOutput(t) ? 1 : 0);
            h |= v << x;
        }
        return h;
    }

    /** G after T: p[i] = pG[pT[i]], n_i = nG[pT[i]] ^ nT[i], o = oG ^ oT. */
    static int compose(int g, int t) {
        int[] p = new int[4];
        int n = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = perm(g, perm(t, i));
            boolean neg = negatesInput(g, perm(t, i)) ^ negatesInput(t, i);
            if (neg) n |= 1 << i;
        }
        return pack(p, n, (negatesOutput(g) ? 1 : 0) ^ (negatesOutput(t) ? 1 : 0));
    }
}
