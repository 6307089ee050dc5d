package kautz.device;

import java.util.SplittableRandom;

/**
 * Write-verify programming of one multi-level cell (docs/devices.md, "Multi-level cells").
 *
 * <p>Device response: a SET pulse of amplitude V drives the cell towards h(V) = (V − vSet)/(vSetMax − vSet)
 * (a compliance-like threshold response) and only upwards: g := max(g, h(V) + ε), ε ~ N(0, σ) drawn
 * each time the pulse moves the cell. A RESET pulse returns it near HRS: g := |ε|. Level ℓ of L has target
 * t = ℓ/(L−1) and is accepted when a verify read is within verifyWindow/(L−1) of t.
 *
 * <p>Every write starts with a RESET and a verify. Then, until accepted or until pulseCap pulses:
 * <ul>
 *   <li>ISPP: amplitudes vSet, vSet + step, vSet + 2·step, …;</li>
 *   <li>fixed: identical partial SET pulses, each adding fixedStep (± c2cSigma) to g;</li>
 *   <li>adaptive: the next amplitude grows by max(step, adaptiveGain·(t − read)·(vSetMax − vSet)): big
 *       steps far from the target, fine ones near it;</li>
 * </ul>
 * and a verify read that lands above the window (overshoot) makes the next pulse a RESET that restarts the
 * ramp. Each pulse costs V²·G·t plus the SET/RESET switching energy; each verify V_read²·G·t. σ is the
 * preset's relative conductance spread in normalised units ({@link #programSpread}); an accepted write then
 * relaxes by relaxSigma.
 */
final class MlcProgrammer {
    private final Crossbar xb;
    private final DeviceConfig config;
    private final ReadPath reader;
    private final SplittableRandom rnd;
    private final MlcStats stats;

    MlcProgrammer(Crossbar xb, DeviceConfig config, ReadPath reader, SplittableRandom rnd, MlcStats stats) {
        this.xb = xb;
        this.config = config;
        this.reader = reader;
        this.rnd = rnd;
        this.stats = stats;
    }

    /** Programs cell (row, col) of an L-level column to {@code level}; charges energy to {@code op}. */
    void program(int col, int row, int level, int levels, EnergyLedger ledger, int op) {
        DevicePreset p = config.preset();
        double target = (double) level / (levels - 1);
        double window = p.verifyWindow() / (levels - 1);
        double range = p.vSetMax() - p.vSet();
        xb.setIntendedLevel(col, row, level);
        int pulses = 0;
        int verifies = 0;
        double v = p.vSet();
        boolean reset = true;
        boolean accepted = false;
        while (pulses < p.pulseCap()) {
            double before = xb.conductance(col, row);
            double g = xb.normalised(col, row);
            if (reset) {
                xb.pulseAnalog(col, row, Math.abs(noise(programSpread(p, 0))));
                ledger.charge(op, EnergyKind.PROGRAM, p.vReset() * p.vReset() * before * p.pulseNs() * 1e3 + p.resetEnergyPJ());
                v = p.vSet();
                reset = false;
            } else {
                double aim = config.scheme() == WriteScheme.FIXED ? g + p.fixedStep() : (v - p.vSet()) / range;
                double next = switch (config.scheme()) {
                    case ISPP, ADAPTIVE -> Math.max(g, aim + noise(programSpread(p, aim)));
                    case FIXED -> aim + noise(programSpread(p, aim));
                };
                boolean moved = xb.pulseAnalog(col, row, next);
                double amplitude = config.scheme() == WriteScheme.FIXED ? p.vSet() + p.fixedStep() * range : v;
                ledger.charge(op, EnergyKind.PROGRAM, amplitude * amplitude * before * p.pulseNs() * 1e3 + (moved ? p.setEnergyPJ() : 0));
            }
            pulses++;
            double read = reader.sense(col, row, false);
            verifies++;
            ledger.charge(op, EnergyKind.VERIFY, reader.lastEnergyPJ());
            if (Math.abs(read - target) <= window) {
                accepted = true;
                // RRAM relaxation: the filament settles just after the verified write, beyond the verify's reach
                if (p.relaxSigma() > 0) xb.nudge(col, row, xb.normalised(col, row) + noise(p.normalisedSpread(p.relaxSigma())));
                break;
            }
            if (read > target + window) {
                reset = true;
                continue;
            }
            v += switch (config.scheme()) {
                case ISPP, FIXED -> p.isppStepV();
                case ADAPTIVE -> Math.max(p.isppStepV(), p.adaptiveGain() * (target - read) * range);
            };
        }
        stats.recordWrite(pulses, verifies, !accepted);
    }

    /**
     * The spread of the state a programming pulse reaches, aiming at normalised state {@code aim}: the preset's
     * relative conductance spread (a spread of ln G, so proportional to the level's conductance), or for PCM
     * aihwkit's programming-noise polynomial σ_G = 0.2635 + 1.965·x − 1.1731·x² µS on a 25 µS full scale
     * (x = G/G_on), which is wide near HRS.
     */
    static double programSpread(DevicePreset p, double aim) {
        if (!p.isPcm()) return p.normalisedSpread(p.c2cSigma());
        double a = Math.max(0, Math.min(1, aim));
        double x = p.conductance(a) / p.gOn();
        double sigmaG = (0.2635 + 1.965 * x - 1.1731 * x * x) / 25 * p.gOn();
        return p.normalisedSpread(sigmaG / p.conductance(a));
    }

    private double noise(double sigma) {
        return config.ideal() || sigma == 0 ? 0 : sigma * Gaussian.next(rnd);
    }
}
