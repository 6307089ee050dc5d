package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.List;

import static kautz.opt.TruthTables4.*;

/**
 * Small AIG structures for the 222 NPN classes of 4-input functions, computed once: for each class
 * representative, the smallest AIGs found by two synthesis methods, keeping all distinct ones of the
 * minimal size (up to {@link #MAX_PER_CLASS}), since a rewriter tries each and prefers the one sharing
 * most nodes with the network. Methods: (1) recursive decomposition choosing, at every step, the cheapest
 * of disjoint-support AND/OR/XOR decompositions and Shannon expansions with their degenerate forms;
 * (2) a factored irredundant sum of products ({@link Sop6}) of the function and of its complement.
 * Sizes are counted after structural hashing, so shared subfunctions count once.
 */
final class RewriteLibrary {
    static final int MAX_PER_CLASS = 4;

    /** A structure: a 4-input, 1-output AIG computing the representative. */
    record Structure(Aig aig) {
        int size() { return aig.numAnds(); }
    }

    private static final List<List<Structure>> BY_REP = new ArrayList<>(1 << 16);

    static {
        int[] cost = new int[1 << 16];
        int[] choice = new int[1 << 16];
        java.util.Arrays.fill(cost, -1);
        for (int f = 0; f < 1 << 16; f++) BY_REP.add(null);
        for (int f = 0; f < 1 << 16; f++) {
            if (Npn4.representative(f) != f) continue;
            BY_REP.set(f, synthesize(f, cost, choice));
        }
    }

    /** The structures of a class representative. */
    static List<Structure> structures(int rep) { return BY_REP.get(rep); }

    private static List<Structure> synthesize(int f, int[] cost, int[] choice) {
        List<Aig> candidates = new ArrayList<>();
        candidates.add(build(b -> decompose(b, f, cost, choice)));
        candidates.add(build(b -> Lit.not(decompose(b, not(f), cost, choice))));
        candidates.add(build(b -> Sop6.factor(b, Sop6.isop(Sop6.widen4(f)))));
        candidates.add(build(b -> Lit.not(Sop6.factor(b, Sop6.isop(Sop6.widen4(not(f)))))));
        int best = Integer.MAX_VALUE;
        for (Aig a : candidates) best = Math.min(best, a.numAnds());
        List<Structure> out = new ArrayList<>();
        for (Aig a : candidates) {
            if (a.numAnds() != best || out.size() == MAX_PER_CLASS) continue;
            if (out.stream().noneMatch(s -> s.aig().sameStructure(a))) out.add(new Structure(a));
        }
        return List.copyOf(out);
    }

    private interface Synth { int lit(AigBuilder b); }

    private static Aig build(Synth s) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < 4; i++) b.addInput("x" + i);
        b.addOutput("f", s.lit(b));
        return b.build();
    }

    // ---- method 1: cheapest recursive decomposition (tree cost, memoised per function) ----

    private static final int AND = 1, OR = 2, XOR = 3, SHANNON = 4;

    /** Tree cost of f; {@code choice} records the decomposition: kind in bits 0-3, variable or mask above. */
    private static int cost(int f, int[] cost, int[] choice) {
        if (cost[f] >= 0) return cost[f];
        int sup = support(f);
        if (f == 0 || f == ONES || Integer.bitCount(sup) == 1) {
            cost[f] = 0;
            return 0;
        }
        int best = Integer.MAX_VALUE, how = 0;
        // disjoint-support decompositions over every split of the support (each split once: s1 holds the lowest var)
        int low = Integer.lowestOneBit(sup);
        for (int s1 = sup; s1 > 0; s1 = (s1 - 1) & sup) {
            int s2 = sup & ~s1;
            if (s2 == 0 || (s1 & low) == 0) continue;
            int g = exists(f, s2), h = exists(f, s1);
            if ((g & h) == f) { int c = 1 + cost(g, cost, choice) + cost(h, cost, choice); if (c < best) { best = c; how = AND | s1 << 4; } }
            g = forall(f, s2); h = forall(f, s1);
            if ((g | h) == f) { int c = 1 + cost(g, cost, choice) + cost(h, cost, choice); if (c < best) { best = c; how = OR | s1 << 4; } }
            int c0 = (f & 1) != 0 ? ONES : 0;
            g = fixZero(f, s2); h = fixZero(f, s1) ^ c0;
            if ((g ^ h) == f) { int c = 3 + cost(g, cost, choice) + cost(h, cost, choice); if (c < best) { best = c; how = XOR | s1 << 4; } }
        }
        for (int i = 0; i < 4; i++) {
            if ((sup >>> i & 1) == 0) continue;
            int f0 = cofactor0(f, i), f1 = cofactor1(f, i);
            int c = f0 == 0 || f1 == 0 || f0 == ONES || f1 == ONES ? 1 + cost(f0 == 0 || f0 == ONES ? f1 : f0, cost, choice)
                    : 3 + cost(f0, cost, choice) + cost(f1, cost, choice);
            if (c < best) { best = c; how = SHANNON | i << 4; }
        }
        cost[f] = best;
        choice[f] = how;
        return best;
    }

    private static int decompose(AigBuilder b, int f, int[] cost, int[] choice) {
        cost(f, cost, choice);
        if (f == 0) return Lit.FALSE;
        if (f == ONES) return Lit.TRUE;
        int sup = support(f);
        if (Integer.bitCount(sup) == 1) {
            int i = Integer.numberOfTrailingZeros(sup);
            return Lit.notIf(b.input(i), f != VAR[i]);
        }
        int kind = choice[f] & 15, arg = choice[f] >>> 4;
        int s1 = arg, s2 = sup & ~arg;
        return switch (kind) {
            case AND -> b.and(decompose(b, exists(f, s2), cost, choice), decompose(b, exists(f, s1), cost, choice));
            case OR -> b.or(decompose(b, forall(f, s2), cost, choice), decompose(b, forall(f, s1), cost, choice));
            case XOR -> Lit.notIf(b.xor(decompose(b, fixZero(f, s2), cost, choice),
                    decompose(b, fixZero(f, s1) ^ ((f & 1) != 0 ? ONES : 0), cost, choice)), false);
            default -> {
                int x = b.input(arg);
                int f0 = cofactor0(f, arg), f1 = cofactor1(f, arg);
                // x ? f1 : f0, with the degenerate forms x & f1, ~x & f0, x | f0, ~x | f1
                if (f0 == 0) yield b.and(x, decompose(b, f1, cost, choice));
                if (f1 == 0) yield b.and(Lit.not(x), decompose(b, f0, cost, choice));
                if (f0 == ONES) yield b.or(Lit.not(x), decompose(b, f1, cost, choice));
                if (f1 == ONES) yield b.or(x, decompose(b, f0, cost, choice));
                yield b.mux(x, decompose(b, f1, cost, choice), decompose(b, f0, cost, choice));
            }
        };
    }

}
