package kautz.bench.qor;

import kautz.flow.RowSize;

/**
 * One point of a quality-of-results grid: a shared benchmark file compiled for one family with one scheduler
 * at one row setting.
 *
 * @param file      the file's path inside the shared benchmarks folder ({@code epfl/sin.aig})
 * @param family    a built-in family name
 * @param scheduler a scheduler name
 * @param row       {@code unlimited}, {@code min}, {@code simpler} (SIMPLER's minimum row of the file) or a number of cells
 */
public record QorCase(String file, String family, String scheduler, String row) {
    /** The key a table row is found by: every column that chooses the compilation. */
    public String key() { return file + " " + family + " " + scheduler + " " + row; }

    /** The file name without folder and extension, as REFERENCE.tsv names benchmarks. */
    public String stem() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The row size to compile with; {@code simpler} needs SIMPLER's minimum row of the file. */
    RowSize rowSize(int simplerMinRow) {
        return switch (row) {
            case "unlimited" -> RowSize.unlimited();
            case "min" -> RowSize.min();
            case "simpler" -> RowSize.of(simplerMinRow);
            default -> RowSize.of(Integer.parseInt(row));
        };
    }
}
