package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.List;
import java.util.Map;

/** Removes dangling ANDs (those no output depends on), keeping every other node in its order. */
public record CleanupPass() implements Pass {
    public static final PassInfo INFO = new PassInfo("cleanup",
            "remove ANDs that no output depends on",
            """
            Marks the transitive fan-in of the outputs and copies only those nodes, in their original order.
            Inputs are kept even when unused, so the interface never changes.""",
            List.of(), opts -> new CleanupPass());

    @Override public String name() { return INFO.name(); }
    @Override public Map<String, String> options() { return Map.of(); }

    @Override
    public Result runTracked(Aig aig) {
        boolean[] needed = new boolean[aig.size()];
        for (int o = 0; o < aig.numOutputs(); o++) needed[Lit.node(aig.output(o))] = true;
        for (int n = aig.size() - 1; n >= aig.firstAnd(); n--) {
            if (!needed[n]) continue;
            needed[Lit.node(aig.fanin0(n))] = true;
            needed[Lit.node(aig.fanin1(n))] = true;
        }
        AigBuilder b = new AigBuilder();
        int[] map = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = b.addInput(aig.inputName(i));
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            map[n] = needed[n] ? b.and(Strash.lit(map, aig.fanin0(n)), Strash.lit(map, aig.fanin1(n))) : -1;
        }
        for (int o = 0; o < aig.numOutputs(); o++) b.addOutput(aig.outputName(o), Strash.lit(map, aig.output(o)));
        return new Result(b.build(), map);
    }
}
