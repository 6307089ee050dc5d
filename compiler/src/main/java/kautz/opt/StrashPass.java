package kautz.opt;

import kautz.network.Aig;

import java.util.List;
import java.util.Map;

/** Structural hashing: rebuilds the network so structurally equal ANDs merge and constants propagate. */
public record StrashPass() implements Pass {
    public static final PassInfo INFO = new PassInfo("strash",
            "structural hashing: merge structurally equal ANDs, propagate constants, drop dangling nodes",
            """
            Rebuilds the network node by node through a hash table keyed on the (ordered) fan-in pair, so two
            ANDs of the same literals become one; applies x&0 = 0, x&1 = x, x&x = x, x&~x = 0; keeps only
            the outputs' cones.""",
            List.of(), opts -> new StrashPass());

    @Override public String name() { return INFO.name(); }
    @Override public Map<String, String> options() { return Map.of(); }

    @Override
    public Result runTracked(Aig aig) {
        Strash s = new Strash(aig.numInputs(), aig.numAnds());
        int[] map = Strash.copyInto(s, aig);
        return s.result(Strash.outputs(aig, map), aig, map);
    }
}
