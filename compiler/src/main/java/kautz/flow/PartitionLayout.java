package kautz.flow;

import kautz.diag.UserError;
import kautz.isa.Partitions;

/**
 * The {@code --partitions} choice: how many partitions the row has and, unless the compiler is to choose
 * them, their widths.
 *
 * @param count  the number of partitions (1: an undivided row)
 * @param widths the widths ({@code KxW} or {@code W1,W2,…}), or null for {@code K} alone: equal widths, as
 *               wide as the program needs (or the row size divided by K with {@code --row-size})
 */
public record PartitionLayout(int count, Partitions widths) {
    public static final PartitionLayout UNDIVIDED = new PartitionLayout(1, null);

    public PartitionLayout {
        if (count < 1) throw new IllegalArgumentException("partition count " + count);
        if (widths != null && widths.count() != count) throw new IllegalArgumentException("count disagrees with the widths");
    }

    public boolean divided() { return count > 1; }

    /** Parses {@code K}, {@code KxW} or {@code W1,W2,…}; null means undivided. One-line user errors. */
    public static PartitionLayout parse(String text) {
        if (text == null) return UNDIVIDED;
        String s = text.strip();
        if (!s.isEmpty() && s.length() <= 9 && s.chars().allMatch(Character::isDigit)) {
            int k = Integer.parseInt(s);
            if (k < 1) throw new UserError("--partitions: " + k + " is not a positive number of partitions");
            return new PartitionLayout(k, null);
        }
        try {
            Partitions p = Partitions.parse(s);
            return new PartitionLayout(p.count(), p);
        } catch (IllegalArgumentException e) {
            throw new UserError("--partitions: " + e.getMessage() + " (or K alone: K partitions as wide as the program needs)");
        }
    }

    /**
     * The widths on a row of {@code rowSize} cells ({@link RowSize}: unlimited, fixed), or null when the
     * compiler chooses them. A fixed row must equal the widths' sum, hold at least one cell per partition and,
     * for {@code K} alone, divide into K equal partitions.
     */
    public Partitions resolve(RowSize rowSize) {
        if (rowSize.minimise()) throw new UserError("--row-size min: not with --partitions (give the widths, or K alone for partitions as wide as needed)");
        boolean fixed = rowSize.limit() != Integer.MAX_VALUE;
        if (widths == null) {
            if (!fixed) return null;
            if (count > rowSize.limit()) throw new UserError("--partitions " + count + ": more partitions than the " + rowSize.limit() + " cells of the row");
            if (rowSize.limit() % count != 0) throw new UserError("--partitions " + count + ": the row of " + rowSize.limit() + " cells does not divide into " + count + " equal partitions; give the widths (W1,W2,…)");
            return Partitions.uniform(count, rowSize.limit() / count);
        }
        if (fixed && widths.rowSize() != rowSize.limit()) {
            throw new UserError("--partitions " + widths + ": the widths sum to " + widths.rowSize() + " cells, but --row-size is " + rowSize.limit()
                    + (count > rowSize.limit() ? " (more partitions than cells)" : ""));
        }
        return widths;
    }

    @Override
    public String toString() { return widths != null ? widths.toString() : Integer.toString(count); }
}
