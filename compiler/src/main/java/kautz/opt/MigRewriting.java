package kautz.opt;

import kautz.network.Lit;
import kautz.network.Mig;
import kautz.network.MigBuilder;

/**
 * Algebraic rewriting of a {@link Mig} by the axioms of Amarù et al. (DAC 2014), in the manner of mockturtle's
 * algebraic MIG rewriting: rebuild the graph node by node, applying a rule where its pattern matches.
 * <ul>
 *   <li>Ω.M and Ω.I (majority, inverter propagation) at every node, by {@link MigBuilder};</li>
 *   <li>Ω.D right to left, for size: {@code maj(maj(x, y, u), maj(x, y, v), z) = maj(x, y, maj(u, v, z))} where the
 *       two inner nodes have no other reader (one node fewer), with complemented inner nodes read through Ω.I;</li>
 *   <li>Ω.A, for depth: {@code maj(x, u, maj(y, u, z)) = maj(z, u, maj(y, u, x))} where z is deeper than x and the
 *       inner node has no other reader, moving the critical signal one level up.</li>
 * </ul>
 * {@link #optimise} repeats size rounds until nothing changes, then takes depth rounds only while they do not add
 * nodes. Every rule is an identity of the majority function, so the result computes the same outputs.
 */
public final class MigRewriting {
    /** Rounds at most, per phase: each round is one rebuild, linear in the graph. */
    static final int MAX_ROUNDS = 8;

    private MigRewriting() {}

    /** Size rounds to a fixpoint, then depth rounds that keep the size. */
    public static Mig optimise(Mig m) {
        Mig best = m;
        for (int r = 0; r < MAX_ROUNDS; r++) {
            Mig next = distributivity(best);
            if (next.numMajs() >= best.numMajs()) break;
            best = next;
        }
        for (int r = 0; r < MAX_ROUNDS; r++) {
            Mig next = associativity(best);
            if (next.numMajs() > best.numMajs() || next.depth() >= best.depth()) break;
            best = next;
        }
        return best;
    }

    /** One rebuild applying Ω.D right to left wherever it removes a node. */
    public static Mig distributivity(Mig m) {
        return rebuild(m, true);
    }

    /** One rebuild applying Ω.A wherever it moves a deeper signal up. */
    public static Mig associativity(Mig m) {
        return rebuild(m, false);
    }

    private static Mig rebuild(Mig m, boolean distribute) {
        int[] refs = m.fanoutCounts();
        boolean[] live = m.live();
        MigBuilder b = new MigBuilder();
        for (String in : m.inputNames()) b.addInput(in);
        int[] lit = new int[m.size()];
        int[] level = new int[m.size() + 16];
        int leveled = b.size();
        for (int i = 0; i < m.numInputs(); i++) lit[i + 1] = b.input(i);
        for (int n = m.firstMaj(); n < m.size(); n++) {
            if (!live[n]) continue;
            int[] f = new int[3];
            boolean[] single = new boolean[3];
            for (int k = 0; k < 3; k++) {
                int old = m.fanin(n, k);
                f[k] = Lit.notIf(lit[Lit.node(old)], Lit.isComplement(old));
                single[k] = refs[Lit.node(old)] == 1;
            }
            int r = distribute ? distributed(b, f, single) : associated(b, f, single, level);
            lit[n] = r >= 0 ? r : b.maj(f[0], f[1], f[2]);
            if (b.size() > level.length) level = java.util.Arrays.copyOf(level, Math.max(b.size(), 2 * level.length));
            for (; leveled < b.size(); leveled++) { // levels of the nodes this step made
                int d = 0;
                for (int k = 0; k < 3; k++) d = Math.max(d, level[Lit.node(b.fanin(leveled, k))]);
                level[leveled] = d + 1;
            }
        }
        for (int i = 0; i < m.numOutputs(); i++) {
            int o = m.output(i);
            b.addOutput(m.outputNames().get(i), Lit.notIf(lit[Lit.node(o)], Lit.isComplement(o)));
        }
        return b.build(m.name()).cleanup();
    }

    /** The fan-ins of literal {@code l} of a majority node as it reads (a complemented node: each complemented). */
    private static int[] faninsOf(MigBuilder b, int l) {
        int n = Lit.node(l);
        boolean c = Lit.isComplement(l);
        return new int[] {Lit.notIf(b.fanin(n, 0), c), Lit.notIf(b.fanin(n, 1), c), Lit.notIf(b.fanin(n, 2), c)};
    }

    /** Ω.D right to left on {@code maj(f0, f1, f2)}, or -1 when no pair of single-reader fan-ins shares two fan-ins. */
    private static int distributed(MigBuilder b, int[] f, boolean[] single) {
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                if (!single[i] || !single[j] || !b.isMaj(Lit.node(f[i])) || !b.isMaj(Lit.node(f[j]))) continue;
                int[] p = faninsOf(b, f[i]), q = faninsOf(b, f[j]);
                int shared = 0, x = 0, y = 0;
                boolean[] usedQ = new boolean[3];
                int pu = -1;
                for (int s = 0; s < 3; s++) {
                    int hit = -1;
                    for (int t = 0; t < 3 && hit < 0; t++) if (!usedQ[t] && q[t] == p[s]) hit = t;
                    if (hit >= 0) {
                        usedQ[hit] = true;
                        if (shared++ == 0) x = p[s]; else y = p[s];
                    } else {
                        pu = p[s];
                    }
                }
                if (shared != 2) continue;
                int qv = -1;
                for (int t = 0; t < 3; t++) if (!usedQ[t]) qv = q[t];
                int z = f[3 - i - j];
                return b.maj(x, y, b.maj(pu, qv, z));
            }
        }
        return -1;
    }

    /** Ω.A on {@code maj(f0, f1, f2)} when it moves a deeper signal up, or -1. */
    private static int associated(MigBuilder b, int[] f, boolean[] single, int[] level) {
        for (int i = 0; i < 3; i++) {
            if (!single[i] || !b.isMaj(Lit.node(f[i]))) continue;
            int[] inner = faninsOf(b, f[i]);
            for (int s = 0; s < 3; s++) { // u: shared between the outer node and the inner one
                int u = inner[s];
                int ou = -1;
                for (int k = 0; k < 3; k++) if (k != i && f[k] == u) ou = k;
                if (ou < 0) continue;
                int x = f[3 - i - ou];
                for (int t = 0; t < 3; t++) {
                    if (t == s) continue;
                    int z = inner[t], y = inner[3 - s - t];
                    if (lev(level, z) > lev(level, x) + 1) return b.maj(z, u, b.maj(y, u, x));
                }
            }
        }
        return -1;
    }

    private static int lev(int[] level, int l) { return Lit.node(l) < level.length ? level[Lit.node(l)] : 0; }
}
