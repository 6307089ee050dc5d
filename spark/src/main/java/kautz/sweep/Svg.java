package kautz.sweep;

import java.util.Locale;

/** A small SVG writer: the few shapes the charts need, with text escaped. No dependency. */
final class Svg {
    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};

    private final StringBuilder sb = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double w) {
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n", x1, y1, x2, y2, stroke, w));
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke, boolean steps) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (steps && i > 0) pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i - 1]));
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
        }
        sb.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"1.6\" points=\"").append(pts.toString().strip()).append("\"/>\n");
        return this;
    }

    Svg circle(double x, double y, double r, String fill) {
        sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n", x, y, r, fill));
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>%n", x, y, w, h, fill, stroke));
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} turns it (degrees) about its anchor. */
    Svg text(double x, double y, String s, int size, String anchor, double rotate) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\"", x, y, size, anchor));
        if (rotate != 0) sb.append(String.format(Locale.ROOT, " transform=\"rotate(%.0f %.1f %.1f)\"", rotate, x, y));
        sb.append('>').append(escape(s)).append("</text>\n");
        return this;
    }

    @Override
    public String toString() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
                + "\" font-family=\"Helvetica, Arial, sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + sb + "</svg>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
