package kautz.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps data values to pixels, linearly or logarithmically, with round tick values. A scale goes logarithmic
 * when the data are positive and span more than a factor of 50 (row sizes 8..4096, lifetimes over decades).
 */
record Scale(double lo, double hi, boolean log, double from, double to) {
    static Scale fit(double min, double max, double from, double to, boolean zeroBased) {
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        boolean log = min > 0 && max / min > 50;
        if (log) {
            return new Scale(Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max))), true, from, to);
        }
        if (zeroBased && min > 0) min = 0;
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / 5);
        return new Scale(Math.floor(min / step) * step, Math.ceil(max / step) * step, false, from, to);
    }

    double map(double v) {
        double t = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return from + t * (to - from);
    }

    List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        if (log) {
            for (double v = lo; v <= hi * 1.0001 && t.size() < 20; v *= 10) t.add(v);
            return t;
        }
        double step = niceStep((hi - lo) / 5);
        for (double v = lo; v <= hi + step * 1e-9 && t.size() < 20; v += step) t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return t;
    }

    static double niceStep(double raw) {
        if (raw <= 0 || !Double.isFinite(raw)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
    }

    /** A tick label: 1k, 2.5M, 0.25. */
    static String label(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return short3(v / 1e9) + "G";
        if (a >= 1e6) return short3(v / 1e6) + "M";
        if (a >= 1e4) return short3(v / 1e3) + "k";
        return Stats.format(Math.round(v * 1e6) / 1e6);
    }

    /** Three significant digits, no trailing zeros: 203.086 → 203, 2.0308 → 2.03. */
    private static String short3(double v) {
        return Stats.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
    }
}
