package kautz.mapped;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;

/**
 * A gate-level network whose gates are primitives of a gate family: what technology mapping produces and
 * what schedulers consume. Also how a netlist such as the ABC NOR2/INV1 files is kept "as mapped", gate
 * for gate, so a scheduler can be compared with SIMPLER on exactly SIMPLER's netlists.
 *
 * <p>Nodes {@code 0..I-1} are the primary inputs; node {@code I+g} is gate {@code g}. Gates are in
 * topological order and their fan-ins are node ids (no complemented edges: inverters are explicit gates;
 * buffers are removed by the reader). An output is a node id: a gate, an input or a constant gate.
 */
public record MappedNetwork(String name, ImmutableList<String> inputNames, ImmutableList<Gate> gates,
                            ImmutableList<String> outputNames, ImmutableIntArray outputNodes) {

    /** One gate: its primitive and its fan-in node ids, in the primitive's input order. */
    public record Gate(Primitive primitive, ImmutableIntArray fanins) {
        public Gate {
            if (fanins.length() != primitive.arity()) {
                throw new IllegalArgumentException(primitive.name() + " needs " + primitive.arity() + " fan-ins, got " + fanins.length());
            }
        }
    }

    public MappedNetwork {
        if (outputNames.size() != outputNodes.length()) throw new IllegalArgumentException("output names and nodes differ in number");
        int inputs = inputNames.size();
        for (int g = 0; g < gates.size(); g++) {
            ImmutableIntArray f = gates.get(g).fanins();
            for (int i = 0; i < f.length(); i++) {
                if (f.get(i) < 0 || f.get(i) >= inputs + g) {
                    throw new IllegalArgumentException("gate " + g + " reads node " + f.get(i) + ", which is not earlier");
                }
            }
        }
        for (int i = 0; i < outputNodes.length(); i++) {
            if (outputNodes.get(i) < 0 || outputNodes.get(i) >= inputs + gates.size()) {
                throw new IllegalArgumentException("output " + outputNames.get(i) + " refers to a missing node");
            }
        }
    }

    public int numInputs() { return inputNames.size(); }
    public int numOutputs() { return outputNodes.length(); }
    public int numNodes() { return inputNames.size() + gates.size(); }
    public boolean isInput(int node) { return node < inputNames.size(); }
    public Gate gate(int node) { return gates.get(node - inputNames.size()); }

    /** Simulates 64 rows per word: {@code inputs[i][w]} in, {@code out[o][w]} out. */
    public long[][] simulate(long[][] inputs) {
        if (inputs.length != numInputs()) throw new IllegalArgumentException("expected " + numInputs() + " inputs, got " + inputs.length);
        int words = inputs.length == 0 ? 1 : inputs[0].length;
        long[][] out = new long[numOutputs()][words];
        long[] value = new long[numNodes()];
        long[] args = new long[6];
        for (int w = 0; w < words; w++) {
            for (int i = 0; i < numInputs(); i++) value[i] = inputs[i][w];
            for (int g = 0; g < gates.size(); g++) {
                Gate gate = gates.get(g);
                for (int k = 0; k < gate.fanins().length(); k++) args[k] = value[gate.fanins().get(k)];
                value[numInputs() + g] = gate.primitive().eval(args);
            }
            for (int o = 0; o < numOutputs(); o++) out[o][w] = value[outputNodes.get(o)];
        }
        return out;
    }
}
