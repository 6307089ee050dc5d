package kautz.bench.qor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One measured line of a quality-of-results table. A program that does not fit its row has
 * {@code rowSize} {@link #FAIL} and no counts; {@code needs} then says what the row would have to be.
 *
 * @param c              what was compiled
 * @param rowSize        the row the program uses (its limit), or {@link #FAIL}
 * @param gates          gates of the program (logic ops; an IMPLY NAND is two)
 * @param cycles         total cycles (logic + init, T0 free under bulk)
 * @param cells          highest cell used + 1, inputs included
 * @param cpuMs          CPU time of the compiling thread (informational: never compared)
 * @param needs          for a failure, the row the error names ({@code >=2201}, {@code <=1063}); else empty
 * @param simplerGates   SIMPLER's gates for the file (REFERENCE.tsv), or empty
 * @param simplerRow     SIMPLER's minimum row for the file, or empty
 * @param simplerCycles  SIMPLER's cycles at the same row setting ({@link #FAIL} where it cannot map), or empty
 */
public record QorRow(QorCase c, int rowSize, long gates, long cycles, long cells, long cpuMs, String needs,
                     OptionalInt simplerGates, OptionalInt simplerRow, OptionalInt simplerCycles) {
    public static final int FAIL = -1;

    public static final String HEADER = "file\tfamily\tscheduler\trow\trowSize\tgates\tcycles\tcells\tcpuMs\tsimplerGates\tsimplerRow\tsimplerCycles\tneeds";

    public boolean fits() { return rowSize != FAIL; }

    public String toTsv() {
        return String.join("\t", c.file(), c.family(), c.scheduler(), c.row(),
                fits() ? Integer.toString(rowSize) : "fail",
                fits() ? Long.toString(gates) : "-",
                fits() ? Long.toString(cycles) : "-",
                fits() ? Long.toString(cells) : "-",
                Long.toString(cpuMs), opt(simplerGates), opt(simplerRow), opt(simplerCycles), fits() ? "-" : needs);
    }

    private static String opt(OptionalInt v) {
        return v.isEmpty() ? "-" : v.getAsInt() == FAIL ? "fail" : Integer.toString(v.getAsInt());
    }

    /** Parses a line written by {@link #toTsv}; {@code where} names the line in errors. */
    public static QorRow parse(String line, String where) {
        String[] f = line.split("\t", -1);
        if (f.length != 13) throw new IllegalArgumentException(where + ": expected 13 tab-separated fields, got " + f.length);
        QorCase c = new QorCase(f[0], f[1], f[2], f[3]);
        long cpu = Long.parseLong(f[8]);
        if (f[4].equals("fail")) {
            return new QorRow(c, FAIL, 0, 0, 0, cpu, f[12], parseOpt(f[9]), parseOpt(f[10]), parseOpt(f[11]));
        }
        return new QorRow(c, Integer.parseInt(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), cpu, "",
                parseOpt(f[9]), parseOpt(f[10]), parseOpt(f[11]));
    }

    private static OptionalInt parseOpt(String s) {
        return s.equals("-") ? OptionalInt.empty() : OptionalInt.of(s.equals("fail") ? FAIL : Integer.parseInt(s));
    }

    /**
     * How this measurement compares with the committed one: the counts that got worse and those that got
     * better, in words ({@code cycles 1530 -> 1540}). A row that fitted and no longer does is worse, the
     * reverse better; CPU time is not compared.
     */
    public Comparison against(QorRow committed) {
        List<String> worse = new ArrayList<>(), better = new ArrayList<>();
        if (fits() != committed.fits()) {
            (fits() ? better : worse).add((committed.fits() ? "row " + committed.rowSize : "fail (" + committed.needs + ")")
                    + " -> " + (fits() ? "row " + rowSize : "fail (" + needs + ")"));
        } else if (fits()) {
            compare("rowSize", committed.rowSize, rowSize, worse, better);
            compare("gates", committed.gates, gates, worse, better);
            compare("cycles", committed.cycles, cycles, worse, better);
            compare("cells", committed.cells, cells, worse, better);
        }
        return new Comparison(List.copyOf(worse), List.copyOf(better));
    }

    private static void compare(String what, long was, long now, List<String> worse, List<String> better) {
        if (now > was) worse.add(what + " " + was + " -> " + now);
        else if (now < was) better.add(what + " " + was + " -> " + now);
    }

    /** The counts that got worse and better, each as {@code name was -> now}. */
    public record Comparison(List<String> worse, List<String> better) {
        public boolean same() { return worse.isEmpty() && better.isEmpty(); }
    }
}
