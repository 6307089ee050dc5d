package kautz.network;

import com.google.common.collect.ImmutableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Mig}. Each new majority is normalised before it is hashed: fan-ins sorted; the majority
 * axiom Ω.M ({@code maj(x, x, y) = x}, {@code maj(x, ¬x, y) = y}, so constants fold: {@code maj(0, 1, y) = y});
 * and inverter propagation Ω.I ({@code maj(¬x, ¬y, z) = ¬maj(x, y, ¬z)}): a node keeps at most one complemented
 * fan-in and the complement moves to its output, as mockturtle's {@code mig_network::create_maj} does.
 */
public final class MigBuilder {
    private final List<String> inputNames = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();
    private int[] fanins = new int[3 * 1024];
    private int size = 1;
    private int numInputs;
    private final Map<Key, Integer> strash = new HashMap<>();

    private record Key(int a, int b, int c) {}

    public int addInput(String name) {
        if (size != numInputs + 1) throw new IllegalStateException("inputs come before the first majority");
        inputNames.add(name);
        numInputs++;
        grow();
        size++;
        return Lit.of(numInputs, false);
    }

    public int input(int i) { return Lit.of(i + 1, false); }
    public boolean isMaj(int node) { return node > numInputs && node < size; }
    /** Fan-in {@code k} of a majority node built so far. */
    public int fanin(int node, int k) { return fanins[3 * node + k]; }
    public int numInputs() { return numInputs; }
    public int size() { return size; }

    public void addOutput(String name, int lit) {
        if (Lit.node(lit) >= size) throw new IllegalArgumentException("output " + name + " names a node not built");
        outputNames.add(name);
        outputs.add(lit);
    }

    public int and(int a, int b) { return maj(a, b, Lit.FALSE); }
    public int or(int a, int b) { return maj(a, b, Lit.TRUE); }

    /** The majority of three literals, normalised and hashed (see the class comment). */
    public int maj(int a, int b, int c) {
        int[] x = {a, b, c};
        Arrays.sort(x);
        // Ω.M: two equal fan-ins decide; two opposite ones leave the third
        if (x[0] == x[1] || x[1] == x[2]) return x[1];
        if (x[0] == Lit.not(x[1])) return x[2];
        if (x[1] == Lit.not(x[2])) return x[0];
        if (x[0] == Lit.not(x[2])) return x[1];
        boolean flip = Lit.isComplement(x[0]) ? (Lit.isComplement(x[1]) || Lit.isComplement(x[2]))
                : (Lit.isComplement(x[1]) && Lit.isComplement(x[2]));
        // at least two complemented (constant true counts as complemented false): Ω.I
        if (flip) {
            for (int k = 0; k < 3; k++) x[k] = Lit.not(x[k]);
            Arrays.sort(x);
        }
        Key key = new Key(x[0], x[1], x[2]);
        Integer node = strash.get(key);
        if (node == null) {
            grow();
            node = size++;
            fanins[3 * node] = x[0];
            fanins[3 * node + 1] = x[1];
            fanins[3 * node + 2] = x[2];
            strash.put(key, node);
        }
        return Lit.of(node, flip);
    }

    private void grow() {
        if (3 * (size + 1) > fanins.length) fanins = Arrays.copyOf(fanins, fanins.length * 2);
    }

    public Mig build(String name) {
        int[] out = outputs.stream().mapToInt(Integer::intValue).toArray();
        return new Mig(name, numInputs, Arrays.copyOf(fanins, 3 * size), out, ImmutableList.copyOf(inputNames), ImmutableList.copyOf(outputNames));
    }
}
