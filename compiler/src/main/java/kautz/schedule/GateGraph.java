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
    private final int[][] runBefore;
    private boolean hasOrderEdges;

    /** The graph of a network as a family executes it (in-place gates overwrite their last fan-in); inputs stay intact. */
    public GateGraph(MappedNetwork network, GateFamily family) {
        this(network, family, false);
    }

    /**
     * The graph of a network as a family executes it: an in-place gate overwrites its last fan-in q, which
     * must die there. q may have other readers, provided they all come earlier in the network (so they can
     * run first: each becomes an order edge, {@link #runBefore}); q is not an output, not a constant, not
     * read twice by the gate, overwritten by no other gate, and not an input unless {@code consumeInputs}.
     */
    public GateGraph(MappedNetwork network, GateFamily family, boolean consumeInputs) {
        this(network);
        boolean[] consumed = new boolean[canon.length];
        boolean edges = false;
        for (int g : neededOrder) {
            if (isConstant(g)) continue;
            GateImpl impl = Emitter.implOf(family, network.gate(g).primitive());
            if (!impl.inPlace()) continue;
            int[] f = fanins[g];
            int q = f[f.length - 1];
            String why = q < inputs && !consumeInputs ? "an input (inputs stay intact unless --consume-inputs)"
                    : isConstant(q) ? "a constant" : output[q] ? "an output"
                    : consumed[q] ? "overwritten by another gate"
                    : Arrays.stream(f).filter(x -> x == q).count() != 1 ? "read twice by the gate"
                    : Arrays.stream(readers[q]).anyMatch(r -> r > g && needed[r]) ? "read by a later gate" : null;
            if (why != null) {
                throw new UserError("gate " + g + " (" + network.gate(g).primitive().name() + ") of " + network.name()
                        + " would overwrite node " + q + " in place, which is " + why + "; map without in-place gates for this network");
            }
            consumed[q] = true;
            inPlaceSource[g] = q;
            int[] others = Arrays.stream(readers[q]).filter(r -> r != g && needed[r]).toArray();
            runBefore[g] = others;
            edges |= others.length > 0;
        }
        hasOrderEdges = edges;
    }

    public GateGraph(MappedNetwork network) {
        this.network = network;
        this.inputs = network.numInputs();
        int n = network.numNodes();
        canon = new int[n];
        inPlaceSource = new int[n];
        Arrays.fill(inPlaceSource, -1);
        runBefore = new int[n][];
        Arrays.fill(runBefore, new int[0]);
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

    /**
     * The gates that must run before {@code node} besides its fan-ins: for an in-place gate, the other readers
     * of the value it overwrites. Empty for every other gate. Do not modify.
     */
    public int[] runBefore(int node) { return runBefore[node]; }

    /** Whether some in-place gate overwrites a value other gates also read (an order beyond the fan-ins). */
    public boolean hasOrderEdges() { return hasOrderEdges; }

    /**
     * A fan-in-respecting order of gates made to respect {@link #runBefore} too, changing it as little as
     * possible: a topological sort that always takes the ready gate earliest in {@code order}. Returns
     * {@code order} itself when the graph has no order edges.
     */
    public int[] legalOrder(int[] order) {
        if (!hasOrderEdges) return order;
        int n = canon.length;
        int[] pos = new int[n];
        Arrays.fill(pos, -1);
        for (int k = 0; k < order.length; k++) pos[order[k]] = k;
        int[] missing = new int[n];
        int[][] after = new int[n][];
        int[] afterCount = new int[n];
        for (int g : order) {
            for (int f : gateFanins[g]) if (pos[f] >= 0) { missing[g]++; afterCount[f]++; }
            for (int r : runBefore[g]) if (pos[r] >= 0) { missing[g]++; afterCount[r]++; }
        }
        for (int g : order) after[g] = new int[afterCount[g]];
        Arrays.fill(afterCount, 0);
        for (int g : order) {
            for (int f : gateFanins[g]) if (pos[f] >= 0) after[f][afterCount[f]++] = g;
            for (int r : runBefore[g]) if (pos[r] >= 0) after[r][afterCount[r]++] = g;
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>((a, b) -> Integer.compare(pos[a], pos[b]));
        for (int g : order) if (missing[g] == 0) ready.add(g);
        int[] out = new int[order.length];
        int count = 0;
        while (!ready.isEmpty()) {
            int g = ready.poll();
            out[count++] = g;
            for (int s : after[g]) if (--missing[s] == 0) ready.add(s);
        }
        if (count != order.length) throw new IllegalStateException("order edges form a cycle");
        return out;
    }

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
