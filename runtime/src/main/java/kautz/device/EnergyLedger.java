package kautz.device;

import java.util.Arrays;

/**
 * Energy spent during one kernel run, in picojoules: per micro-op (index {@code ops.size()} holds input
 * loading, {@code ops.size() + 1} output reading and mem stores) and per {@link EnergyKind}. Every charge goes
 * to both, so the split and the per-op list each sum to the total.
 */
public final class EnergyLedger {
    private final double[] byKind = new double[EnergyKind.values().length];
    private final double[] byOp;

    public EnergyLedger(int ops) { this.byOp = new double[ops + 2]; }

    public void charge(int op, EnergyKind kind, double pj) {
        byKind[kind.ordinal()] += pj;
        byOp[op] += pj;
    }

    public double total() {
        double t = 0;
        for (double e : byOp) t += e;
        return t;
    }

    public double of(EnergyKind kind) { return byKind[kind.ordinal()]; }

    /** Energy of op {@code i}; {@code ops} is input loading, {@code ops + 1} output reading and mem stores. */
    public double ofOp(int i) { return byOp[i]; }

    public double[] perOp() { return Arrays.copyOf(byOp, byOp.length); }
}
