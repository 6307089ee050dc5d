package kautz.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which partitions each cycle of a partitioned schedule already occupies, with "the first cycle from c on
 * where partition p is free" answered in near-constant time (one union-find over cycles per partition: a
 * busy cycle points past itself). Partition {@code count} is a pseudo-partition marking cycles that hold any
 * logic op, for the rules that forbid mixing (an empty cycle is always compatible).
 */
final class CycleTable {
    private final int count;
    /** next[p][c]: c when cycle c is free in p, else a later cycle to look at (path-compressed). */
    private final List<int[]> next = new ArrayList<>();
    private int capacity;
    private int cycles;

    CycleTable(int count) {
        this.count = count;
        for (int p = 0; p <= count; p++) next.add(new int[0]);
        grow(1024);
    }

    private void grow(int atLeast) {
        int old = capacity;
        int cap = Math.max(atLeast, capacity * 2);
        for (int p = 0; p <= count; p++) {
            int[] a = Arrays.copyOf(next.get(p), cap);
            for (int c = old; c < cap; c++) a[c] = c;
            next.set(p, a);
        }
        capacity = cap;
    }

    /** The first cycle at or after {@code c} where partition {@code p} is free. */
    int free(int p, int c) {
        if (c + 1 >= capacity) grow(c + 2);
        int[] a = next.get(p);
        int r = c;
        while (a[r] != r) r = a[r];
        while (a[c] != r) { int n = a[c]; a[c] = r; c = n; } // path compression
        return r;
    }

    /** The first cycle at or after {@code c} where every partition of {@code lo..hi} is free. */
    int free(int lo, int hi, int c) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int p = lo; p <= hi; p++) {
                int f = free(p, c);
                if (f > c) { c = f; moved = true; }
            }
        }
        return c;
    }

    /** The first cycle at or after {@code c} that holds no logic op. */
    int empty(int c) { return free(count, c); }

    boolean isFree(int p, int c) { return free(p, c) == c; }

    void occupy(int lo, int hi, int c) {
        if (c + 2 >= capacity) grow(c + 3);
        for (int p = lo; p <= hi; p++) next.get(p)[c] = c + 1;
        cycles = Math.max(cycles, c + 1);
    }

    void markLogic(int c) { occupy(count, count, c); }

    /** One past the last cycle that holds an op. */
    int cycles() { return cycles; }
}
