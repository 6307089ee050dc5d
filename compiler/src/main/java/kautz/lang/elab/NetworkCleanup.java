package kautz.lang.elab;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.List;

/**
 * The final network of a kernel: only the kept inputs (parameters and the mem cells actually sensed) and
 * only the ANDs the outputs depend on. Elaboration leaves dead logic behind (overwritten values, untaken
 * comparisons), which would otherwise inflate every later stage.
 */
final class NetworkCleanup {
    private NetworkCleanup() {}

    static Aig copy(AigBuilder elaborated, boolean[] keepInput, List<String> outputNames, List<Integer> outputs) {
        Aig src = elaborated.build();
        boolean[] live = new boolean[src.size()];
        for (int o : outputs) live[Lit.node(o)] = true;
        for (int n = src.size() - 1; n >= src.firstAnd(); n--) {
            if (!live[n]) continue;
            live[Lit.node(src.fanin0(n))] = true;
            live[Lit.node(src.fanin1(n))] = true;
        }
        AigBuilder b = new AigBuilder(Limits.MAX_NODES);
        int[] map = new int[src.size()];
        for (int i = 0; i < src.numInputs(); i++) {
            if (keepInput[i]) map[i + 1] = b.addInput(src.inputName(i));
            else if (live[i + 1]) throw new IllegalStateException("a dropped input is used: " + src.inputName(i));
        }
        for (int n = src.firstAnd(); n < src.size(); n++) {
            if (live[n]) map[n] = b.and(lit(map, src.fanin0(n)), lit(map, src.fanin1(n)));
        }
        for (int i = 0; i < outputs.size(); i++) b.addOutput(outputNames.get(i), lit(map, outputs.get(i)));
        return b.build();
    }

    private static int lit(int[] map, int lit) { return Lit.notIf(map[Lit.node(lit)], Lit.isComplement(lit)); }
}
