package kautz.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A parsed sweep description (docs/sweeps.md): which kautz command every point runs, on which files, over
 * which axes, and what to collect. Every combination of one file and one value per axis is a point.
 *
 * @param source   the description file (paths in it are relative to its folder)
 * @param name     the study's name
 * @param description free text for the reader, or empty
 * @param command  the kautz command each point runs ({@code compile}, {@code run}, {@code sim})
 * @param files    the input files, in order
 * @param axes     option name (without {@code --}) to its values, in the order they vary (last fastest)
 * @param options  options every point gets
 * @param trials   the Monte Carlo axis, or null: summaries aggregate over its values
 * @param measures report keys to collect as CSV columns ({@code a.b} reaches into nested objects)
 * @param charts   charts to draw from the results
 * @param output   where the results go unless {@code -o} says otherwise, or null
 * @param timeout  seconds a point may run before it becomes an error row, or null for no limit
 */
public record SweepSpec(Path source, String name, String description, String command, List<InputFile> files,
                        LinkedHashMap<String, List<String>> axes, LinkedHashMap<String, String> options,
                        String trials, List<String> measures, List<ChartSpec> charts, Path output,
                        Double timeout) {

    /**
     * One input file.
     *
     * @param label how results name it: as written in the description, globs expanded
     * @param path  where it is read from
     */
    public record InputFile(String label, Path path) {}

    /** The options whose values are flags: {@code true} adds {@code --name}, {@code false} leaves it out. */
    public static final String FLAG_TRUE = "true";
    public static final String FLAG_FALSE = "false";

    /** The number of points: files × the product of the axes' sizes. */
    public long size() {
        long n = files.size();
        for (List<String> values : axes.values()) n = Math.multiplyExact(n, values.size());
        return n;
    }
}
