package kautz.isa;

import com.google.common.primitives.ImmutableIntArray;

/**
 * How a row is divided into partitions: runs of adjacent cells separated by isolation transistors
 * (Gupta et al.; PartitionPIM, Leitersdorf, Ronen and Kvatinsky). Partition {@code p} holds the cells
 * {@code start(p) .. start(p) + width(p) - 1}; the widths, left to right, sum to the row size. One partition
 * is the undivided row of the original machine model.
 *
 * @param widths the width of each partition, left to right, each at least 1
 * @param starts the first cell of each partition (derived from the widths; use {@link #Partitions(ImmutableIntArray)})
 */
public record Partitions(ImmutableIntArray widths, ImmutableIntArray starts) {
    public Partitions {
        if (widths.isEmpty()) throw new IllegalArgumentException("a row needs at least one partition");
        if (starts.length() != widths.length()) throw new IllegalArgumentException("starts do not match the widths");
        long at = 0;
        for (int p = 0; p < widths.length(); p++) {
            if (widths.get(p) < 1) throw new IllegalArgumentException("partition " + p + " has width " + widths.get(p) + " (at least 1)");
            if (starts.get(p) != at) throw new IllegalArgumentException("starts do not match the widths");
            at += widths.get(p);
            if (at > Integer.MAX_VALUE) throw new IllegalArgumentException("the partitions hold more than " + Integer.MAX_VALUE + " cells");
        }
        widths = widths.trimmed();
        starts = starts.trimmed();
    }

    /** The partitions of these widths, left to right. */
    public Partitions(ImmutableIntArray widths) {
        this(widths, startsOf(widths));
    }

    private static ImmutableIntArray startsOf(ImmutableIntArray widths) {
        ImmutableIntArray.Builder b = ImmutableIntArray.builder(widths.length());
        long at = 0;
        for (int p = 0; p < widths.length(); p++) {
            b.add((int) Math.min(at, Integer.MAX_VALUE));
            at += widths.get(p);
        }
        return b.build();
    }

    /** The undivided row: one partition of {@code rowSize} cells. */
    public static Partitions single(int rowSize) {
        return new Partitions(ImmutableIntArray.of(rowSize));
    }

    /** {@code k} partitions of {@code width} cells each. */
    public static Partitions uniform(int k, int width) {
        if (k < 1 || width < 1) throw new IllegalArgumentException("partitions need a count and a width of at least 1, got " + k + "x" + width);
        if ((long) k * width > Integer.MAX_VALUE) throw new IllegalArgumentException("partitions " + k + "x" + width + " hold too many cells");
        int[] w = new int[k];
        java.util.Arrays.fill(w, width);
        return new Partitions(ImmutableIntArray.copyOf(w));
    }

    /**
     * Reads {@code KxW} (K partitions of W cells) or {@code W1,W2,…} (widths left to right) and requires the
     * widths to sum to {@code rowSize}. Throws {@link IllegalArgumentException} with a one-line message.
     */
    public static Partitions parse(String spec, int rowSize) {
        Partitions p = parse(spec);
        if (p.rowSize() != rowSize) {
            throw new IllegalArgumentException("partitions " + spec.strip() + " hold " + p.rowSize() + " cells, but the row has "
                    + rowSize + (p.count() > rowSize ? " (more partitions than cells)" : ""));
        }
        return p;
    }

    /** Reads {@code KxW} or {@code W1,W2,…}; the row size is what the widths sum to. */
    public static Partitions parse(String spec) {
        String s = spec.strip();
        String expected = "expected KxW (e.g. 4x8) or widths W1,W2,… (e.g. 8,8,16)";
        int x = s.indexOf('x');
        if (x >= 0) {
            int k = number(s.substring(0, x), s, expected);
            int w = number(s.substring(x + 1), s, expected);
            if (k < 1 || w < 1) throw new IllegalArgumentException("bad partitions '" + s + "': count and width must be at least 1");
            if ((long) k * w > Assembler.MAX_ROW_SIZE) throw new IllegalArgumentException("bad partitions '" + s + "': more than " + Assembler.MAX_ROW_SIZE + " cells");
            return uniform(k, w);
        }
        String[] parts = s.split(",", -1);
        ImmutableIntArray.Builder b = ImmutableIntArray.builder(parts.length);
        long sum = 0;
        for (String part : parts) {
            int w = number(part, s, expected);
            if (w < 1) throw new IllegalArgumentException("bad partitions '" + s + "': every width must be at least 1");
            sum += w;
            if (sum > Assembler.MAX_ROW_SIZE) throw new IllegalArgumentException("bad partitions '" + s + "': more than " + Assembler.MAX_ROW_SIZE + " cells");
            b.add(w);
        }
        return new Partitions(b.build());
    }

    private static int number(String t, String spec, String expected) {
        String d = t.strip();
        boolean ok = !d.isEmpty() && d.length() <= 9;
        for (int i = 0; ok && i < d.length(); i++) ok = d.charAt(i) >= '0' && d.charAt(i) <= '9';
        if (!ok) throw new IllegalArgumentException("bad partitions '" + spec + "': " + expected);
        return Integer.parseInt(d);
    }

    /** The number of partitions. */
    public int count() { return widths.length(); }

    public int width(int p) { return widths.get(p); }

    /** The first cell of partition {@code p}. */
    public int start(int p) { return starts.get(p); }

    /** The cells of the row: the sum of the widths. */
    public int rowSize() { return starts.get(count() - 1) + widths.get(count() - 1); }

    public boolean isSingle() { return count() == 1; }

    /** The partition holding {@code cell} (0 ≤ cell < rowSize). */
    public int partitionOf(int cell) {
        if (cell < 0 || cell >= rowSize()) throw new IndexOutOfBoundsException("cell " + cell + " is outside the row of " + rowSize());
        int lo = 0;
        int hi = count() - 1;
        while (lo < hi) { // the last partition whose start is at most cell
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= cell) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** The index of {@code cell} within its partition. */
    public int indexOf(int cell) { return cell - start(partitionOf(cell)); }

    /** The spec text: {@code KxW} when all widths are equal (and there are several), else {@code W1,W2,…}. */
    @Override
    public String toString() {
        boolean uniform = count() > 1;
        for (int p = 1; uniform && p < count(); p++) uniform = widths.get(p) == widths.get(0);
        if (uniform) return count() + "x" + widths.get(0);
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < count(); p++) sb.append(p == 0 ? "" : ",").append(widths.get(p));
        return sb.toString();
    }
}
