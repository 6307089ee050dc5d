package kautz.netlist;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import kautz.diag.UserError;
import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The netlist as the text readers (BLIF, .bench, Verilog) collect it: named signals, each an input or
 * defined once by a gate over other named signals, in any order. {@link #toDesign} puts the definitions in
 * topological order (reporting undefined signals and combinational cycles at their line), strashes them
 * into an {@link Aig} and, when every gate is a mapped primitive, keeps the netlist gate for gate.
 */
final class NetlistGraph {
    /** How a gate becomes AIG logic from the literals of its fan-ins. */
    @FunctionalInterface
    interface Logic {
        int build(AigBuilder b, int[] in);
    }

    /** A gate's role in the mapped form: a primitive, a wire (a buffer, removed) or none (not mappable). */
    record Mapping(Primitive primitive, boolean wire) {
        static final Mapping NONE = new Mapping(null, false);
        static final Mapping WIRE = new Mapping(null, true);
        static Mapping of(Primitive p) { return new Mapping(p, false); }
    }

    private record Def(int[] fanins, Logic logic, Mapping mapping, int line) {}

    private record Output(String name, int signal, int line) {}

    private final String file;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Def> defs = new ArrayList<>();       // per signal id; null when not (yet) defined
    private final List<Integer> firstUse = new ArrayList<>(); // line of first reference, per signal
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();
    private final TreeMap<String, Integer> cellCounts = new TreeMap<>();
    private boolean[] isInput = new boolean[16];

    NetlistGraph(String file) { this.file = file; }

    String file() { return file; }

    /** The id of a signal name, created on first mention (at {@code line}). */
    int signal(String name, int line) {
        Integer id = ids.get(name);
        if (id != null) return id;
        int n = names.size();
        ids.put(name, n);
        names.add(name);
        defs.add(null);
        firstUse.add(line);
        return n;
    }

    boolean isKnown(String name) { return ids.containsKey(name); }

    boolean isDefined(String name) {
        Integer id = ids.get(name);
        return id != null && (defs.get(id) != null || isInputId(id));
    }

    void addInput(String name, int line) {
        int id = signal(name, line);
        if (isInputId(id)) throw error(line, "input '" + name + "' is declared twice");
        if (defs.get(id) != null) throw error(line, "'" + name + "' is an input but is also driven at line " + defs.get(id).line());
        if (id >= isInput.length) isInput = Arrays.copyOf(isInput, Math.max(id + 1, isInput.length * 2));
        isInput[id] = true;
        inputs.add(id);
    }

    void addOutput(String name, int line) {
        for (Output o : outputs) {
            if (o.name().equals(name)) throw error(line, "output '" + name + "' is declared twice");
        }
        outputs.add(new Output(name, signal(name, line), line));
    }

    int numInputs() { return inputs.size(); }
    int numOutputs() { return outputs.size(); }

    /** Defines {@code name} as a gate over {@code fanins}; a second definition is an error. */
    void define(String name, int[] fanins, Logic logic, Mapping mapping, int line) {
        int id = signal(name, line);
        if (isInputId(id)) throw error(line, "'" + name + "' is an input and cannot be driven by a gate");
        Def old = defs.get(id);
        if (old != null) throw error(line, "'" + name + "' is driven twice (first at line " + old.line() + ")");
        defs.set(id, new Def(fanins.clone(), logic, mapping, line));
    }

    /** Counts a cell instance by its type, as written in the file. */
    void countCell(String type) { cellCounts.merge(type, 1, Integer::sum); }

    private boolean isInputId(int id) { return id < isInput.length && isInput[id]; }

    UserError error(int line, String message) {
        return new UserError(file + ":" + line + ": " + message);
    }

    /**
     * Orders every definition after its fan-ins (iteratively: netlists can be deep). Reports an undefined
     * signal at the line that first uses it and a cycle at a line on it.
     */
    private int[] topologicalOrder() {
        int n = names.size();
        byte[] state = new byte[n]; // 0 new, 1 on stack, 2 done
        int[] order = new int[n];
        int count = 0;
        int[] stack = new int[n + 1];
        int[] next = new int[n + 1];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) continue;
            int sp = 0;
            stack[0] = root;
            next[0] = 0;
            state[root] = 1;
            while (sp >= 0) {
                int s = stack[sp];
                Def d = defs.get(s);
                if (d == null && !isInputId(s)) {
                    throw error(firstUse.get(s), "signal '" + names.get(s) + "' is used but never defined");
                }
                if (d != null && next[sp] < d.fanins().length) {
                    int f = d.fanins()[next[sp]++];
                    if (state[f] == 1) {
                        throw error(d.line(), "combinational cycle through '" + names.get(f) + "' and '" + names.get(s) + "'");
                    }
                    if (state[f] == 0) {
                        state[f] = 1;
                        sp++;
                        stack[sp] = f;
                        next[sp] = 0;
                    }
                    continue;
                }
                state[s] = 2;
                order[count++] = s;
                sp--;
            }
        }
        return order;
    }

    /** Builds the design: the strashed cone of the outputs and, if every gate maps, the netlist as mapped. */
    Design toDesign(String name) {
        int[] order = topologicalOrder();
        int n = names.size();
        // The AIG takes only the outputs' cone, so dangling gates do not count as logic.
        boolean[] needed = new boolean[n];
        for (Output o : outputs) needed[o.signal()] = true;
        for (int k = order.length - 1; k >= 0; k--) {
            int s = order[k];
            Def d = defs.get(s);
            if (needed[s] && d != null) for (int f : d.fanins()) needed[f] = true;
        }
        AigBuilder b = new AigBuilder();
        int[] lit = new int[n];
        for (int i = 0; i < inputs.size(); i++) lit[inputs.get(i)] = b.addInput(names.get(inputs.get(i)));
        for (int s : order) {
            Def d = defs.get(s);
            if (d == null || !needed[s]) continue;
            int[] in = new int[d.fanins().length];
            for (int k = 0; k < in.length; k++) in[k] = lit[d.fanins()[k]];
            lit[s] = d.logic().build(b, in);
        }
        for (Output o : outputs) b.addOutput(o.name(), lit[o.signal()]);
        Aig aig = b.build();
        return new Design(name, aig, asMapped(name, order), ImmutableSortedMap.copyOf(cellCounts));
    }

    private Optional<MappedNetwork> asMapped(String name, int[] order) {
        if (cellCounts.isEmpty()) return Optional.empty();
        for (Def d : defs) {
            if (d != null && d.mapping().primitive() == null && !d.mapping().wire()) return Optional.empty();
        }
        int[] node = new int[names.size()];
        ImmutableList.Builder<String> inputNames = ImmutableList.builder();
        for (int i = 0; i < inputs.size(); i++) {
            node[inputs.get(i)] = i;
            inputNames.add(names.get(inputs.get(i)));
        }
        ImmutableList.Builder<MappedNetwork.Gate> gates = ImmutableList.builder();
        int next = inputs.size();
        for (int s : order) {
            Def d = defs.get(s);
            if (d == null) continue;
            if (d.mapping().wire()) {
                node[s] = node[d.fanins()[0]]; // a buffer is a wire: its output is its input's node
                continue;
            }
            ImmutableIntArray.Builder fanins = ImmutableIntArray.builder(d.fanins().length);
            for (int f : d.fanins()) fanins.add(node[f]);
            gates.add(new MappedNetwork.Gate(d.mapping().primitive(), fanins.build()));
            node[s] = next++;
        }
        ImmutableList.Builder<String> outputNames = ImmutableList.builder();
        ImmutableIntArray.Builder outputNodes = ImmutableIntArray.builder();
        for (Output o : outputs) {
            outputNames.add(o.name());
            outputNodes.add(node[o.signal()]);
        }
        return Optional.of(new MappedNetwork(name, inputNames.build(), gates.build(), outputNames.build(), outputNodes.build()));
    }

    /** AIG logic of a primitive's truth table as a sum of minterms (for cells without a dedicated form). */
    static Logic logicOf(Primitive p) {
        return (b, in) -> {
            int result = Lit.FALSE;
            for (int m = 0; m < 1 << p.arity(); m++) {
                if ((p.truthTable() >>> m & 1) == 0) continue;
                int term = Lit.TRUE;
                for (int i = 0; i < p.arity(); i++) term = b.and(term, Lit.notIf(in[i], (m >>> i & 1) == 0));
                result = b.or(result, term);
            }
            return result;
        };
    }
}
