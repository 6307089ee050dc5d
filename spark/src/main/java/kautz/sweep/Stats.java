package kautz.sweep;

import java.util.Arrays;

/**
 * Mean and percentiles of a sample. Percentiles interpolate linearly between order statistics (Hyndman and
 * Fan's type 7, the default of R and NumPy), so p50 of an even sample is the mean of the middle two.
 *
 * @param n the sample size (values that were not numbers are left out)
 */
public record Stats(int n, double mean, double p5, double p50, double p95) {
    public static Stats of(double[] values) {
        double[] x = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (x.length == 0) return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double sum = 0;
        for (double v : x) sum += v;
        return new Stats(x.length, sum / x.length, percentile(x, 0.05), percentile(x, 0.50), percentile(x, 0.95));
    }

    /** The p-quantile of sorted values, 0 ≤ p ≤ 1. */
    public static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo + 1 >= sorted.length) return sorted[sorted.length - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /**
     * A number for a table or chart a person reads: 6 significant digits, written out without an exponent
     * ({@code 2016320}, {@code 0.25}); empty for NaN.
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "" : Double.toString(v);
        return plain(new java.math.BigDecimal(v).round(new java.math.MathContext(6)));
    }

    /**
     * A number for a CSV cell: every digit of the shortest decimal that reads back as the same double, written
     * out without an exponent and without trailing zeros, so a column holds one format ({@code 2016320.5} beside
     * {@code 1657887}, never {@code 2.01632e+06}); empty for NaN.
     */
    public static String csv(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "" : Double.toString(v);
        return plain(java.math.BigDecimal.valueOf(v));
    }

    /** A number as JSON or a CSV cell wrote it ({@code 1.0E7}, {@code 12.50}), in the form of {@link #csv}; other text as it is. */
    public static String csv(String number) {
        try {
            return plain(new java.math.BigDecimal(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static String plain(java.math.BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
