package kautz.network;

import com.google.common.collect.ImmutableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an {@link Aig}: structural hashing (one node per distinct pair of fan-ins), constant propagation
 * and the trivial identities {@code a&a = a}, {@code a&~a = 0}. All inputs must be added before the first
 * AND. Derived gates (or, xor, mux, maj) are expressed in ANDs with the identity in a comment.
 */
public final class AigBuilder {
    private int numInputs;
    private int[] fanin0 = new int[1024];
    private int[] fanin1 = new int[1024];
    private int size = 1; // node 0 is the constant
    private final List<String> inputNames = new ArrayList<>();
    private final List<String> outputNames = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();
    // open-addressed hash table from (fanin0, fanin1) to node; 0 means empty
    private int[] table = new int[2048];
    private int hashMask = 2047;
    /** A hard limit on nodes so a runaway elaboration fails with a message instead of exhausting memory. */
    private final int maxNodes;

    public static final int DEFAULT_MAX_NODES = 50_000_000;

    public AigBuilder() { this(DEFAULT_MAX_NODES); }

    public AigBuilder(int maxNodes) {
        this.maxNodes = maxNodes;
        fanin0[0] = -1;
        fanin1[0] = -1;
    }

    /** Adds a primary input and returns its literal. */
    public int addInput(String name) {
        if (size != numInputs + 1) throw new IllegalStateException("inputs must be added before ANDs");
        int node = newNode(-1, -1);
        numInputs++;
        inputNames.add(name);
        return Lit.of(node, false);
    }

    public int numInputs() { return numInputs; }
    public int input(int i) { return Lit.of(i + 1, false); }
    /** Number of nodes so far (constant, inputs and ANDs). */
    public int size() { return size; }
    public int numAnds() { return size - 1 - numInputs; }
    public int fanin0(int node) { return fanin0[node]; }
    public int fanin1(int node) { return fanin1[node]; }

    public void addOutput(String name, int lit) {
        checkLit(lit);
        outputNames.add(name);
        outputs.add(lit);
    }

    public int and(int a, int b) {
        checkLit(a);
        checkLit(b);
        if (a > b) { int t = a; a = b; b = t; }
        int trivial = trivialAnd(a, b);
        if (trivial >= 0) return trivial;
        int h = hash(a, b) & hashMask;
        while (true) {
            int n = table[h];
            if (n == 0) break;
            if (fanin0[n] == a && fanin1[n] == b) return Lit.of(n, false);
            h = (h + 1) & hashMask;
        }
        int node = newNode(a, b);
        table[h] = node;
        if (2 * (size - numInputs) > table.length) rehash();
        return Lit.of(node, false);
    }

    /**
     * The literal of {@code a & b} when it needs no node (a constant operand, {@code a & a = a},
     * {@code a & ~a = 0}), else -1. Operands ordered {@code a <= b}. Every structurally hashed AIG in Kautz
     * folds these same cases, so they live here once.
     */
    public static int trivialAnd(int a, int b) {
        if (a == Lit.FALSE) return Lit.FALSE;
        if (a == Lit.TRUE) return b;
        if (a == b) return a;
        if (a == Lit.not(b)) return Lit.FALSE;
        return -1;
    }

    /** a | b = ~(~a & ~b) */
    public int or(int a, int b) { return Lit.not(and(Lit.not(a), Lit.not(b))); }

    /** a ^ b = ~(a & b) & ~(~a & ~b) */
    public int xor(int a, int b) {
        if (Lit.isConstant(a)) return Lit.notIf(b, a == Lit.TRUE);
        if (Lit.isConstant(b)) return Lit.notIf(a, b == Lit.TRUE);
        if (a == b) return Lit.FALSE;
        if (a == Lit.not(b)) return Lit.TRUE;
        return and(Lit.not(and(a, b)), Lit.not(and(Lit.not(a), Lit.not(b))));
    }

    public int xnor(int a, int b) { return Lit.not(xor(a, b)); }

    /** c ? t : e = (c & t) | (~c & e) */
    public int mux(int c, int t, int e) {
        if (c == Lit.TRUE) return t;
        if (c == Lit.FALSE) return e;
        if (t == e) return t;
        return or(and(c, t), and(Lit.not(c), e));
    }

    /** maj(a,b,c) = (a & b) | (c & (a | b)) */
    public int maj(int a, int b, int c) {
        return or(and(a, b), and(c, or(a, b)));
    }

    public Aig build() {
        int[] f0 = Arrays.copyOf(fanin0, size);
        int[] f1 = Arrays.copyOf(fanin1, size);
        int[] outs = outputs.stream().mapToInt(Integer::intValue).toArray();
        return new Aig(numInputs, f0, f1, outs, ImmutableList.copyOf(inputNames), ImmutableList.copyOf(outputNames));
    }

    private int newNode(int a, int b) {
        if (size >= maxNodes) {
            throw new NetworkTooLargeException("the logic network exceeds " + maxNodes + " nodes");
        }
        if (size == fanin0.length) {
            fanin0 = Arrays.copyOf(fanin0, size * 2);
            fanin1 = Arrays.copyOf(fanin1, size * 2);
        }
        fanin0[size] = a;
        fanin1[size] = b;
        return size++;
    }

    private void checkLit(int lit) {
        if (lit < 0 || Lit.node(lit) >= size) throw new IllegalArgumentException("literal " + lit + " does not exist");
    }

    /** The hash of an AND's fan-in pair; shared with the passes' mutable strash table (kautz.opt.Strash). */
    public static int hash(int a, int b) {
        long x = ((long) a << 32) ^ (b & 0xffffffffL);
        x *= 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 29));
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int n = numInputs + 1; n < size; n++) {
            int h = hash(fanin0[n], fanin1[n]) & mask;
            while (t[h] != 0) h = (h + 1) & mask;
            t[h] = n;
        }
        table = t;
        hashMask = mask;
    }
}
