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

    /** A number for a CSV or table cell: integers without a fraction, others to 6 significant digits. */
    public static String format(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(java.util.Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }
}
