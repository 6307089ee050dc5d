package kautz.device;

import kautz.ports.BitPlanes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The state of an R×C array. Binary values are bit-planes per column ({@code value[col][word]}, 64 rows per
 * long, 1 = LRS) so one micro-op updates a column of all rows with word operations; wear is counted per cell.
 * Multi-level columns also hold a normalised conductance per row. Columns are allocated on first use, so the
 * array can grow when mem cells are placed beyond the program's row.
 *
 * <p>Wear: every state change of a cell counts one switch; at {@code budget} switches (drawn per cell from a
 * log-normal distribution around the preset's endurance) the cell sticks in the state it switched into.
 */
public final class Crossbar {
    private final DevicePreset preset;
    private final int rows;
    private final int words;
    private final long lastMask;
    private final long seed;
    private final boolean ideal;
    private int cols;
    private long[][] value = new long[0][];
    private long[][] stuck = new long[0][];
    private int[][] switches = new int[0][];
    private int[][] budget = new int[0][];
    private long[] columnPulses = new long[0];
    private int[][] extraPulses = new int[0][];
    private float[][] analog = new float[0][];
    private int[][] intended = new int[0][];
    private int[] levels = new int[0];
    // binary cells left between their states by partial switching: the distance from the nominal state (null: none)
    private float[][] deviation = new float[0][];
    // device-to-device resistance factor per cell (null when the preset has no such spread)
    private float[][] d2d = new float[0][];
    private long stuckCells;
    private long version;

    public Crossbar(DevicePreset preset, int rows, int cols, long seed, boolean ideal) {
        this.preset = preset;
        this.rows = rows;
        this.words = BitPlanes.words(rows);
        this.lastMask = BitPlanes.lastWordMask(rows);
        this.seed = seed;
        this.ideal = ideal;
        ensureColumns(cols);
    }

    public DevicePreset preset() { return preset; }
    public int rows() { return rows; }
    public int cols() { return cols; }
    public int words() { return words; }
    public long lastMask() { return lastMask; }
    public long stuckCells() { return stuckCells; }
    /** Changes whenever any cell's state changes (lets readers cache array-wide sums). */
    public long version() { return version; }

    /** Grows the array to at least {@code n} columns; new cells are fresh, in HRS. */
    public void ensureColumns(int n) {
        if (n <= cols) return;
        if (n > DeviceConfig.MAX_COLS) throw new IllegalArgumentException("more than " + DeviceConfig.MAX_COLS + " columns");
        value = Arrays.copyOf(value, n);
        stuck = Arrays.copyOf(stuck, n);
        switches = Arrays.copyOf(switches, n);
        budget = Arrays.copyOf(budget, n);
        columnPulses = Arrays.copyOf(columnPulses, n);
        extraPulses = Arrays.copyOf(extraPulses, n);
        analog = Arrays.copyOf(analog, n);
        intended = Arrays.copyOf(intended, n);
        levels = Arrays.copyOf(levels, n);
        deviation = Arrays.copyOf(deviation, n);
        d2d = Arrays.copyOf(d2d, n);
        for (int c = cols; c < n; c++) {
            value[c] = new long[words];
            stuck[c] = new long[words];
            switches[c] = new int[rows];
            budget[c] = drawBudgets(c);
        }
        cols = n;
        version++;
    }

    // One generator per column, so a cell's endurance does not depend on the order columns were allocated in.
    private int[] drawBudgets(int col) {
        int[] b = new int[rows];
        double median = Math.min(preset.enduranceSwitches(), Integer.MAX_VALUE);
        if (ideal) {
            Arrays.fill(b, Integer.MAX_VALUE);
            return b;
        }
        if (preset.enduranceSpread() == 0) {
            Arrays.fill(b, (int) median);
            return b;
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + col);
        for (int r = 0; r < rows; r++) {
            double x = median * Math.exp(preset.enduranceSpread() * Gaussian.next(rnd));
            b[r] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, x));
        }
        return b;
    }

    /** The binary values of a column (do not modify; use {@link #write}). */
    public long[] plane(int col) { return value[col]; }

    public long[] stuckPlane(int col) { return stuck[col]; }

    /** Records one pulse applied to every row of a column. */
    public void pulseColumn(int col) { columnPulses[col]++; }

    /**
     * Writes new binary values into a column: stuck cells keep theirs, every change counts a switch, cells
     * that reach their budget stick. Returns {@code sets << 32 | resets}.
     */
    public long write(int col, long[] next) {
        long[] old = value[col];
        long[] st = stuck[col];
        int[] sw = switches[col];
        int[] bud = budget[col];
        long sets = 0, resets = 0;
        boolean wasAnalog = analog[col] != null;
        for (int w = 0; w < words; w++) {
            long mask = w == words - 1 ? lastMask : -1L;
            long n = ((next[w] & ~st[w]) | (old[w] & st[w])) & mask;
            long changed = old[w] ^ n;
            if (changed != 0) {
                sets += Long.bitCount(changed & n);
                resets += Long.bitCount(changed & ~n);
                long bits = changed;
                int base = w << 6;
                while (bits != 0) {
                    int r = base + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (++sw[r] >= bud[r]) {
                        st[w] |= 1L << (r & 63);
                        stuckCells++;
                    }
                }
                version++;
            }
            old[w] = n;
        }
        if (wasAnalog) makeBinary(col);
        return sets << 32 | resets;
    }

    private void makeBinary(int col) {
        analog[col] = null;
        deviation[col] = null;
        intended[col] = null;
        levels[col] = 0;
        version++;
    }

    // ---- multi-level cells ----

    /** Turns a column into multi-level cells of {@code l} levels (their state starts at the binary value). */
    public void makeMultiLevel(int col, int l) {
        if (analog[col] != null && levels[col] == l) return;
        float[] a = new float[rows];
        for (int r = 0; r < rows; r++) a[r] = bit(col, r) ? 1f : 0f;
        analog[col] = a;
        deviation[col] = null;
        intended[col] = new int[rows];
        if (extraPulses[col] == null) extraPulses[col] = new int[rows];
        levels[col] = l;
        version++;
    }

    public boolean isMultiLevel(int col) { return analog[col] != null; }
    public int levels(int col) { return levels[col]; }
    public float g(int col, int row) { return analog[col][row]; }
    public int intendedLevel(int col, int row) { return intended[col][row]; }
    public void setIntendedLevel(int col, int row, int level) { intended[col][row] = level; }

    public boolean isStuck(int col, int row) { return (stuck[col][row >>> 6] >>> (row & 63) & 1) != 0; }

    /**
     * One programming pulse on a multi-level cell: it moves to {@code g} (clamped to [0, 1]) unless stuck, and
     * counts as a write and a switch. Returns whether the cell moved.
     */
    public boolean pulseAnalog(int col, int row, double g) {
        extraPulses[col][row]++;
        if (isStuck(col, row)) return false;
        float ng = (float) Math.max(0, Math.min(1, g));
        analog[col][row] = ng;
        // keep the binary view consistent: above half range reads as LRS
        long bit = 1L << (row & 63);
        if (ng >= 0.5f) value[col][row >>> 6] |= bit;
        else value[col][row >>> 6] &= ~bit;
        if (++switches[col][row] >= budget[col][row]) {
            stuck[col][row >>> 6] |= bit;
            stuckCells++;
        }
        version++;
        return true;
    }

    /**
     * Moves a multi-level cell to state g without a pulse (relaxation, retention loss, read disturb): the device's
     * own drift, not a write, so no wear and no energy.
     */
    public void nudge(int col, int row, double g) {
        if (analog[col] == null || isStuck(col, row)) return;
        place(col, row, g, intended[col][row]);
    }

    /** A standard normal value fixed per cell and purpose {@code salt} (a cell's own drift exponent, say). */
    public double cellGaussian(int col, int row, long salt) {
        return Gaussian.next(new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ col * 0xC2B2AE3D27D4EB4FL ^ row * 0x165667B19E3779F9L ^ salt));
    }

    /** Places a multi-level cell at state g without a pulse: initial contents, not a write (no wear, no energy). */
    public void place(int col, int row, double g, int level) {
        float ng = (float) Math.max(0, Math.min(1, g));
        analog[col][row] = ng;
        intended[col][row] = level;
        long bit = 1L << (row & 63);
        if (ng >= 0.5f) value[col][row >>> 6] |= bit;
        else value[col][row >>> 6] &= ~bit;
        version++;
    }

    public boolean bit(int col, int row) { return (value[col][row >>> 6] >>> (row & 63) & 1) != 0; }

    /** Normalised state of a cell: its analog value, or 0/1 for a binary cell (less any partial switching). */
    public double normalised(int col, int row) {
        float[] a = analog[col];
        if (a != null) return a[row];
        float[] dv = deviation[col];
        double d = dv == null ? 0 : dv[row];
        return bit(col, row) ? 1 - d : d;
    }

    /**
     * Sets how far a binary cell stands from its nominal state towards the other (partial switching, input
     * disturb): 0 is the nominal state, below 0.5 (at 0.5 the cell reads as the other value).
     */
    public void setDeviation(int col, int row, double d) {
        if (analog[col] != null) return;
        float[] dv = deviation[col];
        if (dv == null) {
            if (d == 0) return;
            dv = deviation[col] = new float[rows];
        }
        if (dv[row] != (float) d) {
            dv[row] = (float) d;
            version++;
        }
    }

    /** Whether any binary cell of the column stands between its states. */
    public boolean hasDeviation(int col) { return deviation[col] != null; }

    /**
     * The device-to-device factor of a cell's resistance: log-normal with σ = the preset's rSigmaD2D, drawn
     * once per cell (one generator per column, as the endurance budgets), 1 on an ideal array.
     */
    public double d2dFactor(int col, int row) {
        if (ideal || preset.rSigmaD2D() == 0) return 1;
        float[] f = d2d[col];
        if (f == null) {
            f = d2d[col] = new float[rows];
            SplittableRandom rnd = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + col * 0x9E3779B97F4A7C15L + 1);
            for (int r = 0; r < rows; r++) f[r] = (float) Math.exp(preset.rSigmaD2D() * Gaussian.next(rnd));
        }
        return f[row];
    }

    public double conductance(int col, int row) { return preset.conductance(normalised(col, row)); }

    // ---- wear ----

    public long writes(int col, int row) {
        return columnPulses[col] + (extraPulses[col] == null ? 0 : extraPulses[col][row]);
    }

    public int switches(int col, int row) { return switches[col][row]; }

    public int budget(int col, int row) { return budget[col][row]; }

    public CellState cell(int row, int col) {
        return new CellState(conductance(col, row), analog[col] != null ? intended[col][row] : bit(col, row) ? 1 : 0,
                analog[col] != null, writes(col, row), switches[col][row], budget[col][row], isStuck(col, row));
    }
}
