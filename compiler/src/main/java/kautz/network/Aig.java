package kautz.network;

import com.google.common.collect.ImmutableList;

import java.util.Arrays;

/**
 * An immutable and-inverter graph with complemented edges: Kautz's logic network.
 *
 * <p>Node 0 is constant false, nodes {@code 1..I} are the primary inputs, and every later node is a
 * two-input AND whose fan-ins are literals (see {@link Lit}) of earlier nodes, so node order is a
 * topological order. Outputs are literals. Inputs and outputs carry bit-level names; a vector port
 * {@code a} of width N appears as {@code a[0]..a[N-1]} (see {@code kautz.ports.Ports}).
 *
 * <p>Build one with {@link AigBuilder}, which hash-conses and propagates constants. Data about nodes
 * (levels, fan-out counts, cells) belongs in side tables indexed by node, never here.
 */
public final class Aig {
    private final int numInputs;
    private final int[] fanin0;   // per node; -1 for the constant and the inputs
    private final int[] fanin1;
    private final int[] outputs;
    private final ImmutableList<String> inputNames;
    private final ImmutableList<String> outputNames;

    Aig(int numInputs, int[] fanin0, int[] fanin1, int[] outputs,
        ImmutableList<String> inputNames, ImmutableList<String> outputNames) {
        this.numInputs = numInputs;
        this.fanin0 = fanin0;
        this.fanin1 = fanin1;
        this.outputs = outputs;
        this.inputNames = inputNames;
        this.outputNames = outputNames;
    }

    /** Number of nodes: the constant, the inputs and the ANDs. */
    public int size() { return fanin0.length; }
    public int numInputs() { return numInputs; }
    public int numOutputs() { return outputs.length; }
    public int numAnds() { return fanin0.length - 1 - numInputs; }

    public boolean isConstant(int node) { return node == 0; }
    public boolean isInput(int node) { return node >= 1 && node <= numInputs; }
    public boolean isAnd(int node) { return node > numInputs; }
    /** The first AND node; ANDs are {@code firstAnd() .. size()-1}. */
    public int firstAnd() { return numInputs + 1; }

    /** Literal of primary input {@code i} (0-based). */
    public int input(int i) { return Lit.of(i + 1, false); }
    /** Index of an input node among the inputs (0-based). */
    public int inputIndex(int node) { return node - 1; }
    public int fanin0(int node) { return fanin0[node]; }
    public int fanin1(int node) { return fanin1[node]; }
    public int output(int i) { return outputs[i]; }
    public int[] outputs() { return outputs.clone(); }

    public String inputName(int i) { return inputNames.get(i); }
    public String outputName(int i) { return outputNames.get(i); }
    public ImmutableList<String> inputNames() { return inputNames; }
    public ImmutableList<String> outputNames() { return outputNames; }

    /** Logic level of each node (inputs and constant 0, an AND one more than its deeper fan-in). */
    public int[] levels() {
        int[] level = new int[size()];
        for (int n = firstAnd(); n < size(); n++) {
            level[n] = 1 + Math.max(level[Lit.node(fanin0[n])], level[Lit.node(fanin1[n])]);
        }
        return level;
    }

    /** Depth: the largest level among the outputs' nodes. */
    public int depth() {
        int[] level = levels();
        int d = 0;
        for (int o : outputs) d = Math.max(d, level[Lit.node(o)]);
        return d;
    }

    /** How many AND fan-ins and outputs refer to each node. */
    public int[] fanoutCounts() {
        int[] count = new int[size()];
        for (int n = firstAnd(); n < size(); n++) {
            count[Lit.node(fanin0[n])]++;
            count[Lit.node(fanin1[n])]++;
        }
        for (int o : outputs) count[Lit.node(o)]++;
        return count;
    }

    @Override
    public String toString() {
        return "Aig[inputs=" + numInputs + ", outputs=" + outputs.length + ", ands=" + numAnds() + "]";
    }

    /** Structural equality (same nodes in the same order, same outputs and names). */
    public boolean sameStructure(Aig o) {
        return numInputs == o.numInputs && Arrays.equals(fanin0, o.fanin0) && Arrays.equals(fanin1, o.fanin1)
                && Arrays.equals(outputs, o.outputs) && inputNames.equals(o.inputNames)
                && outputNames.equals(o.outputNames);
    }
}
