package kautz.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link MappedNetwork} gate by gate, hash-consing: asking twice for the same primitive on the same
 * fan-ins returns the first gate, so circuits chosen for different nodes share their common gates.
 */
public final class MappedBuilder {
    private final List<String> inputNames;
    private final List<MappedNetwork.Gate> gates = new ArrayList<>();
    /** Per gate: the literal of the mapped-from network it computes, or {@link RootedMapping#NONE}. */
    private final List<Integer> roots = new ArrayList<>();
    private final Map<MappedNetwork.Gate, Integer> existing = new HashMap<>();
    private final Map<Primitive, Boolean> symmetric = new HashMap<>();
    private final List<String> outputNames = new ArrayList<>();
    private final List<Integer> outputNodes = new ArrayList<>();

    public MappedBuilder(List<String> inputNames) {
        this.inputNames = List.copyOf(inputNames);
    }

    public int numInputs() { return inputNames.size(); }

    /** Node id of a gate of {@code p} on {@code fanins} (node ids), creating it if new. */
    public int gate(Primitive p, int... fanins) {
        for (int f : fanins) {
            if (f < 0 || f >= inputNames.size() + gates.size()) throw new IllegalArgumentException("fan-in " + f + " does not exist yet");
        }
        int[] f = fanins.clone();
        if (symmetric.computeIfAbsent(p, MappedBuilder::isSymmetric)) java.util.Arrays.sort(f);
        MappedNetwork.Gate g = new MappedNetwork.Gate(p, ImmutableIntArray.copyOf(f));
        Integer old = existing.get(g);
        if (old != null) return old;
        int node = inputNames.size() + gates.size();
        gates.add(g);
        roots.add(RootedMapping.NONE);
        existing.put(g, node);
        return node;
    }

    /**
     * Records that gate node {@code node} computes literal {@code lit} of the network being mapped (its root); the
     * first claim stands (a shared gate computes every literal claimed for it).
     */
    public void claim(int node, int lit) {
        int g = node - inputNames.size();
        if (g >= 0 && lit >= 0 && roots.get(g) == RootedMapping.NONE) roots.set(g, lit);
    }

    public void output(String name, int node) {
        outputNames.add(name);
        outputNodes.add(node);
    }

    /** The network with the gates no output depends on removed. */
    public MappedNetwork build(String name) {
        return buildRooted(name).network();
    }

    /** As {@link #build}, with the claimed roots of the gates kept. */
    public RootedMapping buildRooted(String name) {
        int inputs = inputNames.size();
        boolean[] live = new boolean[inputs + gates.size()];
        for (int o : outputNodes) live[o] = true;
        for (int n = live.length - 1; n >= inputs; n--) {
            if (!live[n]) continue;
            ImmutableIntArray f = gates.get(n - inputs).fanins();
            for (int i = 0; i < f.length(); i++) live[f.get(i)] = true;
        }
        int[] renumber = new int[live.length];
        for (int i = 0; i < inputs; i++) renumber[i] = i;
        ImmutableList.Builder<MappedNetwork.Gate> kept = ImmutableList.builder();
        ImmutableIntArray.Builder keptRoots = ImmutableIntArray.builder(live.length);
        for (int i = 0; i < inputs; i++) keptRoots.add(RootedMapping.NONE);
        int next = inputs;
        for (int n = inputs; n < live.length; n++) {
            if (!live[n]) continue;
            MappedNetwork.Gate g = gates.get(n - inputs);
            int[] f = g.fanins().toArray();
            for (int i = 0; i < f.length; i++) f[i] = renumber[f[i]];
            kept.add(new MappedNetwork.Gate(g.primitive(), ImmutableIntArray.copyOf(f)));
            keptRoots.add(roots.get(n - inputs));
            renumber[n] = next++;
        }
        int[] outs = new int[outputNodes.size()];
        for (int i = 0; i < outs.length; i++) outs[i] = renumber[outputNodes.get(i)];
        return new RootedMapping(new MappedNetwork(name, ImmutableList.copyOf(inputNames), kept.build(),
                ImmutableList.copyOf(outputNames), ImmutableIntArray.copyOf(outs)), keptRoots.build());
    }

    /** True when every permutation of the inputs leaves the function unchanged (adjacent swaps suffice). */
    private static boolean isSymmetric(Primitive p) {
        for (int i = 0; i + 1 < p.arity(); i++) {
            for (int m = 0; m < 1 << p.arity(); m++) {
                int a = m >>> i & 1;
                int b = m >>> (i + 1) & 1;
                int swapped = (m & ~(3 << i)) | (a << (i + 1)) | (b << i);
                if ((p.truthTable() >>> m & 1) != (p.truthTable() >>> swapped & 1)) return false;
            }
        }
        return true;
    }
}
