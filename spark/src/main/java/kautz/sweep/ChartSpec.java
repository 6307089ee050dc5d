package kautz.sweep;

/**
 * One chart of a study, drawn as SVG from the results.
 *
 * @param kind   {@code lines}: y against x, one line per series value, one panel per panel value (means over
 *               Monte Carlo trials); {@code distribution}: the empirical distribution (ECDF) of {@code y}, one
 *               curve per series value
 * @param name   file name stem of the chart ({@code results.NAME.svg})
 * @param title  caption
 * @param x      measure or axis on the x axis (lines only)
 * @param y      measure plotted
 * @param series axis (or {@code file}) that tells the lines apart, or null
 * @param panel  axis (or {@code file}) that splits the chart into panels, or null
 */
public record ChartSpec(String kind, String name, String title, String x, String y, String series, String panel) {
    public static final String LINES = "lines";
    public static final String DISTRIBUTION = "distribution";
}
