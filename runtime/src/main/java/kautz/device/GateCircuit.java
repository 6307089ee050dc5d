package kautz.device;

import kautz.isa.GateForm;
import kautz.isa.Opcode;

/**
 * A stateful gate of one kind and fan-in as a circuit (docs/devices.md, "Stateful gates as circuits"). The wiring
 * follows from the op's gate form, so a new opcode of the gate-form shape needs no entry here:
 * <ul>
 *   <li>the output switches (its pulled direction: SET for an OR combine, RESET for an AND combine) either when
 *       enough inputs are in LRS, i.e. when the input network conducts well: MAGIC, the inputs in series with
 *       the output, in parallel when the fold's threshold is below the fan-in (NOR, OR, MIN3), in series when
 *       all inputs must be on (NAND, AND);</li>
 *   <li>or when they are not: IMPLY, the inputs at V_COND and the output at V_SET meeting at a node with a
 *       load resistor R_G to ground.</li>
 * </ul>
 * A gate whose output's old value is an operand (RM3, the resistive majority: {@code Combine.OPERAND}) is
 * wired DIRECT: the inputs, read, set the voltages of the output cell's two electrodes, so the cell is driven
 * to 1 where the form gives 1 whatever its old value, to 0 where it gives 0 whatever, and not at all where
 * the old value decides (the inputs carry no current and are not disturbed).
 * Every cell has its access device (1T1R transistor, 1S1R selector) and the row line up to its column in
 * series. Voltages are taken at the cells' states before the pulse (the output's own switching does not feed
 * back within the pulse); MAGIC inputs are driven in the direction opposite to the output.
 */
public final class GateCircuit {
    /** How a gate's cells are connected. */
    public enum Wiring { PARALLEL, SERIES, IMPLY, DIRECT }

    private final Opcode op;
    private final int k;
    private final int threshold;
    private final Wiring wiring;
    private final boolean outputSets;
    private final DevicePreset p;
    private final double access;
    private final GateWindow window;
    // DIRECT wiring: per input pattern, +1 drive to LRS, −1 to HRS, 0 no drive
    private final int[] direct;

    GateCircuit(Opcode op, int k, DevicePreset p, ArrayType type) {
        this.op = op;
        this.k = k;
        this.p = p;
        this.access = p.accessOhm(type);
        GateForm g = op.gate();
        this.outputSets = g.combine() == GateForm.Combine.OR;
        if (!g.hasIdentity()) {
            this.threshold = 0;
            this.wiring = Wiring.DIRECT;
            this.direct = new int[1 << k];
            for (int pattern = 0; pattern < direct.length; pattern++) {
                long[][] src = new long[k][1];
                for (int s = 0; s < k; s++) if ((pattern >>> s & 1) != 0) src[s][0] = -1L;
                long v0 = g.word(0L, src, 0) & 1, v1 = g.word(-1L, src, 0) & 1;
                direct[pattern] = v0 == v1 ? (v0 == 1 ? 1 : -1) : 0;
            }
            this.window = directWindow();
            return;
        }
        this.direct = null;
        // the fold's threshold: the least number of inputs in LRS that makes the folded value true
        int t = k + 1;
        for (int m = 0; m <= k; m++) {
            if (fold(g, m)) {
                t = m;
                break;
            }
        }
        this.threshold = t;
        boolean switchesWhenHigh = g.complemented() == (g.combine() == GateForm.Combine.AND);
        this.wiring = !switchesWhenHigh ? Wiring.IMPLY : t == k && k > 1 ? Wiring.SERIES : Wiring.PARALLEL;
        this.window = computeWindow();
    }

    private boolean fold(GateForm g, int m) {
        long[][] src = new long[k][1];
        for (int s = 0; s < m; s++) src[s][0] = -1L;
        // from the identity, the destination takes the inner value: the fold, complemented when the form says so
        long inner = g.word(g.identity() ? -1L : 0L, src, 0);
        return ((inner & 1) != 0) != g.complemented();
    }

    public Opcode op() { return op; }
    public int fanIn() { return k; }
    public Wiring wiring() { return wiring; }
    public GateWindow window() { return window; }
    boolean outputSets() { return outputSets; }

    /** The gate's window and operating voltage on {@code p} in an array of {@code type}. */
    public static GateWindow window(Opcode op, int k, DevicePreset p, ArrayType type) { return new GateCircuit(op, k, p, type).window; }

    // ---- nominal circuit (windows) ----

    private double rState(boolean on) { return on ? p.rOnOhm() : p.rOffOhm(); }

    /** Voltage across the output cell per volt applied, m inputs in LRS, output in its pre-state (MAGIC). */
    private double outRatio(int m) {
        double ro = rState(!outputSets);
        double net = net(m);
        return ro / (net + ro + access);
    }

    private double net(int m) {
        double on = p.rOnOhm() + access, off = p.rOffOhm() + access;
        if (wiring == Wiring.SERIES) return m * on + (k - m) * off;
        return 1 / (m / on + (k - m) / off);
    }

    /** Largest voltage per volt across an input in the state the pulse can disturb (MAGIC). */
    private double inRatio() {
        // inputs are driven opposite to the output: when the output is SET they are driven to RESET, so those in
        // LRS can be disturbed; when it is RESET, those in HRS
        boolean disturbableOn = outputSets;
        double ro = rState(!outputSets) + access;
        double worst = 0;
        for (int m = 0; m <= k; m++) {
            int count = disturbableOn ? m : k - m;
            if (count == 0) continue;
            double cell = rState(disturbableOn);
            double net = net(m);
            double v = wiring == Wiring.SERIES ? cell / (net + ro) : net / (net + ro) * cell / (cell + access);
            worst = Math.max(worst, v);
        }
        return worst;
    }

    private GateWindow computeWindow() {
        double vtOut = outputSets ? p.vtOn() : p.vtOff();
        boolean inSets = wiring == Wiring.IMPLY ? outputSets : !outputSets; // IMPLY drives its inputs like its output
        double vtIn = inSets ? p.vtOn() : p.vtOff();
        double kOut = outputSets ? p.kOnPerNs() : p.kOffPerNs(), aOut = outputSets ? p.alphaOn() : p.alphaOff();
        double kIn = inSets ? p.kOnPerNs() : p.kOffPerNs(), aIn = inSets ? p.alphaOn() : p.alphaOff();
        SwitchingModel sw = p.switching();
        double full = sw.fullRatio(kOut, aOut, p.pulseNs());
        double safeOut = sw.safeRatio(kOut, aOut, p.pulseNs());
        double safeIn = sw.safeRatio(kIn, aIn, p.pulseNs());
        if (wiring == Wiring.IMPLY) return implyWindow(vtOut, vtIn, full, safeOut, safeIn);
        double lo = vtOut / outRatio(threshold);
        double hiOut = threshold == 0 ? Double.POSITIVE_INFINITY : vtOut / outRatio(threshold - 1);
        double in = inRatio();
        double hiIn = in > 0 ? vtIn / in : Double.POSITIVE_INFINITY;
        double hi = Math.min(hiOut, hiIn);
        String limit = hiIn < hiOut ? "inputs" : "output";
        double loP = lo * full, hiP = Math.min(hiOut * safeOut, hiIn * safeIn);
        return new GateWindow(op, k, wiring, lo, hi, loP, hiP, operating(p.vLogic(), lo, hi, loP, hiP), 0, limit);
    }

    // DIRECT: the applied voltage across the output (less its access device) must switch it either way
    private GateWindow directWindow() {
        double rhoOff = p.rOffOhm() / (p.rOffOhm() + access), rhoOn = p.rOnOhm() / (p.rOnOhm() + access);
        SwitchingModel sw = p.switching();
        double lo = Math.max(p.vtOn() / rhoOff, p.vtOff() / rhoOn);
        double loP = Math.max(p.vtOn() * sw.fullRatio(p.kOnPerNs(), p.alphaOn(), p.pulseNs()) / rhoOff,
                p.vtOff() * sw.fullRatio(p.kOffPerNs(), p.alphaOff(), p.pulseNs()) / rhoOn);
        double inf = Double.POSITIVE_INFINITY;
        return new GateWindow(op, k, Wiring.DIRECT, lo, inf, loP, inf, operating(p.vLogic(), lo, inf, loP, inf), 0, "output");
    }

    private static double operating(double preferred, double lo, double hi, double loP, double hiP) {
        if (preferred >= loP && preferred <= hiP) return preferred;
        if (loP < hiP) return Double.isInfinite(hiP) ? loP * 1.25 : (loP + hiP) / 2;
        if (lo < hi) return Double.isInfinite(hi) ? lo * 1.25 : (lo + hi) / 2;
        return preferred;
    }

    // IMPLY: inputs (p) at V_COND and output (q) at V_SET meet at a node with R_G to ground.
    private GateWindow implyWindow(double vtOut, double vtIn, double full, double safeOut, double safeIn) {
        double gl = 1 / p.loadOhm();
        double gq = 1 / (rState(!outputSets) + access);
        double rhoQ = rState(!outputSets) / (rState(!outputSets) + access);
        // V_COND: given, or 90 % of the inputs' threshold (an input in HRS sees at most V_COND); high, so that
        // with both cells in LRS the node sits near V_COND and p is not driven back towards HRS
        double vc = p.vCond() > 0 ? p.vCond() : 0.9 * vtIn * Math.min(1, safeIn);
        // q sees (V_S − V_N)·ρ with V_N = (V_C·G_p + V_S·G_q)/(G_p + G_q + G_L): linear in V_S
        double[] a = new double[k + 1], b = new double[k + 1];
        for (int m = 0; m <= k; m++) {
            double gp = 1 / net(m);
            double d = gp + gq + gl;
            a[m] = (1 - gq / d) * rhoQ;
            b[m] = gp / d * rhoQ;
        }
        int must = threshold - 1; // the output must switch for every m below the threshold; worst case m = t − 1
        double lo = (vtOut + vc * b[must]) / a[must];
        double hi = threshold <= k ? (vtOut + vc * b[threshold]) / a[threshold] : Double.POSITIVE_INFINITY;
        double loP = (vtOut * full + vc * b[must]) / a[must];
        double hiP = threshold <= k ? (vtOut * safeOut + vc * b[threshold]) / a[threshold] : Double.POSITIVE_INFINITY;
        // inputs in LRS with the output already switched: the node rises towards V_SET and drives them the other
        // way; V_N − V_COND must stay below that direction's threshold
        double gpOn = 1 / net(k), gqOn = 1 / (rState(outputSets) + access);
        double d = gpOn + gqOn + gl;
        double vtBack = outputSets ? p.vtOff() : p.vtOn();
        double kBack = outputSets ? p.kOffPerNs() : p.kOnPerNs(), aBack = outputSets ? p.alphaOff() : p.alphaOn();
        double hiIn = (vtBack + vc * (1 - gpOn / d)) * d / gqOn;
        double hiInP = (vtBack * p.switching().safeRatio(kBack, aBack, p.pulseNs()) + vc * (1 - gpOn / d)) * d / gqOn;
        String limit = hiIn < hi ? "inputs" : "output";
        hi = Math.min(hi, hiIn);
        hiP = Math.min(hiP, hiInP);
        return new GateWindow(op, k, wiring, lo, hi, loP, hiP, operating(p.vLogic(), lo, hi, loP, hiP), vc, limit);
    }

    // ---- one row, with variation ----

    /**
     * Evaluates the gate in one row. {@code in[s]} and {@code rIn[s]} are the inputs' normalised states (1 = LRS)
     * and resistances including variation, {@code seriesIn[s]} their access and line resistance; the same for the
     * output. Writes the cells' new normalised states into {@code newIn} and returns the output's.
     *
     * @param vtScale per-cell threshold factors (cycle-to-cycle), inputs then output
     * @param u       uniforms for the stochastic switching laws, inputs then output
     */
    double evaluate(double[] in, double[] rIn, double[] seriesIn, double out, double rOut, double seriesOut,
                    double[] vtScale, double[] u, double[] newIn) {
        GateWindow w = window;
        double scale = p.gateVoltageScale();
        if (wiring == Wiring.DIRECT) {
            int pattern = 0;
            for (int s = 0; s < k; s++) {
                newIn[s] = in[s];
                if (in[s] >= 0.5) pattern |= 1 << s;
            }
            int drive = direct[pattern];
            if (drive == 0) return out;
            double v = w.operatingV() * scale * rOut / (rOut + seriesOut);
            return drive(p, out, drive > 0 ? v : -v, true, vtScale[k], u[k]);
        }
        double v0 = w.operatingV() * scale;
        double vc = w.condV() * scale;
        double vOut;
        double[] vIn = newIn; // reuse as scratch for the input voltages (signed: + in the output's direction)
        if (wiring == Wiring.IMPLY) {
            double gp = 0;
            for (int s = 0; s < k; s++) gp += 1 / (rIn[s] + seriesIn[s]);
            double gq = 1 / (rOut + seriesOut);
            double vn = (vc * gp + v0 * gq) / (gp + gq + 1 / p.loadOhm());
            vOut = (v0 - vn) * rOut / (rOut + seriesOut);
            for (int s = 0; s < k; s++) vIn[s] = (vc - vn) * rIn[s] / (rIn[s] + seriesIn[s]);
        } else {
            double netR;
            if (wiring == Wiring.SERIES) {
                netR = 0;
                for (int s = 0; s < k; s++) netR += rIn[s] + seriesIn[s];
            } else {
                double g = 0;
                for (int s = 0; s < k; s++) g += 1 / (rIn[s] + seriesIn[s]);
                netR = 1 / g;
            }
            double i = v0 / (netR + rOut + seriesOut);
            vOut = i * rOut;
            for (int s = 0; s < k; s++) {
                double v = wiring == Wiring.SERIES ? i * rIn[s] : i * netR * rIn[s] / (rIn[s] + seriesIn[s]);
                vIn[s] = -v; // driven opposite to the output
            }
        }
        for (int s = 0; s < k; s++) newIn[s] = drive(p, in[s], vIn[s], outputSets, vtScale[s], u[s]);
        return drive(p, out, vOut, outputSets, vtScale[k], u[k]);
    }

    /**
     * A cell of preset {@code p} at normalised state x with voltage v across it, positive meaning the direction
     * {@code sets} (SET when true): its state after one pulse.
     */
    static double drive(DevicePreset p, double x, double v, boolean sets, double vtScale, double u) {
        boolean set = (v > 0) == sets;
        double mag = Math.abs(v);
        if (mag == 0 || set && x >= 1 || !set && x <= 0) return x;
        double vt = (set ? p.vtOn() : p.vtOff()) * vtScale;
        double step = p.switching().progress(mag / vt, set ? p.kOnPerNs() : p.kOffPerNs(), set ? p.alphaOn() : p.alphaOff(),
                p.pulseNs(), u);
        if (step == 0) return x;
        return set ? Math.min(1, x + step) : Math.max(0, x - step);
    }
}
