package kautz.schedule;

import com.google.common.collect.ImmutableMap;
import kautz.diag.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SIMPLER MAGIC's published/re-measured results ({@code REFERENCE.tsv} in the shared benchmarks): per
 * benchmark the gates, the minimum row and the cycles at that row, at 512 and at 1024 cells
 * ({@link #FAIL} where SIMPLER cannot map).
 */
public record SimplerReference(String benchmark, int inputs, int outputs, int gates, int minRow,
                               int cyclesMin, int cycles512, int cycles1024) {
    public static final int FAIL = -1;

    /** Cycles at a row size of the table (minRow, 512 or 1024), {@link #FAIL} if SIMPLER fails there. */
    public int cyclesAt(int row) {
        if (row == minRow) return cyclesMin;
        if (row == 512) return cycles512;
        if (row == 1024) return cycles1024;
        throw new IllegalArgumentException("REFERENCE.tsv has no column for row " + row);
    }

    /** Reads the table: benchmark name (file stem) to its row. */
    public static ImmutableMap<String, SimplerReference> read(Path tsv) {
        Map<String, SimplerReference> rows = new LinkedHashMap<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(tsv)) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("benchmark\t")) continue;
                String[] f = line.split("\t");
                if (f.length != 8) throw new UserError(tsv + ":" + lineNo + ": expected 8 tab-separated fields, got " + f.length);
                rows.put(f[0], new SimplerReference(f[0], num(f[1]), num(f[2]), num(f[3]), num(f[4]), num(f[5]), num(f[6]), num(f[7])));
            }
        } catch (IOException e) {
            throw new UserError(tsv + ": cannot read: " + e.getMessage());
        }
        return ImmutableMap.copyOf(rows);
    }

    private static int num(String s) { return s.equals("fail") ? FAIL : Integer.parseInt(s.trim()); }
}
