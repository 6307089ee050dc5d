package kautz.device;

import kautz.isa.Opcode;

/**
 * The applied-voltage range in which a stateful gate of one kind and fan-in computes its function on nominal
 * devices (docs/devices.md, "Voltage windows"), and the voltage the engine applies.
 *
 * @param op          the gate kind
 * @param fanIn       number of inputs
 * @param wiring      how the cells are connected
 * @param lowV        closed form: the least voltage at which the output switches in every case it must
 *                    (thresholds only, as in the MAGIC and IMPLY papers)
 * @param highV       closed form: the greatest voltage at which no output switches that must not and no input
 *                    reaches its threshold
 * @param lowPulseV   the same with the switching law: the output switches fully within one pulse
 * @param highPulseV  the same with the switching law: no cell moves measurably within one pulse
 * @param operatingV  the voltage the engine applies (MAGIC V0; IMPLY V_SET)
 * @param condV       IMPLY only: V_COND on the input cells (0 for MAGIC)
 * @param limit       which constraint sets {@code highV}: "output" or "inputs"
 */
public record GateWindow(Opcode op, int fanIn, GateCircuit.Wiring wiring, double lowV, double highV, double lowPulseV,
                         double highPulseV, double operatingV, double condV, String limit) {
    /** Whether the closed-form window holds any voltage. */
    public boolean open() { return lowV < highV; }

    /** Whether {@code v} lies inside the closed-form window. */
    public boolean contains(double v) { return v >= lowV && v <= highV; }

    /** Whether the operating voltage lies inside the window that the switching law leaves. */
    public boolean operable() { return lowPulseV < highPulseV && operatingV >= lowPulseV && operatingV <= highPulseV; }

    /** Relative half-width of the pulse window around its centre (0 when closed): the margin against variation. */
    public double margin() { return lowPulseV < highPulseV ? (highPulseV - lowPulseV) / (highPulseV + lowPulseV) : 0; }
}
