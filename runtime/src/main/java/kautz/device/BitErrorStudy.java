package kautz.device;

import com.google.common.collect.ImmutableList;

import java.util.List;
import java.util.Locale;

/**
 * Bit error rate of multi-level storage against the number of states and the dynamic range (docs/devices.md):
 * a base preset with its states and dynamic range replaced, {@code cells} cells written with ISPP and read
 * once, raw, Gray-coded and Gray + Hamming(7,4). The margin between neighbouring levels is DR^(1/(L−1)). The
 * ISPP step is made fine enough to land in the verify window of L levels ((vSetMax − vSet)·verifyWindow/(L−1)
 * at most), so the error rate is the read's, not the ramp's.
 */
public final class BitErrorStudy {
    private BitErrorStudy() {}

    public record Point(int states, double dynamicRange, WriteVerifyBench.Result result) {}

    public static final List<Integer> STATES = List.of(2, 4, 8, 16, 32, 64, 128, 256);
    public static final List<Double> RANGES = List.of(10.0, 100.0, 1e3, 1e4, 1e6);

    public static ImmutableList<Point> run(DevicePreset base, int cells, long seed) {
        ImmutableList.Builder<Point> out = ImmutableList.builder();
        for (double dr : RANGES) {
            for (int states : STATES) {
                // an ISPP step that can land inside the verify window of L levels, and pulses enough to climb the ramp
                double step = Math.min(base.isppStepV(), (base.vSetMax() - base.vSet()) * base.verifyWindow() / (states - 1));
                int cap = (int) Math.min(100_000, Math.max(base.pulseCap(), 3 * (base.vSetMax() - base.vSet()) / step));
                DevicePreset p = DevicePresets.withValues(base, "states=" + states + ",dynamicRange=" + dr + ",isppStepV=" + step
                        + ",pulseCap=" + cap, "bit error study");
                out.add(new Point(states, dr, WriteVerifyBench.measure(p, WriteScheme.ISPP, states, cells, seed)));
            }
        }
        return out.build();
    }

    public static String table(DevicePreset base, List<Point> points, int cells) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s with states and dynamic range replaced, %d cells per point (ISPP, one read each)%n", base.name(), cells));
        sb.append(String.format(Locale.ROOT, "%-7s %-8s %-12s %-10s %-10s %-10s %-12s%n", "states", "DR", "level ratio", "BER raw", "BER gray", "BER +hamming", "write errors"));
        for (Point pt : points) {
            WriteVerifyBench.Result r = pt.result();
            sb.append(String.format(Locale.ROOT, "%-7d %-8.3g %-12.4g %-10.3g %-10.3g %-12.3g %d%n", pt.states(), pt.dynamicRange(),
                    Math.pow(pt.dynamicRange(), 1.0 / (pt.states() - 1)), r.readBER(), r.grayBER(), r.hammingBER(), r.writeErrors()));
        }
        return sb.toString();
    }

    /** A plain SVG chart: raw BER against states (log axes), one line per dynamic range; zeros drawn at the floor. */
    public static String svg(DevicePreset base, List<Point> points, int cells) {
        int w = 640, h = 400, left = 70, right = 150, top = 40, bottom = 50;
        double floor = 1.0 / (cells * 2.0);
        double yMin = Math.log10(floor), yMax = 0;
        double xMin = 1, xMax = Math.log(STATES.get(STATES.size() - 1)) / Math.log(2);
        String[] colours = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", w, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">read bit error rate against states, per dynamic range (%s, %d cells per point)</text>%n", left, base.name(), cells));
        int pw = w - left - right, ph = h - top - bottom;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", left, top, pw, ph));
        for (int e = (int) Math.ceil(yMin); e <= 0; e++) {
            double y = top + ph * (yMax - e) / (yMax - yMin);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>%n",
                    left, left + pw, y, y, left - 6, y + 4, e));
        }
        for (int s : STATES) {
            double x = left + pw * (Math.log(s) / Math.log(2) - xMin) / (xMax - xMin);
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x, top + ph + 18, s));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">states per cell (log scale); BER 0 drawn at %.1g</text>%n", left + pw / 2, h - 8, floor));
        int c = 0;
        for (double dr : RANGES) {
            StringBuilder path = new StringBuilder();
            for (Point pt : points) {
                if (pt.dynamicRange() != dr) continue;
                double x = left + pw * (Math.log(pt.states()) / Math.log(2) - xMin) / (xMax - xMin);
                double ber = Math.max(floor, pt.result().readBER());
                double y = top + ph * (yMax - Math.log10(ber)) / (yMax - yMin);
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            }
            String colour = colours[c % colours.length];
            sb.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, colour));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">DR %.0e</text>%n", left + pw + 10, top + 16 + 18 * c, colour, dr));
            c++;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }
}
