package kautz.flow;

import kautz.diag.UsageError;
import kautz.diag.UserError;

/**
 * The {@code --row-size} choice: as wide as the program needs ({@link #unlimited()}), a fixed limit, or
 * {@code min}, the smallest row the program fits in.
 */
public record RowSize(int limit, boolean minimise) {
    public static RowSize unlimited() { return new RowSize(Integer.MAX_VALUE, false); }
    public static RowSize of(int c) { return new RowSize(c, false); }
    public static RowSize min() { return new RowSize(Integer.MAX_VALUE, true); }

    /** Parses {@code C} or {@code min}; null means unlimited. */
    public static RowSize parse(String text) {
        if (text == null) return unlimited();
        if (text.equals("min")) return min();
        try {
            int c = Integer.parseInt(text.trim());
            if (c < 1) throw new UsageError("--row-size: " + c + " is not a positive number of cells");
            return of(c);
        } catch (NumberFormatException e) {
            throw new UsageError("--row-size: '" + text + "' is neither a number of cells nor 'min'");
        }
    }

    @Override
    public String toString() { return minimise ? "min" : limit == Integer.MAX_VALUE ? "unlimited" : Integer.toString(limit); }
}
