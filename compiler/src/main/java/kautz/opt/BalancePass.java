package kautz.opt;

import kautz.network.Aig;
import kautz.network.Lit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Depth balancing (after ABC's {@code balance}): every maximal multi-input AND (a tree of ANDs joined by
 * plain, single-fan-out edges) is collected into its set of leaves and rebuilt as a tree that always
 * joins the two shallowest operands first, which minimises the depth of that AND given its leaves'
 * depths. Nodes with several fan-outs or complemented fan-outs stay, so no logic is duplicated.
 */
public record BalancePass() implements Pass {
    public static final PassInfo INFO = new PassInfo("balance",
            "reduce depth: rebuild multi-input ANDs as trees joining the shallowest operands first",
            """
            Collects each supergate (an AND whose plain, single-fan-out AND fan-ins are merged into it,
            recursively) and re-associates it by increasing level, like Huffman coding. Duplicate leaves
            merge; a leaf together with its complement makes the supergate 0. Does not duplicate logic.""",
            List.of(), opts -> new BalancePass());

    @Override public String name() { return INFO.name(); }
    @Override public Map<String, String> options() { return Map.of(); }

    @Override
    public Result runTracked(Aig aig) {
        int size = aig.size();
        // internal: exactly one reference, a plain (uncomplemented) AND fan-in; such nodes merge into their fan-out
        int[] fanout = aig.fanoutCounts();
        boolean[] plainRef = new boolean[size];
        for (int n = aig.firstAnd(); n < size; n++) {
            if (!Lit.isComplement(aig.fanin0(n))) plainRef[Lit.node(aig.fanin0(n))] = true;
            if (!Lit.isComplement(aig.fanin1(n))) plainRef[Lit.node(aig.fanin1(n))] = true;
        }
        boolean[] internal = new boolean[size];
        for (int n = aig.firstAnd(); n < size; n++) internal[n] = fanout[n] == 1 && plainRef[n];
        for (int o = 0; o < aig.numOutputs(); o++) internal[Lit.node(aig.output(o))] = false;

        Strash s = new Strash(aig.numInputs(), aig.numAnds());
        int[] map = new int[size];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = s.input(i);
        int[] stack = new int[64];
        int[] leaves = new int[64];
        for (int n = aig.firstAnd(); n < size; n++) {
            if (internal[n]) { // merged into its supergate's new tree, which need not compute it anywhere
                map[n] = -1;
                continue;
            }
            // collect the supergate's leaves (as new-network literals)
            int sp = 0, nl = 0;
            stack[sp++] = n;
            while (sp > 0) {
                int x = stack[--sp];
                for (int k = 0; k < 2; k++) {
                    int f = k == 0 ? aig.fanin0(x) : aig.fanin1(x);
                    int m = Lit.node(f);
                    if (!Lit.isComplement(f) && aig.isAnd(m) && internal[m]) {
                        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                        stack[sp++] = m;
                    } else {
                        if (nl == leaves.length) leaves = Arrays.copyOf(leaves, nl * 2);
                        leaves[nl++] = Strash.lit(map, f);
                    }
                }
            }
            map[n] = balancedAnd(s, leaves, nl);
        }
        Result result = s.result(Strash.outputs(aig, map), aig, map);
        return result.network().depth() <= aig.depth() ? result : Result.unchanged(aig);
    }

    /** AND of the leaves joining the two shallowest first; duplicates merge, x with ~x gives 0. */
    private static int balancedAnd(Strash s, int[] leaves, int n) {
        int[] l = Arrays.copyOf(leaves, n);
        Arrays.sort(l);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (l[i] == Lit.FALSE) return Lit.FALSE;
            if (l[i] == Lit.TRUE) continue;
            if (k > 0 && l[k - 1] == l[i]) continue;
            if (k > 0 && l[k - 1] == Lit.not(l[i])) return Lit.FALSE;
            l[k++] = l[i];
        }
        if (k == 0) return Lit.TRUE;
        // pack (level, literal) into a long so the queue orders by level, then by literal for determinism
        PriorityQueue<Long> q = new PriorityQueue<>(k);
        for (int i = 0; i < k; i++) q.add((long) s.level(l[i]) << 32 | l[i]);
        while (q.size() > 1) {
            int a = (int) (long) q.poll(), b = (int) (long) q.poll();
            int r = s.and(a, b);
            q.add((long) s.level(r) << 32 | r);
        }
        return (int) (long) q.poll();
    }
}
