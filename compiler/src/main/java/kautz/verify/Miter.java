package kautz.verify;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two networks over shared inputs in one structurally hashed graph: inputs are matched by name (the union
 * of both sides; a name only one side has is simply unconstrained), outputs by name. Identical logic on
 * both sides hashes to the same nodes, so many output pairs are equal literals before any proof.
 *
 * @param aig         the combined graph; its outputs are {@code left[0], right[0], left[1], right[1], …}
 * @param outputNames the matched output names, in the left network's order
 * @param firstRightNode the first node created while copying the right network: nodes before it are the
 *                    left network's, later ones are right logic that did not hash onto left logic
 * @param leftNodes   for each node of the left network, its literal in {@code aig} (not to be modified)
 * @param rightNodes  the same for the right network
 */
public record Miter(Aig aig, ImmutableList<String> outputNames, int firstRightNode, int[] leftNodes, int[] rightNodes) {
    public int left(int i) { return aig.output(2 * i); }
    public int right(int i) { return aig.output(2 * i + 1); }
    public int pairs() { return outputNames.size(); }

    /** @param leftName and {@code rightName} name the two sides in error messages */
    public static Miter of(Aig left, Aig right, String leftName, String rightName) {
        Map<String, Integer> rightOut = uniqueNames(right.outputNames(), rightName, "output");
        uniqueNames(left.outputNames(), leftName, "output");
        uniqueNames(left.inputNames(), leftName, "input");
        uniqueNames(right.inputNames(), rightName, "input");
        for (String n : left.outputNames()) {
            if (!rightOut.containsKey(n)) throw new UserError(rightName + " has no output '" + n + "' (" + leftName + " has it)");
        }
        if (right.numOutputs() != left.numOutputs()) {
            for (String n : right.outputNames()) {
                if (!left.outputNames().contains(n)) throw new UserError(leftName + " has no output '" + n + "' (" + rightName + " has it)");
            }
        }
        Map<String, Integer> inputs = new LinkedHashMap<>();
        for (String n : left.inputNames()) inputs.put(n, inputs.size());
        for (String n : right.inputNames()) inputs.putIfAbsent(n, inputs.size());
        AigBuilder b = new AigBuilder();
        for (String n : inputs.keySet()) b.addInput(n);
        int[] l = copy(left, b, inputs);
        int firstRight = b.size();
        int[] r = copy(right, b, inputs);
        for (int i = 0; i < left.numOutputs(); i++) {
            String n = left.outputName(i);
            b.addOutput(n, lit(l, left.output(i)));
            b.addOutput(n, lit(r, right.output(rightOut.get(n))));
        }
        return new Miter(b.build(), left.outputNames(), firstRight, l, r);
    }

    /** Copies {@code g} into {@code b}; returns each node's literal there. */
    private static int[] copy(Aig g, AigBuilder b, Map<String, Integer> inputs) {
        int[] map = new int[g.size()];
        map[0] = Lit.FALSE;
        for (int i = 0; i < g.numInputs(); i++) map[i + 1] = b.input(inputs.get(g.inputName(i)));
        for (int n = g.firstAnd(); n < g.size(); n++) map[n] = b.and(lit(map, g.fanin0(n)), lit(map, g.fanin1(n)));
        return map;
    }

    static int lit(int[] map, int lit) { return Lit.notIf(map[Lit.node(lit)], Lit.isComplement(lit)); }

    private static Map<String, Integer> uniqueNames(List<String> names, String side, String what) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (m.put(names.get(i), i) != null) {
                throw new UserError(side + ": " + what + " name '" + names.get(i) + "' occurs twice, so " + what + "s cannot be matched by name");
            }
        }
        return m;
    }
}
