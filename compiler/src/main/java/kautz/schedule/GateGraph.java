package kautz.schedule;

import kautz.diag.UserError;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

import java.util.Arrays;

/**
 * Read-only side tables over a {@link MappedNetwork} that every scheduler needs: canonical fan-ins, the
 * distinct readers of each node, which nodes are outputs and which gates the outputs need. Constant gates
 * of the same value are merged (one {@code zero} and one {@code one} cell serve the whole network), so
 * schedulers only see canonical nodes.
 */
public final class GateGraph {
    private final MappedNetwork network;
    private final int inputs;
    private final int[] canon;
    private final int[][] fanins;
    private final int[][] readers;
    private final boolean[] output;
    private final boolean[] needed;
    private final int[] neededOrder;
    private final int[] inPlaceSource;
    private final int[][] gateFanins;

    /** The graph of a network as a family executes it (in-place gates overwrite their last fan-in). */
    public GateGraph(MappedNetwork network, GateFamily family) {
        this(network);
        for (int g : neededOrder) {
            if (isConstant(g)) continue;
            GateImpl impl = Emitter.implOf(family, network.gate(g).primitive());
            if (!impl.inPlace()) continue;
            int[] f = fanins[g];
            int q = f[f.length - 1];
            boolean dies = q >= inputs && !isConstant(q) && !output[q] && readers[q].length == 1
                    && Arrays.stream(f).filter(x -> x == q).count() == 1;
            if (!dies) {
                throw new UserError("gate " + g + " (" + network.gate(g).primitive().name() + ") of " + network.name()
                        + " would overwrite node " + q + " in place, which is still needed; map without in-place gates for this network");
            }
            inPlaceSource[g] = q;
        }
    }

    public GateGraph(MappedNetwork network) {
        this.network = network;
        this.inputs = network.numInputs();
        int n = network.numNodes();
        canon = new int[n];
        inPlaceSource = new int[n];
        Arrays.fill(inPlaceSource, -1);
        int[] constantOf = {-1, -1};
        for (int v = 0; v < n; v++) {
            canon[v] = v;
            if (v < inputs) continue;
            Primitive p = network.gate(v).primitive();
            if (p.isConstant()) {
                int value = (int) (p.truthTable() & 1);
                if (constantOf[value] < 0) constantOf[value] = v;
                canon[v] = constantOf[value];
            }
        }
        fanins = new int[n][];
        int[] readerCount = new int[n];
        for (int v = 0; v < n; v++) {
            if (v < inputs) { fanins[v] = new int[0]; continue; }
            var f = network.gate(v).fanins();
            int[] c = new int[f.length()];
            for (int i = 0; i < c.length; i++) c[i] = canon[f.get(i)];
            fanins[v] = c;
            if (canon[v] != v) continue;
            for (int u : distinct(c)) readerCount[u]++;
        }
        readers = new int[n][];
        for (int v = 0; v < n; v++) readers[v] = new int[readerCount[v]];
        int[] fill = new int[n];
        for (int v = inputs; v < n; v++) {
            if (canon[v] != v) continue;
            for (int u : distinct(fanins[v])) readers[u][fill[u]++] = v;
        }
        gateFanins = new int[n][];
        for (int v = 0; v < n; v++) gateFanins[v] = Arrays.stream(fanins[v]).filter(f -> f >= inputs).distinct().toArray();
        output = new boolean[n];
        for (int i = 0; i < network.numOutputs(); i++) output[canon[network.outputNodes().get(i)]] = true;
        needed = new boolean[n];
        for (int v = n - 1; v >= 0; v--) {
            if (output[v]) needed[v] = true;
            if (needed[v]) for (int u : fanins[v]) needed[u] = true;
        }
        neededOrder = java.util.stream.IntStream.range(inputs, n).filter(v -> needed[v] && canon[v] == v).toArray();
    }

    private static int[] distinct(int[] a) {
        if (a.length <= 1) return a;
        return Arrays.stream(a).distinct().toArray();
    }

    public MappedNetwork network() { return network; }
    public int inputs() { return inputs; }
    public int nodes() { return canon.length; }
    public boolean isInput(int node) { return node < inputs; }
    /** The node that stands for {@code node}: itself, or the first constant gate of the same value. */
    public int canon(int node) { return canon[node]; }
    public boolean isCanonical(int node) { return canon[node] == node; }
    /** Canonical fan-ins in the primitive's input order (repeats kept). Do not modify. */
    public int[] fanins(int node) { return fanins[node]; }
    /** The distinct canonical gates that read {@code node}, in topological order. Do not modify. */
    public int[] readers(int node) { return readers[node]; }
    /** Whether the (canonical) node is read as an output: its value must survive to the end. */
    public boolean isOutput(int node) { return output[node]; }
    /** Whether some output depends on the (canonical) node. */
    public boolean isNeeded(int node) { return needed[node]; }
    public boolean isConstant(int node) { return node >= inputs && network.gate(node).primitive().isConstant(); }
    /** The constant value of a constant gate. */
    public int constantValue(int node) { return (int) (network.gate(node).primitive().truthTable() & 1); }
    /** The canonical gates the outputs need, in topological order: what a scheduler must compute. */
    public int[] neededGates() { return neededOrder.clone(); }
    /** For a gate executed in place, the fan-in whose cell it overwrites (that value dies there); else -1. */
    public int inPlaceSource(int node) { return inPlaceSource[node]; }

    /** The distinct gate (non-input) fan-ins of {@code node}. Do not modify. */
    public int[] distinctGateFanins(int node) {
        return gateFanins[node];
    }

    /** For each gate, how many distinct gates of {@code order} read it: a value dies when this reaches 0. */
    public int[] pendingReaders(int[] order) {
        int[] pending = new int[canon.length];
        for (int g : order) for (int f : gateFanins[g]) pending[f]++;
        return pending;
    }

    /** The canonical output node of output {@code i}. */
    public int outputNode(int i) { return canon[network.outputNodes().get(i)]; }
}
