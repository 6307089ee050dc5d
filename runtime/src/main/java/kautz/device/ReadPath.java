package kautz.device;

import java.util.SplittableRandom;

/**
 * Reads cells the way a sense amplifier does: the cell's conductance (after drift, for multi-level cells
 * that rested), plus the data-dependent sneak conductance of the array ({@link SneakPathModel}), minus the
 * reference sneak, plus Gaussian read noise, expressed in the normalised state g (0 = HRS, 1 = LRS).
 * Charges nothing itself: {@link #lastEnergyPJ()} is the energy of the last read (V_read²·G·t).
 */
final class ReadPath {
    private final Crossbar xb;
    private final DeviceConfig config;
    private final SplittableRandom rnd;
    private final double sneakFactor;
    private final double gOn;
    private final double gOff;
    private double lastEnergy;
    private double bitThreshold;
    private int bitThresholdCols = -1;
    private double sneakRef;
    private long sumsVersion = -1;
    private int sumsCols;
    private double[] rowSum;
    private double[] colSum;
    private double total;

    ReadPath(Crossbar xb, DeviceConfig config, SplittableRandom rnd) {
        this.xb = xb;
        this.config = config;
        this.rnd = rnd;
        this.sneakFactor = config.ideal() ? 0 : SneakPathModel.factor(config.arrayType(), config.preset());
        this.gOn = config.preset().gOn();
        this.gOff = config.preset().gOff();
    }

    double lastEnergyPJ() { return lastEnergy; }

    /**
     * Sensed normalised state of a multi-level cell: additive read noise in normalised units (the calibrated
     * model); {@code rested} applies drift (reads after the delay).
     */
    double sense(int col, int row, boolean rested) { return sense(col, row, rested, false); }

    /**
     * {@code relativeNoise}: the noise scales with the cell's own conductance (binary reads, where an HRS cell
     * of a high dynamic range device carries almost no current and so almost no noise).
     */
    private double sense(int col, int row, boolean rested, boolean relativeNoise) {
        DevicePreset p = config.preset();
        double g = xb.conductance(col, row);
        if (rested && !config.ideal() && p.driftNu() > 0 && config.readDelayS() > p.driftT0S()) {
            g *= Math.pow(config.readDelayS() / p.driftT0S(), -p.driftNu()); // R(t) = R0·(t/t0)^ν
        }
        double sneak = 0;
        if (sneakFactor > 0) {
            refreshSums();
            double self = xb.conductance(col, row);
            double g1 = rowSum[row] - self;
            double g3 = colSum[col] - self;
            double g2 = total - rowSum[row] - colSum[col] + self;
            sneak = sneakFactor * SneakPathModel.series(g1, g2, g3);
        }
        boolean noisy = !config.ideal() && p.readNoise() > 0;
        if (noisy && relativeNoise) g *= 1 + p.readNoise() * Gaussian.next(rnd);
        double sensed = g + sneak;
        lastEnergy = p.vRead() * p.vRead() * sensed * p.readNs() * 1e3;
        double norm = (sensed - sneakRef - gOff) / (gOn - gOff);
        if (noisy && !relativeNoise) norm += p.readNoise() * Gaussian.next(rnd);
        return norm;
    }

    /** A binary read: LRS when the sense node is above the reference ({@link SneakPathModel#threshold}). */
    boolean senseBit(int col, int row) {
        double g = sense(col, row, false, true);
        if (bitThresholdCols != xb.cols()) {
            double t = config.ideal() ? SneakPathModel.threshold(ArrayType.ONE_T_ONE_R, config.preset(), 1, 1)
                    : SneakPathModel.threshold(config.arrayType(), config.preset(), xb.rows(), xb.cols());
            bitThreshold = (t - SneakPathModel.reference(config.arrayType(), config.preset(), xb.rows(), xb.cols())
                    * (sneakFactor > 0 ? 1 : 0) - gOff) / (gOn - gOff);
            bitThresholdCols = xb.cols();
        }
        return g >= bitThreshold;
    }

    // Row, column and array conductance sums, recomputed only when the array changed since the last read.
    private void refreshSums() {
        if (sumsVersion == xb.version() && sumsCols == xb.cols()) return;
        int rows = xb.rows();
        int cols = xb.cols();
        rowSum = new double[rows];
        colSum = new double[cols];
        total = 0;
        for (int c = 0; c < cols; c++) {
            double s = 0;
            if (xb.isMultiLevel(c)) {
                for (int r = 0; r < rows; r++) {
                    double g = xb.conductance(c, r);
                    rowSum[r] += g;
                    s += g;
                }
            } else {
                long[] plane = xb.plane(c);
                int ones = 0;
                for (int r = 0; r < rows; r++) {
                    boolean on = (plane[r >>> 6] >>> (r & 63) & 1) != 0;
                    rowSum[r] += on ? gOn : gOff;
                    if (on) ones++;
                }
                s = ones * gOn + (rows - ones) * gOff;
            }
            colSum[c] = s;
            total += s;
        }
        sneakRef = SneakPathModel.reference(config.arrayType(), config.preset(), rows, cols) * (config.ideal() ? 0 : 1);
        sumsVersion = xb.version();
        sumsCols = cols;
    }
}
