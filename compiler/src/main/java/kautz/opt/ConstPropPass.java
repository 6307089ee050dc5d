package kautz.opt;

import kautz.network.Aig;
import kautz.network.Lit;

import java.util.List;
import java.util.Map;

/**
 * Constant propagation with the two-level AND rules of Brummayer and Biere ("Local two-level And-Inverter
 * graph minimization without blowup"): looking one level below each AND finds contradictions, redundant
 * and absorbed operands that structural hashing alone misses.
 */
public record ConstPropPass() implements Pass {
    private static final int MAX_DEPTH = 8;

    public static final PassInfo INFO = new PassInfo("constprop",
            "propagate constants and apply two-level AND simplifications (contradiction, idempotence, absorption)",
            """
            Rebuilds the network applying, besides x&0 = 0 and x&1 = x, the rules that look at the operands'
            own fan-ins: a & (a & b) = a & b; a & (~a & b) = 0; a & ~(~a & b) = a; a & ~(a & b) = a & ~b;
            (a & b) & (~a & c) = 0; ~(a & b) & ~(a & ~b) = ~a. Never adds nodes.""",
            List.of(), opts -> new ConstPropPass());

    @Override public String name() { return INFO.name(); }
    @Override public Map<String, String> options() { return Map.of(); }

    @Override
    public Result runTracked(Aig aig) {
        Strash s = new Strash(aig.numInputs(), aig.numAnds());
        int[] map = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = s.input(i);
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            map[n] = and(s, Strash.lit(map, aig.fanin0(n)), Strash.lit(map, aig.fanin1(n)), 0);
        }
        Result result = s.result(Strash.outputs(aig, map), aig, map);
        return result.network().numAnds() <= aig.numAnds() ? result : Result.unchanged(aig);
    }

    static int and(Strash s, int a, int b, int depth) {
        if (depth < MAX_DEPTH && !Lit.isConstant(a) && !Lit.isConstant(b)) {
            int r = rule(s, a, b, depth);
            if (r >= 0) return r;
            r = rule(s, b, a, depth);
            if (r >= 0) return r;
            r = bothAnds(s, a, b);
            if (r >= 0) return r;
        }
        return s.and(a, b);
    }

    /** Rules where {@code y} is an AND (plain or complemented) and {@code x} any literal; -1 if none applies. */
    private static int rule(Strash s, int x, int y, int depth) {
        int ny = Lit.node(y);
        if (!s.isAnd(ny)) return -1;
        int y0 = s.fanin0(ny), y1 = s.fanin1(ny);
        if (!Lit.isComplement(y)) {
            if (x == y0 || x == y1) return y;                                   // a & (a & b) = a & b
            if (x == Lit.not(y0) || x == Lit.not(y1)) return Lit.FALSE;         // a & (~a & b) = 0
        } else {
            if (x == Lit.not(y0) || x == Lit.not(y1)) return x;                 // a & ~(~a & b) = a
            if (x == y0) return and(s, x, Lit.not(y1), depth + 1);              // a & ~(a & b) = a & ~b
            if (x == y1) return and(s, x, Lit.not(y0), depth + 1);
        }
        return -1;
    }

    private static int bothAnds(Strash s, int a, int b) {
        int na = Lit.node(a), nb = Lit.node(b);
        if (!s.isAnd(na) || !s.isAnd(nb)) return -1;
        int a0 = s.fanin0(na), a1 = s.fanin1(na), b0 = s.fanin0(nb), b1 = s.fanin1(nb);
        if (!Lit.isComplement(a) && !Lit.isComplement(b)) {
            // (a0 & a1) & (b0 & b1) = 0 when some a_i = ~b_j
            if (a0 == Lit.not(b0) || a0 == Lit.not(b1) || a1 == Lit.not(b0) || a1 == Lit.not(b1)) return Lit.FALSE;
        } else if (Lit.isComplement(a) && Lit.isComplement(b)) {
            // ~(x & y) & ~(x & ~y) = ~x
            if (a0 == b0 && a1 == Lit.not(b1)) return Lit.not(a0);
            if (a1 == b1 && a0 == Lit.not(b0)) return Lit.not(a1);
            if (a0 == b1 && a1 == Lit.not(b0)) return Lit.not(a0);
            if (a1 == b0 && a0 == Lit.not(b1)) return Lit.not(a1);
        }
        return -1;
    }
}
