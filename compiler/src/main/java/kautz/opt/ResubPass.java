package kautz.opt;

import kautz.network.Aig;
import kautz.network.Lit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Resubstitution (after ABC's {@code resub}; Mishchenko and Brayton, "Scalable logic synthesis using a
 * simple circuit structure", IWLS 2006): each AND is re-expressed over nodes the network already has, so
 * the cone only it uses (its MFFC) disappears. For every node a window is built: a reconvergence-driven cut
 * of up to {@code leaves} leaves, the cone above it, and the divisors — the cone's nodes outside the MFFC
 * plus nodes elsewhere whose two fan-ins are divisors (never in the node's fan-out cone, so no cycle can
 * form). Everything in the window is simulated exhaustively over the leaves (2^leaves bits), so a match is
 * exact, not a guess. Tried in order, each taken only when it adds fewer ANDs than the MFFC frees:
 * 0-resub (the node equals a divisor or its complement), 1-resub (AND or OR of two divisors), 2-resub
 * (three-input AND/OR, and {@code a | (b & c)}, {@code a & (b | c)}), 3-resub ({@code (a & b) | (c & d)}
 * and its dual). Divisors are filtered by unateness first: only those inside (or containing) the target
 * can take part in an OR (or AND), which keeps the pair and triple searches small.
 */
public record ResubPass(int maxLeaves, int maxAdded) implements Pass {
    public static final int DEFAULT_LEAVES = 8;
    public static final int DEFAULT_NODES = 1;
    private static final int MAX_DIVISORS = 150;
    private static final int MAX_UNATE = 48;
    private static final int MAX_BINATE = 48;
    private static final int MAX_FANOUTS_SCANNED = 64;
    /** Rounds of independent edits before the rest is done sequentially (each round is a checkpoint). */
    private static final int MAX_ROUNDS = 32;

    public static final PassInfo INFO = new PassInfo("resub",
            "resubstitution: re-express each AND over existing nodes so its MFFC dies (0- to 3-resub)",
            """
            For each AND, builds a window (a reconvergence-driven cut of up to `leaves` leaves, its cone, and
            divisors: existing nodes computed from the cut that the node's MFFC does not own), simulates it
            exhaustively over the leaves, and replaces the node by a divisor (0-resub) or by one to `nodes`
            new ANDs/ORs of divisors (1-, 2-, 3-resub) when that frees more ANDs than it adds. As ABC's
            `resub -K leaves -N nodes`. Exact within the window; never increases the AND count.""",
            List.of(new PassInfo.Option("leaves", String.valueOf(DEFAULT_LEAVES), "largest cut (4..16)"),
                    new PassInfo.Option("nodes", String.valueOf(DEFAULT_NODES), "most ANDs added per replacement (0..3)")),
            opts -> new ResubPass(Passes.intOption("resub", opts, "leaves", DEFAULT_LEAVES, 4, 16),
                    Passes.intOption("resub", opts, "nodes", DEFAULT_NODES, 0, 3)));

    @Override public String name() { return INFO.name(); }

    @Override
    public Map<String, String> options() {
        var m = new java.util.LinkedHashMap<String, String>();
        if (maxLeaves != DEFAULT_LEAVES) m.put("leaves", String.valueOf(maxLeaves));
        if (maxAdded != DEFAULT_NODES) m.put("nodes", String.valueOf(maxAdded));
        return m;
    }

    @Override
    public Result runTracked(Aig aig) {
        EditableAig g = new EditableAig(aig);
        new Window(g, maxLeaves, maxAdded).sweep();
        Result result = g.result();
        return result.network().numAnds() < aig.numAnds() ? result : Result.unchanged(aig);
    }

    /** The per-node window and its simulation, reused across nodes. */
    private static final class Window {
        private final EditableAig g;
        private final int maxLeaves, maxAdded;
        private int[] stamp, visited, mffcStamp, divStamp, localRefs, index;
        private int now;
        private final int[] leaves;
        private int numLeaves;
        private int[] cone = new int[256], divs = new int[256];
        private int coneSize, numDivs;
        private int words;
        private long[] tt = new long[1024];
        private final long[] target, scratch;
        private final int[] pos = new int[2 * MAX_DIVISORS], cands = new int[2 * MAX_DIVISORS];

        Window(EditableAig g, int maxLeaves, int maxAdded) {
            this.g = g;
            this.maxLeaves = maxLeaves;
            this.maxAdded = maxAdded;
            this.leaves = new int[maxLeaves + 2];
            int w = Math.max(1, 1 << (maxLeaves - 6));
            target = new long[w];
            scratch = new long[w];
            int cap = g.size() * 2 + 16;
            stamp = new int[cap];
            visited = new int[cap];
            mffcStamp = new int[cap];
            divStamp = new int[cap];
            localRefs = new int[cap];
            index = new int[cap];
        }

        /**
         * Visits every AND of the original network in rounds: a node whose window holds logic this round
         * already changed waits for the next round (then seeing the change, as a sequential sweep would), and
         * each round ends with a checkpoint, so the edits of one round never build on each other (see
         * {@link Pass.Checkpoint}). The last round allowed takes every node it visits.
         */
        void sweep() {
            int[] todo = new int[g.size()];
            int count = 0;
            for (int n = g.numInputs() + 1; n < g.size(); n++) todo[count++] = n;
            for (int round = 0; count > 0; round++) {
                boolean last = round == MAX_ROUNDS - 1;
                int waiting = 0;
                for (int i = 0; i < count; i++) {
                    int n = todo[i];
                    if (g.isDead(n)) continue;
                    if (g.size() > stamp.length) growMarks();
                    // a changed fan-in is in the window, so the window need not be built to see it
                    boolean waits = !last && readsThisRound(n);
                    int mffc = 0;
                    if (!waits) {
                        now++;
                        if (!cut(n)) continue;
                        mffc = mffc(n);
                        collectDivisors(n);
                        waits = !last && touchesThisRound();
                    }
                    if (waits) {
                        todo[waiting++] = n;
                        g.markChanged(n); // what reads n waits for n's own turn, as in one sequential sweep
                        continue;
                    }
                    simulate(n);
                    tryResub(n, mffc);
                }
                count = waiting;
                g.checkpoint();
            }
        }

        private boolean readsThisRound(int n) {
            return g.changedThisRound(n) || g.changedThisRound(Lit.node(g.fanin0(n))) || g.changedThisRound(Lit.node(g.fanin1(n)));
        }

        /** True when a node of the window's cone (n included) or a divisor (the leaves first) changed in this round. */
        private boolean touchesThisRound() {
            for (int i = 0; i < coneSize; i++) if (g.changedThisRound(cone[i])) return true;
            for (int i = 0; i < numDivs; i++) if (g.changedThisRound(divs[i])) return true;
            return false;
        }

        /** Grows n's reconvergence-driven cut; false if n has fewer than two distinct leaves. */
        private boolean cut(int n) {
            numLeaves = 0;
            stamp[n] = now;
            addLeaf(Lit.node(g.fanin0(n)));
            addLeaf(Lit.node(g.fanin1(n)));
            while (true) {
                int best = -1, bestCost = Integer.MAX_VALUE;
                for (int i = 0; i < numLeaves; i++) {
                    int l = leaves[i];
                    if (!g.isAnd(l)) continue;
                    int a = Lit.node(g.fanin0(l)), b = Lit.node(g.fanin1(l));
                    int cost = -1 + (stamp[a] != now ? 1 : 0) + (stamp[b] != now && b != a ? 1 : 0);
                    if (cost < bestCost) { bestCost = cost; best = i; }
                }
                if (best < 0 || numLeaves + bestCost > maxLeaves) break;
                int l = leaves[best];
                leaves[best] = leaves[--numLeaves];
                addLeaf(Lit.node(g.fanin0(l)));
                addLeaf(Lit.node(g.fanin1(l)));
            }
            return numLeaves >= 2;
        }

        private void addLeaf(int m) {
            if (stamp[m] == now) return;
            stamp[m] = now;
            leaves[numLeaves++] = m;
        }

        /** Marks n's MFFC within the window (nodes that die with n); returns its size. */
        private int mffc(int n) {
            for (int i = 0; i < numLeaves; i++) divStamp[leaves[i]] = now; // leaves are divisors, never in the MFFC
            coneSize = 0;
            collectCone(n);
            int count = 0;
            if (divs.length < coneSize + 2) divs = new int[coneSize * 2 + 2];
            int[] stack = divs; // scratch before divisors are collected
            int sp = 0;
            stack[sp++] = n;
            mffcStamp[n] = now;
            while (sp > 0) {
                int m = stack[--sp];
                count++;
                for (int k = 0; k < 2; k++) {
                    int c = Lit.node(k == 0 ? g.fanin0(m) : g.fanin1(m));
                    if (divStamp[c] == now || !g.isAnd(c)) continue;
                    if (--localRefs[c] == 0) {
                        mffcStamp[c] = now;
                        stack[sp++] = c;
                    }
                }
            }
            return count;
        }

        /** The cone between the leaves and n in topological order (post-order), local references set. */
        private void collectCone(int n) {
            if (divStamp[n] == now || visited[n] == now) return;
            visited[n] = now;
            localRefs[n] = g.refs(n);
            collectCone(Lit.node(g.fanin0(n)));
            collectCone(Lit.node(g.fanin1(n)));
            if (coneSize == cone.length) cone = Arrays.copyOf(cone, coneSize * 2);
            cone[coneSize++] = n;
        }

        /** Leaves, cone nodes outside the MFFC, then readers of divisors whose fan-ins are both divisors. */
        private void collectDivisors(int n) {
            numDivs = 0;
            for (int i = 0; i < numLeaves; i++) divs[numDivs++] = leaves[i];
            for (int i = 0; i < coneSize; i++) {
                int m = cone[i];
                if (mffcStamp[m] == now) continue;
                divStamp[m] = now;
                addDiv(m);
            }
            for (int i = 0; i < numDivs && numDivs < MAX_DIVISORS; i++) {
                int d = divs[i];
                int fo = Math.min(g.numFanouts(d), MAX_FANOUTS_SCANNED);
                for (int k = 0; k < fo && numDivs < MAX_DIVISORS; k++) {
                    int f = g.fanout(d, k);
                    if (divStamp[f] == now || mffcStamp[f] == now || f == n) continue;
                    if (divStamp[Lit.node(g.fanin0(f))] != now || divStamp[Lit.node(g.fanin1(f))] != now) continue;
                    divStamp[f] = now;
                    addDiv(f);
                }
            }
        }

        private void addDiv(int m) {
            if (numDivs == divs.length) divs = Arrays.copyOf(divs, numDivs * 2);
            divs[numDivs++] = m;
        }

        /** Truth tables over the leaves: leaves, then the cone (with n), then the other divisors. */
        private void simulate(int n) {
            words = numLeaves <= 6 ? 1 : 1 << (numLeaves - 6);
            int slots = numLeaves + coneSize + numDivs;
            if (tt.length < slots * words) tt = new long[Math.max(slots * words, tt.length * 2)];
            int slot = 0;
            for (int i = 0; i < numLeaves; i++) {
                index[leaves[i]] = slot;
                for (int w = 0; w < words; w++) tt[slot * words + w] = variable(i, w);
                slot++;
            }
            for (int i = 0; i < coneSize; i++) slot = simulateNode(cone[i], slot);
            for (int i = numLeaves; i < numDivs; i++) {
                if (stamp[divs[i]] == now) continue; // a cone node, already simulated
                slot = simulateNode(divs[i], slot);
            }
            int at = index[n] * words;
            System.arraycopy(tt, at, target, 0, words);
        }

        private int simulateNode(int m, int slot) {
            int a = g.fanin0(m), b = g.fanin1(m);
            int x = index[Lit.node(a)] * words, y = index[Lit.node(b)] * words, z = slot * words;
            long ca = Lit.isComplement(a) ? -1L : 0L, cb = Lit.isComplement(b) ? -1L : 0L;
            for (int w = 0; w < words; w++) tt[z + w] = (tt[x + w] ^ ca) & (tt[y + w] ^ cb);
            index[m] = slot;
            return slot + 1;
        }

        private static long variable(int i, int w) {
            if (i < 6) return Sop6.VAR[i];
            return ((w >> (i - 6)) & 1) != 0 ? -1L : 0L;
        }

        /** Word w of a divisor literal's truth table. */
        private long value(int lit, int w) {
            long v = tt[index[Lit.node(lit)] * words + w];
            return Lit.isComplement(lit) ? ~v : v;
        }

        private void tryResub(int n, int mffc) {
            // 0-resub: a divisor (or its complement) is the node
            for (int i = 0; i < numDivs; i++) {
                int d = divs[i];
                if (d == 0) continue;
                int lit = Lit.of(d, false);
                if (equalsTarget(lit, false)) { g.replace(n, lit); return; }
                if (equalsTarget(lit, true)) { g.replace(n, Lit.not(lit)); return; }
            }
            if (maxAdded < 1 || mffc < 2) return;
            // an OR form of the target, or (complemented) an AND form: ~(~a | ~b) = a & b
            for (int added = 1; added <= Math.min(maxAdded, mffc - 1); added++) {
                for (boolean negate : new boolean[] {false, true}) {
                    int[] form = orForm(negate, added);
                    if (form == null) continue;
                    int lit = build(form);
                    if (Lit.node(lit) == n) { g.discardIfUnused(lit); continue; }
                    g.replace(n, Lit.notIf(lit, negate));
                    return;
                }
            }
        }

        /** True if the literal's function equals the target (complemented if asked). */
        private boolean equalsTarget(int lit, boolean complement) {
            int base = index[Lit.node(lit)] * words;
            long c = (Lit.isComplement(lit) ^ complement) ? -1L : 0L;
            for (int w = 0; w < words; w++) if ((tt[base + w] ^ c) != target[w]) return false;
            return true;
        }

        /**
         * A form of the target t (or of ~t if {@code negate}) as an OR of products of divisor literals with
         * exactly {@code added} new ANDs: {a, b} for a | b, {a, b, c} for a | b | c, {a, b, c, -1} for
         * a | (b & c), {a, b, c, d, -1, -1} for (a & b) | (c & d); null if none exists.
         */
        private int[] orForm(boolean negate, int added) {
            long flip = negate ? -1L : 0L;
            // divisors inside the target: candidates for its OR terms
            int np = 0;
            for (int i = 0; i < numDivs && np < 2 * MAX_UNATE; i++) {
                int d = divs[i];
                if (d == 0) continue;
                for (int c = 0; c < 2; c++) {
                    int lit = Lit.of(d, c == 1);
                    if (inside(lit, flip)) pos[np++] = lit;
                }
            }
            if (added == 1) {
                for (int i = 0; i < np; i++) {
                    for (int j = i + 1; j < np; j++) {
                        if (covers(flip, pos[i], pos[j], -1, -1)) return new int[] {pos[i], pos[j]};
                    }
                }
                return null;
            }
            if (added == 2) {
                int lim = Math.min(np, MAX_UNATE);
                for (int i = 0; i < lim; i++) {
                    for (int j = i + 1; j < lim; j++) {
                        for (int k = j + 1; k < lim; k++) {
                            if (covers(flip, pos[i], pos[j], pos[k], -1)) return new int[] {pos[i], pos[j], pos[k]};
                        }
                    }
                }
                for (int i = 0; i < np; i++) {
                    int[] pair = pairCovering(flip, pos[i]);
                    if (pair != null) return new int[] {pos[i], pair[0], pair[1], -1};
                }
                return null;
            }
            // added == 3: (a & b) | (c & d), both products inside the target
            int nc = products(flip);
            for (int i = 0; i < nc; i += 2) {
                for (int j = i + 2; j < nc; j += 2) {
                    if (coversProducts(flip, cands[i], cands[i + 1], cands[j], cands[j + 1])) {
                        return new int[] {cands[i], cands[i + 1], cands[j], cands[j + 1], -1, -1};
                    }
                }
            }
            return null;
        }

        /** True if lit's function lies inside the (possibly complemented) target and is not empty. */
        private boolean inside(int lit, long flip) {
            boolean any = false;
            for (int w = 0; w < words; w++) {
                long v = value(lit, w);
                if ((v & ~(target[w] ^ flip)) != 0) return false;
                any |= v != 0;
            }
            return any;
        }

        /** True if the OR of the given literals (-1 = absent) equals the target. */
        private boolean covers(long flip, int a, int b, int c, int d) {
            for (int w = 0; w < words; w++) {
                long v = value(a, w) | value(b, w);
                if (c >= 0) v |= value(c, w);
                if (d >= 0) v |= value(d, w);
                if (v != (target[w] ^ flip)) return false;
            }
            return true;
        }

        /** Two literals x, y with a | (x & y) equal to the target, or null. */
        private int[] pairCovering(long flip, int a) {
            // x and y must each contain what a leaves uncovered
            int nc = 0;
            for (int i = 0; i < numDivs && nc < MAX_BINATE; i++) {
                int d = divs[i];
                if (d == 0) continue;
                for (int c = 0; c < 2 && nc < MAX_BINATE; c++) {
                    int lit = Lit.of(d, c == 1);
                    boolean ok = true;
                    for (int w = 0; w < words && ok; w++) {
                        long rest = (target[w] ^ flip) & ~value(a, w);
                        ok = (rest & ~value(lit, w)) == 0;
                    }
                    if (ok) cands[nc++] = lit;
                }
            }
            for (int i = 0; i < nc; i++) {
                for (int j = i + 1; j < nc; j++) {
                    boolean ok = true;
                    for (int w = 0; w < words && ok; w++) {
                        long p = value(cands[i], w) & value(cands[j], w);
                        ok = ((p | value(a, w)) == (target[w] ^ flip));
                    }
                    if (ok) return new int[] {cands[i], cands[j]};
                }
            }
            return null;
        }

        /** Pairs (x, y) with x & y inside the target and not empty, flattened into cands; returns 2 * count. */
        private int products(long flip) {
            int nb = 0;
            int[] lits = pos; // reuse: all divisor literals that meet the target
            for (int i = 0; i < numDivs && nb < 2 * MAX_BINATE; i++) {
                int d = divs[i];
                if (d == 0) continue;
                for (int c = 0; c < 2; c++) {
                    int lit = Lit.of(d, c == 1);
                    boolean meets = false;
                    for (int w = 0; w < words && !meets; w++) meets = (value(lit, w) & (target[w] ^ flip)) != 0;
                    if (meets) lits[nb++] = lit;
                }
            }
            int nc = 0;
            for (int i = 0; i < nb && nc < cands.length; i++) {
                for (int j = i + 1; j < nb && nc < cands.length; j++) {
                    if (Lit.node(lits[i]) == Lit.node(lits[j])) continue;
                    boolean inside = true, any = false;
                    for (int w = 0; w < words && inside; w++) {
                        long p = value(lits[i], w) & value(lits[j], w);
                        inside = (p & ~(target[w] ^ flip)) == 0;
                        any |= p != 0;
                    }
                    if (inside && any) {
                        cands[nc++] = lits[i];
                        cands[nc++] = lits[j];
                    }
                }
            }
            return nc;
        }

        private boolean coversProducts(long flip, int a, int b, int c, int d) {
            for (int w = 0; w < words; w++) {
                long v = (value(a, w) & value(b, w)) | (value(c, w) & value(d, w));
                if (v != (target[w] ^ flip)) return false;
            }
            return true;
        }

        /** Builds an OR form (see {@link #orForm}) and returns its literal. */
        private int build(int[] f) {
            return switch (f.length) {
                case 2 -> or(f[0], f[1]);
                case 3 -> or(or(f[0], f[1]), f[2]);
                case 4 -> or(f[0], g.and(f[1], f[2]));
                default -> or(g.and(f[0], f[1]), g.and(f[2], f[3]));
            };
        }

        private int or(int a, int b) { return Lit.not(g.and(Lit.not(a), Lit.not(b))); }

        private void growMarks() {
            int cap = g.size() * 2;
            stamp = Arrays.copyOf(stamp, cap);
            visited = Arrays.copyOf(visited, cap);
            mffcStamp = Arrays.copyOf(mffcStamp, cap);
            divStamp = Arrays.copyOf(divStamp, cap);
            localRefs = Arrays.copyOf(localRefs, cap);
            index = Arrays.copyOf(index, cap);
        }
    }
}
