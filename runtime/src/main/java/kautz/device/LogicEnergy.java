package kautz.device;

import kautz.isa.GateForm;
import kautz.isa.Opcode;

/**
 * Energy of one stateful-logic pulse in one row, by how many of its k inputs are in LRS (m) and the output's
 * state before the pulse (docs/devices.md, "Energy"). MAGIC applies V0 = vLogic across the input cells and
 * the output cell in series: inputs in parallel for nor/or/min3/imp, in series for nand/and. The pulse costs
 * V0²·G·t with G = G_in·G_out/(G_in + G_out), the output's state taken before it switches (an upper bound);
 * the switching energy of an output that changes is charged apart.
 */
final class LogicEnergy {
    private LogicEnergy() {}

    /** {@code table[m * 2 + out]} in picojoules for an op with k inputs. */
    static double[] table(Opcode op, int k, DevicePreset p) {
        double[] t = new double[(k + 1) * 2];
        double on = p.gOn();
        double off = p.gOff();
        boolean series = op.gate().fold() == GateForm.Fold.AND; // an AND of inputs: the input cells in series
        for (int m = 0; m <= k; m++) {
            double gin = series ? 1 / (m / on + (k - m) / off) : m * on + (k - m) * off;
            for (int out = 0; out < 2; out++) {
                double gout = out == 1 ? on : off;
                double g = gin * gout / (gin + gout);
                t[m * 2 + out] = p.vLogic() * p.vLogic() * g * p.pulseNs() * 1e3;
            }
        }
        return t;
    }
}
