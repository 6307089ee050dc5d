package kautz.device;

import kautz.diag.UsageError;

/**
 * How far one pulse moves a cell towards the state the voltage across it drives it to, by the device's physics.
 * Each model works on the ratio r = |v| / v_t of the voltage across the cell to its threshold for that direction
 * (SET: vtOn, RESET: vtOff) and a rate constant k (per ns) and exponent a of that direction:
 * <ul>
 *   <li>{@code vteam} (Kvatinsky et al., IEEE TCAS-II 62(8), 2015; filamentary RRAM): a hard threshold,
 *       dx/dt = k·(r − 1)^a above it, so a pulse of t ns moves the state by t·k·(r − 1)^a (partial switching
 *       below a full step);</li>
 *   <li>{@code stt} (spin-transfer torque MTJ): current-driven and thermally activated, r being I/I_c; the
 *       cell flips completely or not at all, with probability 1 − exp(−t·k·τ-rate), rate exp(−a·(1 − r)) below
 *       the critical current (a = the thermal stability Δ) and r above it (precessional);</li>
 *   <li>{@code merz} (ferroelectric FeFET/FTJ, nucleation-limited switching): no hard threshold, a fraction
 *       1 − exp(−t·k·exp(−a/r)) of the remaining polarisation switches (Merz law, a = activation field over
 *       coercive field).</li>
 * </ul>
 */
public enum SwitchingModel {
    VTEAM("vteam") {
        @Override double progress(double r, double k, double a, double ns, double u) {
            if (r <= 1) return 0;
            double x = r - 1;
            return Math.min(1, ns * k * pow(x, a));
        }
        @Override double fullRatio(double k, double a, double ns) { return 1 + Math.pow(1 / (ns * k), 1 / a); }
        @Override double safeRatio(double k, double a, double ns) { return 1; }
    },
    STT("stt") {
        @Override double progress(double r, double k, double a, double ns, double u) {
            double rate = r >= 1 ? k * r : k * Math.exp(-a * (1 - r));
            double p = -Math.expm1(-ns * rate);
            return u < p ? 1 : 0;
        }
        // near-certain switching: exp(-t·k·r) < 1e-9
        @Override double fullRatio(double k, double a, double ns) { return Math.max(1, 20.7 / (ns * k)); }
        // switching probability below 1e-9
        @Override double safeRatio(double k, double a, double ns) { return Math.max(0, 1 - Math.log(ns * k / 1e-9) / a); }
    },
    MERZ("merz") {
        @Override double progress(double r, double k, double a, double ns, double u) {
            if (r <= 0) return 0;
            return -Math.expm1(-ns * k * Math.exp(-a / r));
        }
        // 99.9 % of the polarisation switched in one pulse
        @Override double fullRatio(double k, double a, double ns) { return a / Math.log(ns * k / 6.9); }
        // less than 1e-9 switched
        @Override double safeRatio(double k, double a, double ns) { return a / Math.log(ns * k / 1e-9); }
    };

    private final String label;

    SwitchingModel(String label) { this.label = label; }

    public String label() { return label; }

    @Override public String toString() { return label; }

    /**
     * The fraction of the way to the driven state that a pulse of {@code ns} covers at ratio {@code r} = v/v_t;
     * {@code u} is a uniform draw for the stochastic models.
     */
    abstract double progress(double r, double k, double a, double ns, double u);

    /** The ratio v/v_t from which one pulse of {@code ns} switches a cell fully (or with certainty). */
    abstract double fullRatio(double k, double a, double ns);

    /** The ratio v/v_t below which one pulse of {@code ns} leaves a cell as it is. */
    abstract double safeRatio(double k, double a, double ns);

    /** Whether the model can leave a cell between its states. */
    boolean partial() { return this != STT; }

    static SwitchingModel parse(String s) {
        for (SwitchingModel m : values()) if (m.label.equals(s.strip())) return m;
        throw new UsageError("unknown switching model '" + s + "' (expected vteam, stt or merz)");
    }

    // integer exponents (the common fits) without Math.pow: the circuit model evaluates this once per cell per op
    private static double pow(double x, double a) {
        int n = (int) a;
        if (n == a && n >= 0 && n <= 8) {
            double p = 1;
            for (int i = 0; i < n; i++) p *= x;
            return p;
        }
        return Math.pow(x, a);
    }
}
