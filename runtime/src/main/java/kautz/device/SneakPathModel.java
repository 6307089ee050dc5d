package kautz.device;

/**
 * Sneak-path currents of a read (docs/devices.md, "Passive arrays").
 *
 * <p>Reading cell (r, c) drives word line r and senses bit line c with every other line floating. Besides the
 * cell, current flows r → cells (r, j≠c) → bit lines j → cells (i≠r, j≠c) → word lines i → cells (i≠r, c) →
 * bit line c. Lumping the unselected bit lines into one node and the unselected word lines into another
 * (line resistance neglected), the sneak path is three conductances in series:
 * <pre>
 *   G1 = Σ_{j≠c} G(r, j)   G2 = Σ_{i≠r, j≠c} G(i, j)   G3 = Σ_{i≠r} G(i, c)
 *   G_sneak = 1 / (1/G1 + 1/G2 + 1/G3)
 * </pre>
 * A selector (1S1R) divides it by its non-linearity (the cells of a sneak path see about a third of the read
 * voltage); a transistor (1T1R) removes it.
 *
 * <p>Sensing is a voltage divider (as in Liang and Wong's cross-point analysis): the selected lines and the
 * sneak path, conductance G = G_cell + G_sneak, against a load G_L = √((G_on + S)·(G_off + S)), S the
 * reference sneak (the load that maximises the swing for this array); the sense node sits at
 * V_read·G/(G + G_L). The reference is the mid point of the LRS and HRS outputs of an array whose
 * unselected cells all sit at mid conductance; a read errs when the actual, data-dependent sneak moves the
 * output across it. The worst-case margin, in units of V_read, reads LRS among all-HRS cells against HRS
 * among all-LRS cells: (√DR − 1)/(√DR + 1) for a lone cell, falling with the array's size, and lower for a
 * low dynamic range DR.
 */
public final class SneakPathModel {
    private SneakPathModel() {}

    /** How much of the lumped sneak conductance reaches the sense amplifier. */
    public static double factor(ArrayType type, DevicePreset p) {
        return switch (type) {
            case ONE_T_ONE_R -> 0;
            case ONE_S_ONE_R -> 1 / p.selectorNonlinearity();
            case PASSIVE -> 1;
        };
    }

    /** Three conductances in series (0 if any is 0: no path). */
    public static double series(double g1, double g2, double g3) {
        if (g1 <= 0 || g2 <= 0 || g3 <= 0) return 0;
        return 1 / (1 / g1 + 1 / g2 + 1 / g3);
    }

    /** Sneak conductance when every unselected cell has conductance {@code g}. */
    public static double uniform(ArrayType type, DevicePreset p, int rows, int cols, double g) {
        return factor(type, p) * series((cols - 1) * g, (double) (rows - 1) * (cols - 1) * g, (rows - 1) * g);
    }

    /** The sneak conductance the sense reference assumes: unselected cells at mid conductance. */
    public static double reference(ArrayType type, DevicePreset p, int rows, int cols) {
        return uniform(type, p, rows, cols, (p.gOn() + p.gOff()) / 2);
    }

    /**
     * The sense amplifier's load conductance, chosen for the array: the geometric mean of the LRS and HRS
     * conductances seen with the reference sneak, which maximises the swing between them.
     */
    public static double load(ArrayType type, DevicePreset p, int rows, int cols) {
        double ref = reference(type, p, rows, cols);
        return Math.sqrt((p.gOn() + ref) * (p.gOff() + ref));
    }

    /** Sense-node voltage, in units of V_read, for a total conductance g against load gl. */
    public static double divider(double g, double gl) { return g / (g + gl); }

    /**
     * Worst-case read margin of a binary read in units of V_read: the output reading LRS among HRS cells minus
     * the output reading HRS among LRS cells. Negative: some data pattern makes an HRS cell read brighter than
     * an LRS cell, whatever the reference.
     */
    public static double worstCaseMargin(ArrayType type, DevicePreset p, int rows, int cols) {
        double gl = load(type, p, rows, cols);
        double on = p.gOn() + uniform(type, p, rows, cols, p.gOff());
        double off = p.gOff() + uniform(type, p, rows, cols, p.gOn());
        return divider(on, gl) - divider(off, gl);
    }

    /**
     * The conductance (cell plus sneak) at which a binary read flips: where the sense node meets the
     * reference, the mid point of LRS and HRS outputs with the reference sneak.
     */
    public static double threshold(ArrayType type, DevicePreset p, int rows, int cols) {
        double ref = reference(type, p, rows, cols);
        double gl = load(type, p, rows, cols);
        double v = (divider(p.gOn() + ref, gl) + divider(p.gOff() + ref, gl)) / 2;
        return gl * v / (1 - v);
    }

    /** The largest square array (power of two, up to 2^16) whose worst-case margin is at least {@code margin}. */
    public static int largestSquareArray(ArrayType type, DevicePreset p, double margin) {
        int best = 1;
        for (int n = 2; n <= 1 << 16; n <<= 1) {
            if (worstCaseMargin(type, p, n, n) >= margin) best = n;
            else break;
        }
        return best;
    }
}
