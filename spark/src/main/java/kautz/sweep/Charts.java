package kautz.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Draws a study's charts as SVG: {@code lines} (a measure against a measure or axis, one line per series,
 * means over trials, one panel per panel value) and {@code distribution} (the empirical cumulative
 * distribution of a measure per series: the fraction of trials at or below each value).
 */
public final class Charts {
    private static final int PANEL_W = 300;
    private static final int PANEL_H = 210;
    private static final int MAX_COLS = 4;
    private static final int MAX_PANELS = 64;
    private static final int TOP = 58;

    private Charts() {}

    public static String draw(ChartSpec chart, Collection<ResultRow> rows) {
        List<ResultRow> ok = rows.stream().filter(ResultRow::ok).sorted((a, b) -> Integer.compare(a.point(), b.point())).toList();
        List<String> panels = distinct(ok, chart.panel());
        if (panels.size() > MAX_PANELS) panels = panels.subList(0, MAX_PANELS);
        List<String> series = distinct(ok, chart.series());
        int cols = Math.min(MAX_COLS, Math.max(1, panels.size()));
        int gridRows = (panels.size() + cols - 1) / cols;
        Svg svg = new Svg(Math.max(cols * PANEL_W + 20, 20 + (int) (7.6 * chart.title().length())), TOP + Math.max(1, gridRows) * PANEL_H + 10);
        svg.text(10, 20, chart.title(), 15, "start", 0);
        legend(svg, chart, series);
        for (int p = 0; p < panels.size(); p++) {
            String panel = panels.get(p);
            List<ResultRow> in = ok.stream().filter(r -> chart.panel() == null || r.value(chart.panel()).equals(panel)).toList();
            double x0 = 10 + (p % cols) * PANEL_W;
            double y0 = TOP + (p / cols) * PANEL_H;
            String caption = chart.panel() == null ? "" : chart.panel().equals("file")
                    ? panel.substring(panel.lastIndexOf('/') + 1) : chart.panel() + " = " + panel;
            if (chart.kind().equals(ChartSpec.LINES)) lines(svg, chart, caption, in, series, x0, y0);
            else distribution(svg, chart, caption, in, series, x0, y0);
        }
        if (ok.isEmpty()) svg.text(20, TOP + 30, "no successful points to draw", 12, "start", 0);
        return svg.toString();
    }

    private static void legend(Svg svg, ChartSpec chart, List<String> series) {
        if (chart.series() == null) return;
        double x = 10;
        svg.text(x, 40, chart.series() + ":", 11, "start", 0);
        x += 8 + 6.5 * (chart.series().length() + 1);
        for (int s = 0; s < series.size() && s < 12; s++) {
            svg.rect(x, 31, 12, 10, color(s), "none");
            svg.text(x + 16, 40, series.get(s), 11, "start", 0);
            x += 30 + 6.5 * series.get(s).length();
        }
    }

    private static void lines(Svg svg, ChartSpec chart, String caption, List<ResultRow> rows, List<String> series,
                              double x0, double y0) {
        Map<String, Map<Double, List<Double>>> data = new LinkedHashMap<>();
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (ResultRow r : rows) {
            double x = Measures.number(r.value(chart.x()));
            double y = Measures.number(r.value(chart.y()));
            if (Double.isNaN(x) || Double.isNaN(y)) continue;
            data.computeIfAbsent(seriesOf(chart, r), k -> new java.util.TreeMap<>()).computeIfAbsent(x, k -> new ArrayList<>()).add(y);
        }
        Map<String, double[][]> means = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Double, List<Double>>> e : data.entrySet()) {
            double[] xs = new double[e.getValue().size()];
            double[] ys = new double[xs.length];
            int i = 0;
            for (Map.Entry<Double, List<Double>> pt : e.getValue().entrySet()) {
                xs[i] = pt.getKey();
                ys[i] = pt.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                xmin = Math.min(xmin, xs[i]);
                xmax = Math.max(xmax, xs[i]);
                ymin = Math.min(ymin, ys[i]);
                ymax = Math.max(ymax, ys[i]);
                i++;
            }
            means.put(e.getKey(), new double[][] {xs, ys});
        }
        Scale sx = Scale.fit(xmin, xmax, x0 + 52, x0 + PANEL_W - 14, false);
        Scale sy = Scale.fit(ymin, ymax, y0 + PANEL_H - 36, y0 + 22, true);
        frame(svg, caption, chart.x(), chart.y(), sx, sy, x0, y0);
        for (Map.Entry<String, double[][]> e : means.entrySet()) {
            String c = color(series.indexOf(e.getKey()));
            double[] xs = e.getValue()[0];
            double[] ys = e.getValue()[1];
            double[] px = new double[xs.length];
            double[] py = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                px[i] = sx.map(xs[i]);
                py[i] = sy.map(ys[i]);
                svg.circle(px[i], py[i], 2.6, c);
            }
            svg.polyline(px, py, c, false);
        }
    }

    private static void distribution(Svg svg, ChartSpec chart, String caption, List<ResultRow> rows, List<String> series,
                                     double x0, double y0) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, Integer> other = new LinkedHashMap<>();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (ResultRow r : rows) {
            String s = seriesOf(chart, r);
            double v = Measures.number(r.value(chart.y()));
            if (Double.isNaN(v)) {
                other.merge(s, 1, Integer::sum);
                continue;
            }
            values.computeIfAbsent(s, k -> new ArrayList<>()).add(v);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Scale sx = Scale.fit(min, max, x0 + 52, x0 + PANEL_W - 14, false);
        Scale sy = new Scale(0, 1, false, y0 + PANEL_H - 36, y0 + 22);
        frame(svg, caption, chart.y(), "fraction of trials ≤ x", sx, sy, x0, y0);
        int line = 0;
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] px = new double[v.length + 1];
            double[] py = new double[v.length + 1];
            px[0] = sx.map(v[0]);
            py[0] = sy.map(0);
            for (int i = 0; i < v.length; i++) {
                px[i + 1] = sx.map(v[i]);
                py[i + 1] = sy.map((i + 1.0) / v.length);
            }
            String c = color(series.indexOf(e.getKey()));
            svg.polyline(px, py, c, true);
            int rest = other.getOrDefault(e.getKey(), 0);
            svg.text(x0 + 58, y0 + 34 + 12 * line++, "n=" + v.length + ", median " + Scale.label(Stats.percentile(v, 0.5))
                    + (rest > 0 ? ", " + rest + " not numbers" : ""), 9, "start", 0);
        }
    }

    private static void frame(Svg svg, String caption, String xLabel, String yLabel, Scale sx, Scale sy, double x0, double y0) {
        svg.text(x0 + PANEL_W / 2.0, y0 + 12, caption, 11, "middle", 0);
        for (double t : sx.ticks()) {
            double x = sx.map(t);
            svg.line(x, sy.from(), x, sy.to(), "#e6e6e6", 1);
            svg.text(x, sy.from() + 12, Scale.label(t), 9, "middle", 0);
        }
        for (double t : sy.ticks()) {
            double y = sy.map(t);
            svg.line(sx.from(), y, sx.to(), y, "#e6e6e6", 1);
            svg.text(sx.from() - 4, y + 3, Scale.label(t), 9, "end", 0);
        }
        svg.line(sx.from(), sy.from(), sx.to(), sy.from(), "#444", 1);
        svg.line(sx.from(), sy.from(), sx.from(), sy.to(), "#444", 1);
        svg.text((sx.from() + sx.to()) / 2, sy.from() + 25, xLabel + (sx.log() ? " (log)" : ""), 10, "middle", 0);
        svg.text(x0 + 12, (sy.from() + sy.to()) / 2, yLabel + (sy.log() ? " (log)" : ""), 10, "middle", -90);
    }

    private static List<String> distinct(List<ResultRow> rows, String column) {
        if (column == null) return List.of("");
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (ResultRow r : rows) s.add(r.value(column));
        return new ArrayList<>(s);
    }

    private static String seriesOf(ChartSpec chart, ResultRow r) {
        return chart.series() == null ? "" : r.value(chart.series());
    }

    private static String color(int i) {
        return Svg.PALETTE[Math.floorMod(i, Svg.PALETTE.length)];
    }
}
