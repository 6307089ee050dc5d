package kautz.schedule;

import kautz.isa.Opcode;
import kautz.isa.PartitionModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the standard and minimal models that go beyond disjoint partition intervals: the logic ops of
 * one cycle share opcode and arity, the index of each operand position within its partition (kept as classes
 * of {@link PartitionValues} that must get one index), the direction from input to output partition, all
 * inputs of an op in one partition; minimal also the distance between input and output partition and evenly
 * spaced input partitions. Each cycle remembers the signature of its first op; {@link #fit} says whether
 * another op joins it and in which operand order, {@link #join} records it.
 */
final class CycleRules {
    private record Signature(Opcode opcode, int arity, int shift, int dest, int[] slots, List<Integer> inputParts) {}

    private final PartitionModel model;
    private final PartitionValues values;
    private final List<Signature> cycles = new ArrayList<>();

    CycleRules(PartitionModel model, PartitionValues values) {
        this.model = model;
        this.values = values;
    }

    private Signature at(int c) { return c < cycles.size() ? cycles.get(c) : null; }

    /**
     * The operand order (a permutation of {@code sources}) in which an op reading {@code sources} in
     * partition {@code in} and writing partition {@code out} joins cycle {@code c}, or null if it cannot.
     * A new value written at {@code out} must be able to join the cycle's destination class.
     */
    int[] fit(int c, Opcode opcode, int[] sources, int in, int out) {
        Signature s = at(c);
        if (s == null) return sources;
        if (s.opcode != opcode || s.arity != sources.length) return null;
        int shift = out - in;
        if (Integer.signum(shift) != Integer.signum(s.shift)) return null;
        if (model == PartitionModel.MINIMAL && (shift != s.shift || !evenlySpaced(s.inputParts, in))) return null;
        if (values.parts.get(values.find(s.dest)).get(out)) return null;
        int[] perm = sources.clone();
        return permute(perm, 0, s) ? perm : null;
    }

    /** Tries every order of the operands (all the family's ops are symmetric in their inputs). */
    private boolean permute(int[] a, int k, Signature s) {
        if (k == a.length) return consistent(a, s);
        for (int i = k; i < a.length; i++) {
            swap(a, k, i);
            if (values.mergeable(a[k], s.slots[k]) && permute(a, k + 1, s)) return true;
            swap(a, k, i);
        }
        return false;
    }

    /** No two positions may end in one class (their indices would coincide within a partition). */
    private boolean consistent(int[] a, Signature s) {
        int destRoot = values.find(s.dest);
        for (int j = 0; j < a.length; j++) {
            int rj = values.find(a[j]);
            int sj = values.find(s.slots[j]);
            if (rj == destRoot || sj == destRoot) return false;
            for (int k = 0; k < a.length; k++) {
                if (k == j) continue;
                int rk = values.find(a[k]);
                int sk = values.find(s.slots[k]);
                if (rj == rk || rj == sk || sj == rk || sj == sk) return false;
            }
        }
        return true;
    }

    private static void swap(int[] a, int i, int j) { int t = a[i]; a[i] = a[j]; a[j] = t; }

    private static boolean evenlySpaced(List<Integer> parts, int in) {
        List<Integer> all = new ArrayList<>(parts);
        all.add(in);
        all.sort(null);
        if (all.size() < 3) return true;
        int d = all.get(1) - all.get(0);
        for (int i = 2; i < all.size(); i++) if (all.get(i) - all.get(i - 1) != d) return false;
        return true;
    }

    /** Records the op (sources in the order {@link #fit} returned) in cycle {@code c}, merging index classes. */
    void join(int c, Opcode opcode, int[] sources, int dest, int in, int out) {
        while (cycles.size() <= c) cycles.add(null);
        Signature s = cycles.get(c);
        if (s == null) {
            List<Integer> ins = new ArrayList<>();
            ins.add(in);
            cycles.set(c, new Signature(opcode, sources.length, out - in, dest, sources.clone(), ins));
            return;
        }
        for (int j = 0; j < sources.length; j++) values.union(s.slots[j], sources[j]);
        values.union(s.dest, dest);
        s.inputParts.add(in);
    }
}
