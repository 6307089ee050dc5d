package kautz.device;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.isa.Opcode;

/** The voltage windows of every logic gate kind of the ISA at fan-ins 1 to 4 (where the kind allows them). */
public final class GateWindows {
    private GateWindows() {}

    /** Fan-ins listed per kind: each kind's allowed input counts within 1..4. */
    public static ImmutableList<GateWindow> of(DevicePreset p, ArrayType type) {
        ImmutableList.Builder<GateWindow> out = ImmutableList.builder();
        for (Opcode op : Opcode.values()) {
            if (!op.isLogic()) continue;
            // operands are the destination and the inputs, except for imp (p, q: q is read and written)
            int minIn = op == Opcode.IMP ? 1 : Math.max(1, op.minOperands() - 1);
            int maxIn = op == Opcode.IMP ? 1 : (int) Math.min(4, (long) op.maxOperands() - 1);
            for (int k = minIn; k <= maxIn; k++) out.add(GateCircuit.window(op, k, p, type));
        }
        return out.build();
    }

    /** The text of {@code kautz devices --gate-window}. */
    public static String text(DevicePreset p, ArrayType type) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s (%s, %s switching): R_on %.4g ohm, R_off %.4g ohm, v_on %.3g V, v_off %.3g V, pulse %.3g ns, access %.4g ohm%n",
                p.name(), type.label(), p.switching().label(), p.rOnOhm(), p.rOffOhm(), p.vtOn(), p.vtOff(), p.pulseNs(), p.accessOhm(type)));
        sb.append(String.format("%-6s %-3s %-9s %-22s %-22s %-10s %s%n", "gate", "in", "wiring", "window (closed form) V",
                "window (one pulse) V", "applied V", "limit"));
        for (GateWindow w : of(p, type)) {
            String applied = String.format("%.4g", w.operatingV()) + (w.condV() > 0 ? String.format(" (V_COND %.3g)", w.condV()) : "");
            sb.append(String.format("%-6s %-3d %-9s %-22s %-22s %-10s %s%s%n", w.op().mnemonic(), w.fanIn(), w.wiring().name().toLowerCase(),
                    range(w.lowV(), w.highV()), range(w.lowPulseV(), w.highPulseV()), applied, w.limit(), w.operable() ? "" : "  NO WINDOW: gate errors expected"));
        }
        return sb.toString();
    }

    private static String range(double lo, double hi) {
        if (!(lo < hi)) return String.format("empty (%.3g > %.3g)", lo, hi);
        return String.format("%.4g .. %s", lo, Double.isInfinite(hi) ? "inf" : String.format("%.4g", hi));
    }

    /** A voltage that lies outside every gate's window is a mistake: one line naming it. */
    public static void requireInSomeWindow(String where, double v, DevicePreset p, ArrayType type) {
        for (GateWindow w : of(p, type)) if (w.open() && w.contains(v)) return;
        throw new UserError(where + ": " + v + " V lies outside the window of every gate on " + p.name()
                + " (kautz devices --gate-window " + p.name() + " lists them)");
    }
}
