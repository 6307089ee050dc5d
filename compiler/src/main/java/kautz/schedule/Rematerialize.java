package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trades cycles for cells: a small gate cone whose leaves are all inputs can be computed again at any time
 * without keeping anything alive in between (inputs never leave their cells). Giving every reader of such
 * a cone its own copy, computed just before it, removes the cone's long-lived values from the row.
 */
final class Rematerialize {
    private Rematerialize() {}

    /**
     * The network where every gate whose input-only cone has at most {@code maxCone} gates is copied for
     * each reader (the original kept only when it is an output); null if no gate is shared that way.
     */
    static MappedNetwork inputCones(MappedNetwork net, int maxCone) {
        int inputs = net.numInputs();
        int n = net.numNodes();
        int[] cone = new int[n]; // gates in the input-only cone, 0 if a leaf is not an input
        int[] readers = new int[n];
        for (int v = inputs; v < n; v++) {
            MappedNetwork.Gate g = net.gate(v);
            int size = g.primitive().isConstant() ? 0 : 1;
            for (int i = 0; i < g.fanins().length() && size > 0; i++) {
                int u = g.fanins().get(i);
                readers[u]++;
                if (u >= inputs) size = cone[u] == 0 ? 0 : size + cone[u];
            }
            // an in-place gate overwriting an input (--consume-inputs) must stay one gate: copies would overwrite it again
            boolean consumesInput = g.primitive().equals(Primitives.IMP2) && g.fanins().get(1) < inputs;
            cone[v] = size <= maxCone && !consumesInput ? size : 0;
        }
        boolean shared = false;
        for (int v = inputs; v < n; v++) shared |= cone[v] > 0 && readers[v] > 1;
        if (!shared) return null;
        boolean[] isOutput = new boolean[n];
        for (int i = 0; i < net.numOutputs(); i++) isOutput[net.outputNodes().get(i)] = true;
        List<MappedNetwork.Gate> gates = new ArrayList<>();
        int[] newId = new int[n];
        for (int i = 0; i < inputs; i++) newId[i] = i;
        for (int v = inputs; v < n; v++) {
            if (cone[v] > 0 && !isOutput[v]) { newId[v] = -1; continue; } // only its copies are computed
            Map<Integer, Integer> copies = new HashMap<>();
            newId[v] = copy(net, v, cone, newId, gates, copies, true);
        }
        int[] outs = new int[net.numOutputs()];
        for (int i = 0; i < outs.length; i++) outs[i] = newId[net.outputNodes().get(i)];
        return new MappedNetwork(net.name(), net.inputNames(), ImmutableList.copyOf(gates), net.outputNames(), ImmutableIntArray.copyOf(outs));
    }

    /** Emits gate v (fresh copies of its recomputable fan-ins first) and returns its new id. */
    private static int copy(MappedNetwork net, int v, int[] cone, int[] newId, List<MappedNetwork.Gate> gates,
                            Map<Integer, Integer> copies, boolean root) {
        MappedNetwork.Gate g = net.gate(v);
        int[] f = new int[g.fanins().length()];
        for (int i = 0; i < f.length; i++) {
            int u = g.fanins().get(i);
            if (u < net.numInputs()) f[i] = u;
            else if (cone[u] > 0) {
                Integer c = copies.get(u);
                f[i] = c != null ? c : copy(net, u, cone, newId, gates, copies, false);
            } else f[i] = newId[u];
        }
        gates.add(new MappedNetwork.Gate(g.primitive(), ImmutableIntArray.copyOf(f)));
        int id = net.numInputs() + gates.size() - 1;
        if (!root) copies.put(v, id);
        return id;
    }
}
