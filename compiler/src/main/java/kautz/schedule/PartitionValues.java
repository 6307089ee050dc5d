package kautz.schedule;

import kautz.isa.Opcode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The values and ops of a partitioned schedule while it is built: every value has a partition, the cycle
 * that writes it ({@code -1} for inputs and constants) and the last cycle that reads it; every op has its
 * cycle. Values that must share an index within their partitions (operands at the same position of ops in
 * one cycle, under the standard and minimal models) form classes (union-find), each holding at most one
 * value per partition.
 */
final class PartitionValues {
    static final int FOREVER = Integer.MAX_VALUE;

    /** A scheduled logic op: its opcode, the value it writes and the values it reads, in operand order. */
    record Op(Opcode opcode, int dest, int[] sources, int cycle) {}

    int size;
    int[] part = new int[64];
    int[] def = new int[64];
    int[] last = new int[64];
    /** The cycle before which the value's cell must hold its pre-state (gates: def; constants: first read). */
    int[] initBy = new int[64];
    /** The value the cell must hold before the write: 0 or 1 (gates), the constant, or -1 (inputs). */
    int[] prestate = new int[64];
    int[] parent = new int[64];
    final List<BitSet> parts = new ArrayList<>();
    final List<Op> ops = new ArrayList<>();

    int add(int partition, int defCycle, int pre) {
        if (size == part.length) {
            int n = size * 2;
            part = Arrays.copyOf(part, n);
            def = Arrays.copyOf(def, n);
            last = Arrays.copyOf(last, n);
            initBy = Arrays.copyOf(initBy, n);
            prestate = Arrays.copyOf(prestate, n);
            parent = Arrays.copyOf(parent, n);
        }
        int v = size++;
        part[v] = partition;
        def[v] = defCycle;
        last[v] = defCycle;
        initBy[v] = defCycle;
        prestate[v] = pre;
        parent[v] = v;
        BitSet b = new BitSet();
        if (partition >= 0) b.set(partition);
        parts.add(b);
        return v;
    }

    /** Places a value that had no partition yet (an input read for the first time). */
    void place(int v, int partition) {
        part[v] = partition;
        parts.get(find(v)).set(partition);
    }

    void read(int v, int cycle) {
        if (last[v] != FOREVER) last[v] = Math.max(last[v], cycle);
        if (def[v] < 0 && prestate[v] >= 0) initBy[v] = Math.min(initBy[v] < 0 ? FOREVER : initBy[v], cycle);
    }

    int find(int v) {
        while (parent[v] != v) { parent[v] = parent[parent[v]]; v = parent[v]; }
        return v;
    }

    /** Whether two classes may become one: the same, or no partition in common. */
    boolean mergeable(int a, int b) {
        a = find(a);
        b = find(b);
        return a == b || !parts.get(a).intersects(parts.get(b));
    }

    void union(int a, int b) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        parent[b] = a;
        parts.get(a).or(parts.get(b));
    }
}
