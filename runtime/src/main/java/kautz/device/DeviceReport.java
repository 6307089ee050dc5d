package kautz.device;

import kautz.isa.Program;
import kautz.util.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The device part of a run report (docs/json.md): {@code energyPJ}, {@code maxCellWrites}, {@code device}, and
 * this runtime's own keys. {@link #fields()} gives them in report order, as JSON-ready values (numbers,
 * strings, nested maps).
 */
public record DeviceReport(DeviceConfig config, DeviceRun run, WearStats wear, double readMargin,
                           Map<String, Double> energyByOp) {

    /** The report of a session's last run; {@code runs} is how many times it was repeated (for lifetime). */
    public static DeviceReport of(DeviceSession session, DeviceRun run, long runs) {
        return of(session, List.of(session.lastProgram()), List.of(run), runs);
    }

    /**
     * The report of kernels run one after another on one session (a run of several kernels sharing mems):
     * energy, multi-level statistics, misreads and cycles summed; outputs those of the last kernel.
     */
    public static DeviceReport of(DeviceSession session, List<Program> programs, List<DeviceRun> runs, long repeats) {
        if (programs.size() != runs.size() || runs.isEmpty()) throw new IllegalArgumentException("one run per program");
        DeviceConfig c = session.config();
        Crossbar xb = session.crossbar();
        Map<String, Double> byOp = new LinkedHashMap<>();
        DeviceRun last = runs.get(runs.size() - 1);
        EnergyLedger total = new EnergyLedger(0);
        MlcStats mlc = new MlcStats();
        long misreads = 0, cycles = 0, updates = 0;
        GateStats gates = new GateStats();
        for (int k = 0; k < runs.size(); k++) {
            Program p = programs.get(k);
            DeviceRun r = runs.get(k);
            double[] perOp = r.energy().perOp();
            for (int i = 0; i < p.ops().size(); i++) byOp.merge(p.ops().get(i).opcode().mnemonic(), perOp[i], Double::sum);
            byOp.merge("load inputs", perOp[p.ops().size()], Double::sum);
            byOp.merge("read outputs", perOp[p.ops().size() + 1], Double::sum);
            for (EnergyKind kind : EnergyKind.values()) total.charge(0, kind, r.energy().of(kind));
            mlc.addAll(r.mlc());
            misreads += r.sneakMisreads();
            cycles += r.deviceCycles();
            updates += r.cellUpdates();
            gates.addAll(r.gates());
        }
        byOp.replaceAll((k, v) -> round(v));
        DeviceRun combined = new DeviceRun(last.outputs(), last.inputsSeen(), total, mlc, misreads, cycles, updates, gates);
        return new DeviceReport(c, combined, WearStats.of(xb, session.rotatedCells(), repeats),
                SneakPathModel.worstCaseMargin(c.arrayType(), c.preset(), xb.rows(), xb.cols()), byOp);
    }

    public Map<String, Object> fields() {
        Map<String, Object> f = new LinkedHashMap<>();
        EnergyLedger e = run.energy();
        f.put("energyPJ", round(e.total()));
        f.put("maxCellWrites", wear.maxCellWrites());
        f.put("device", config.preset().name());
        f.put("array", config.arrayType().label());
        Map<String, Object> split = new LinkedHashMap<>();
        for (EnergyKind k : EnergyKind.values()) split.put(k.key(), round(e.of(k)));
        f.put("energySplitPJ", split);
        f.put("energyByOpPJ", energyByOp);
        f.put("energyPerRowPJ", round(e.total() / config.rows()));
        f.put("deviceCycles", run.deviceCycles());
        f.put("maxCellSwitches", wear.maxCellSwitches());
        Map<String, Object> hottest = new LinkedHashMap<>();
        hottest.put("row", wear.hottestRow());
        hottest.put("col", wear.hottestCol());
        f.put("hottestCell", hottest);
        f.put("writeHistogram", wear.histogram());
        f.put("lifetimeRuns", wear.lifetimeRuns() == Long.MAX_VALUE ? "unbounded" : wear.lifetimeRuns());
        f.put("lifetimeRunsLevelled", wear.lifetimeRunsLevelled() == Long.MAX_VALUE ? "unbounded" : wear.lifetimeRunsLevelled());
        f.put("stuckCells", wear.stuckCells());
        MlcStats m = run.mlc();
        f.put("writeErrors", m.writeErrors());
        Map<String, Object> pulses = new LinkedHashMap<>();
        pulses.put("mean", round(m.meanPulses()));
        pulses.put("p99", m.percentilePulses(0.99));
        pulses.put("max", m.maxPulses());
        pulses.put("writes", m.writes());
        f.put("pulsesPerWrite", pulses);
        f.put("verifyReads", m.verifyReads());
        f.put("writeScheme", config.scheme().label());
        f.put("readBER", m.readBER());
        f.put("sneakMisreads", run.sneakMisreads());
        f.put("readMargin", round(readMargin));
        f.put("gateErrorRate", run.gates().errorRate());
        f.put("gateFailures", run.gates().fields());
        return f;
    }

    /** Adds {@link #fields()} to a JSON report. */
    public Json appendTo(Json json) {
        for (Map.Entry<String, Object> e : fields().entrySet()) put(json, e.getKey(), e.getValue());
        return json;
    }

    @SuppressWarnings("unchecked")
    private static void put(Json json, String key, Object v) {
        if (v instanceof Map<?, ?> m) {
            Json inner = new Json();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) put(inner, e.getKey(), e.getValue());
            json.put(key, inner);
        } else if (v instanceof Double d) json.put(key, d.doubleValue());
        else if (v instanceof Number n) json.put(key, n.longValue());
        else json.put(key, String.valueOf(v));
    }

    /** A few lines for people. */
    public String text() {
        EnergyLedger e = run.energy();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("device %s (%s array): energy %.4g pJ (%.4g pJ per row):", config.preset().name(),
                config.arrayType().label(), e.total(), e.total() / config.rows()));
        for (EnergyKind k : EnergyKind.values()) sb.append(String.format(" %s %.3g", k.key(), e.of(k)));
        sb.append('\n');
        sb.append(String.format("wear: max %d writes per cell (row %d, col %d), max %d switches, lifetime %s runs (%s with wear levelling), %d stuck cells%n",
                wear.maxCellWrites(), wear.hottestRow(), wear.hottestCol(), wear.maxCellSwitches(), runs(wear.lifetimeRuns()),
                runs(wear.lifetimeRunsLevelled()), wear.stuckCells()));
        MlcStats m = run.mlc();
        if (m.writes() > 0 || m.levelReads() > 0) {
            sb.append(String.format("multi-level (%s): %d writes, pulses per write mean %.2f p99 %d max %d, %d verify reads, %d write errors, read BER %.3g%n",
                    config.scheme().label(), m.writes(), m.meanPulses(), m.percentilePulses(0.99), m.maxPulses(), m.verifyReads(),
                    m.writeErrors(), m.readBER()));
        }
        GateStats g = run.gates();
        if (g.evaluations() > 0) {
            sb.append(String.format("gates (circuit model): %d evaluations, %d wrong outputs, %d input cells flipped%n",
                    g.evaluations(), g.wrongOutputs(), g.inputFlips()));
        }
        sb.append(String.format("reads: %d output bits misread, worst-case read margin %.3g", run.sneakMisreads(), readMargin));
        return sb.toString();
    }

    private static String runs(long n) { return n == Long.MAX_VALUE ? "unbounded" : Long.toString(n); }

    private static double round(double x) {
        if (x == 0 || !Double.isFinite(x)) return x;
        double scale = Math.pow(10, 5 - Math.ceil(Math.log10(Math.abs(x))));
        return Math.round(x * scale) / scale;
    }
}
