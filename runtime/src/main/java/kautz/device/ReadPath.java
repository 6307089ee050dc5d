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
        boolean multi = xb.isMultiLevel(col);
        double x = xb.normalised(col, row);
        boolean aged = rested && multi && !config.ideal() && config.readDelayS() > 0;
        if (aged && p.retentionPerDecade() > 0) x = retained(p, x);
        double g = p.conductance(x);
        if (aged && p.isPcm() && config.readDelayS() > p.driftT0S()) {
            g *= Math.pow(config.readDelayS() / p.driftT0S(), -driftNu(p, col, row, x)); // R(t) = R0·(t/t0)^ν
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
        double norm = p.normalisedOf(sensed - sneakRef);
        // multi-level reads: the read noise is a relative conductance spread, a spread of ln G
        if (noisy && !relativeNoise) norm += p.normalisedSpread(p.readNoise()) * Gaussian.next(rnd);
        if (multi && !config.ideal() && p.readDisturb() > 0) xb.nudge(col, row, x + p.readDisturb() * (1 - x));
        return norm;
    }

    /**
     * RRAM retention loss after the read delay: the state decays towards HRS by retentionPerDecade of itself per
     * decade of rest, the rest accelerated by temperature (Arrhenius, activation energy retentionEaEV, against 300 K).
     */
    private double retained(DevicePreset p, double x) {
        double kB = 8.617333e-5;
        double t = config.readDelayS() * Math.exp(p.retentionEaEV() / kB * (1 / 300.0 - 1 / p.temperatureK()));
        return Math.max(0, x * (1 - p.retentionPerDecade() * Math.log10(1 + t)));
    }

    /**
     * PCM drift exponent of a cell at state x: aihwkit's statistical PCM model (Nandakumar et al.), mean
     * clip(−0.0155·ln g_T + 0.0244, 0.049, 0.1) and spread clip(−0.0125·ln g_T − 0.0059, 0.008, 0.045) with g_T
     * the conductance in µS on a 25 µS full scale, scaled by the preset's driftNu against aihwkit's 0.049; the
     * spread is drawn once per cell.
     */
    private double driftNu(DevicePreset p, int col, int row, double x) {
        double gT = 25 * p.conductance(x) / p.gOn();
        double mean = Math.min(0.1, Math.max(0.049, -0.0155 * Math.log(gT) + 0.0244));
        double sd = Math.min(0.045, Math.max(0.008, -0.0125 * Math.log(gT) - 0.0059));
        return Math.max(0, (mean + sd * xb.cellGaussian(col, row, 0xD81F7L)) * p.driftNu() / 0.049);
    }

    /** A binary read: LRS when the sense node is above the reference ({@link SneakPathModel#threshold}). */
    boolean senseBit(int col, int row) {
        double g = sense(col, row, false, true);
        if (bitThresholdCols != xb.cols()) {
            double t = config.ideal() ? SneakPathModel.threshold(ArrayType.ONE_T_ONE_R, config.preset(), 1, 1)
                    : SneakPathModel.threshold(config.arrayType(), config.preset(), xb.rows(), xb.cols());
            bitThreshold = config.preset().normalisedOf(t - SneakPathModel.reference(config.arrayType(), config.preset(), xb.rows(), xb.cols())
                    * (sneakFactor > 0 ? 1 : 0));
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
