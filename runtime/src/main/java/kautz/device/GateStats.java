package kautz.device;

import java.util.Map;
import java.util.TreeMap;

/**
 * Gate failures of a run by gate kind (mnemonic), counted row by row against the gate's function on the same
 * inputs: outputs that did not switch when they had to, outputs that switched when they must not, and input
 * cells a pulse flipped. Mutable while the engine runs.
 */
public final class GateStats {
    private final Map<String, long[]> byKind = new TreeMap<>();

    void record(String kind, long evaluations, long failedToSwitch, long falseSwitch, long inputFlips) {
        long[] c = byKind.computeIfAbsent(kind, x -> new long[4]);
        c[0] += evaluations;
        c[1] += failedToSwitch;
        c[2] += falseSwitch;
        c[3] += inputFlips;
    }

    void addAll(GateStats o) {
        for (Map.Entry<String, long[]> e : o.byKind.entrySet()) {
            long[] c = e.getValue();
            record(e.getKey(), c[0], c[1], c[2], c[3]);
        }
    }

    /** Rows in which a gate gave a wrong output, over all kinds. */
    public long wrongOutputs() {
        long n = 0;
        for (long[] c : byKind.values()) n += c[1] + c[2];
        return n;
    }

    /** Wrong outputs per gate evaluation, over all kinds (0 without gates). */
    public double errorRate() {
        long n = evaluations();
        return n == 0 ? 0 : (double) wrongOutputs() / n;
    }

    public long inputFlips() {
        long n = 0;
        for (long[] c : byKind.values()) n += c[3];
        return n;
    }

    /** Gate evaluations (ops × rows) over all kinds. */
    public long evaluations() {
        long n = 0;
        for (long[] c : byKind.values()) n += c[0];
        return n;
    }

    /** Per kind: evaluations, failedToSwitch, falseSwitch, inputFlips (report order). */
    public Map<String, Object> fields() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            long[] c = e.getValue();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("evaluations", c[0]);
            m.put("failedToSwitch", c[1]);
            m.put("falseSwitch", c[2]);
            m.put("inputFlips", c[3]);
            m.put("errorRate", c[0] == 0 ? 0.0 : (double) (c[1] + c[2]) / c[0]);
            out.put(e.getKey(), m);
        }
        return out;
    }
}
