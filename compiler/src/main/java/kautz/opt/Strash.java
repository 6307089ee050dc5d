package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Arrays;

/**
 * The mutable, structurally hashed AIG the passes build into. Unlike {@link AigBuilder} it can look a gate
 * up without creating it (so a pass can count what a candidate structure would add) and tracks levels.
 * {@link #toAig} keeps only the outputs' cones, so nodes a pass made redundant disappear.
 */
final class Strash {
    private int numInputs;
    private int[] fanin0;
    private int[] fanin1;
    private int[] level;
    private int size = 1;
    private int[] table;
    private int mask;

    /** A network with {@code inputs} inputs, nodes 1..inputs, level 0. */
    Strash(int inputs, int expectedAnds) {
        int cap = Math.max(1024, inputs + expectedAnds + 2);
        fanin0 = new int[cap];
        fanin1 = new int[cap];
        level = new int[cap];
        int t = Integer.highestOneBit(Math.max(1024, 2 * expectedAnds)) * 2;
        table = new int[t];
        mask = t - 1;
        fanin0[0] = fanin1[0] = -1;
        for (int i = 0; i < inputs; i++) {
            fanin0[size] = fanin1[size] = -1;
            size++;
        }
        numInputs = inputs;
    }

    int size() { return size; }
    int input(int i) { return Lit.of(i + 1, false); }
    int fanin0(int node) { return fanin0[node]; }
    int fanin1(int node) { return fanin1[node]; }
    boolean isAnd(int node) { return node > numInputs; }
    int level(int lit) { return level[Lit.node(lit)]; }

    /**
     * The literal of {@code a & b} if it is trivial or already exists, else -1 (nothing is created).
     * The trivial cases are those of {@link AigBuilder}: constants, {@code a&a = a}, {@code a&~a = 0}.
     */
    int lookup(int a, int b) {
        if (a > b) { int t = a; a = b; b = t; }
        int trivial = AigBuilder.trivialAnd(a, b);
        if (trivial >= 0) return trivial;
        for (int h = AigBuilder.hash(a, b) & mask; ; h = (h + 1) & mask) {
            int n = table[h];
            if (n == 0) return -1;
            if (fanin0[n] == a && fanin1[n] == b) return Lit.of(n, false);
        }
    }

    int and(int a, int b) {
        int found = lookup(a, b);
        if (found >= 0) return found;
        if (a > b) { int t = a; a = b; b = t; }
        if (size == fanin0.length) {
            int cap = size * 2;
            fanin0 = Arrays.copyOf(fanin0, cap);
            fanin1 = Arrays.copyOf(fanin1, cap);
            level = Arrays.copyOf(level, cap);
        }
        int n = size++;
        fanin0[n] = a;
        fanin1[n] = b;
        level[n] = 1 + Math.max(level[Lit.node(a)], level[Lit.node(b)]);
        int h = AigBuilder.hash(a, b) & mask;
        while (table[h] != 0) h = (h + 1) & mask;
        table[h] = n;
        if (2 * (size - numInputs) > table.length) rehash();
        return Lit.of(n, false);
    }

    /** a | b = ~(~a & ~b) */
    int or(int a, int b) { return Lit.not(and(Lit.not(a), Lit.not(b))); }

    /**
     * The cones of {@code outputs} as an immutable network named like {@code like}, with the images of
     * the old network's nodes: {@code oldMap} gives each old node's literal here (or -1), and a literal
     * outside the outputs' cones has no image.
     */
    Pass.Result result(int[] outputs, Aig like, int[] oldMap) {
        boolean[] needed = new boolean[size];
        for (int o : outputs) needed[Lit.node(o)] = true;
        for (int n = size - 1; n > numInputs; n--) {
            if (!needed[n]) continue;
            needed[Lit.node(fanin0[n])] = true;
            needed[Lit.node(fanin1[n])] = true;
        }
        AigBuilder b = new AigBuilder();
        int[] map = new int[size];
        for (int i = 0; i < numInputs; i++) map[i + 1] = b.addInput(like.inputName(i));
        for (int n = numInputs + 1; n < size; n++) {
            map[n] = needed[n] ? b.and(lit(map, fanin0[n]), lit(map, fanin1[n])) : -1;
        }
        for (int o = 0; o < outputs.length; o++) b.addOutput(like.outputName(o), lit(map, outputs[o]));
        return new Pass.Result(b.build(), NodeMaps.compose(oldMap, map));
    }

    /** The network {@code aig} copied in (hashing again), returning the new literal of each old node. */
    static int[] copyInto(Strash s, Aig aig) {
        int[] map = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = s.input(i);
        for (int n = aig.firstAnd(); n < aig.size(); n++) map[n] = s.and(lit(map, aig.fanin0(n)), lit(map, aig.fanin1(n)));
        return map;
    }

    /** The image of an old literal under a node map. */
    static int lit(int[] map, int oldLit) { return Lit.notIf(map[Lit.node(oldLit)], Lit.isComplement(oldLit)); }

    /** Output literals of {@code aig} under a node map. */
    static int[] outputs(Aig aig, int[] map) {
        int[] out = new int[aig.numOutputs()];
        for (int o = 0; o < out.length; o++) out[o] = lit(map, aig.output(o));
        return out;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int m = t.length - 1;
        for (int n = numInputs + 1; n < size; n++) {
            int h = AigBuilder.hash(fanin0[n], fanin1[n]) & m;
            while (t[h] != 0) h = (h + 1) & m;
            t[h] = n;
        }
        table = t;
        mask = m;
    }
}
