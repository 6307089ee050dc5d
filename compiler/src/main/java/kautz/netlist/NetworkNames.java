package kautz.netlist;

import kautz.diag.UserError;
import kautz.network.Aig;

import java.util.HashSet;
import java.util.Set;

/**
 * Names for a text writer: inputs and outputs keep theirs; internal AND nodes get {@code <prefix><node>}
 * with a prefix no input or output name starts with, so no name is ever taken twice.
 */
final class NetworkNames {
    private final Aig aig;
    private final String prefix;

    NetworkNames(Aig aig, String writerFormat) {
        this.aig = aig;
        Set<String> inputs = new HashSet<>(aig.inputNames());
        Set<String> outputs = new HashSet<>();
        for (int o = 0; o < aig.numOutputs(); o++) {
            String name = aig.outputName(o);
            if (!outputs.add(name)) throw new UserError("cannot write " + writerFormat + ": output name '" + name + "' appears twice");
            if (inputs.contains(name) && aig.output(o) != aig.input(aig.inputNames().indexOf(name))) {
                throw new UserError("cannot write " + writerFormat + ": output '" + name + "' has the name of an input but another function");
            }
        }
        String p = "n";
        while (startsAny(p)) p = "_" + p;
        this.prefix = p;
    }

    private boolean startsAny(String p) {
        for (String n : aig.inputNames()) if (n.startsWith(p)) return true;
        for (String n : aig.outputNames()) if (n.startsWith(p)) return true;
        return false;
    }

    /** The name of a node: an input's own name, an AND's generated one, or {@code null} for the constant. */
    String node(int node) {
        if (aig.isInput(node)) return aig.inputName(aig.inputIndex(node));
        if (aig.isConstant(node)) return null;
        return prefix + node;
    }

    /** True if output {@code o} is just the input of the same name (nothing to write). */
    boolean outputIsSameNamedInput(int o) {
        int lit = aig.output(o);
        return (lit & 1) == 0 && aig.isInput(lit >> 1) && aig.inputName(aig.inputIndex(lit >> 1)).equals(aig.outputName(o));
    }
}
