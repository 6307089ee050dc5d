package kautz.device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device part of a run report (DESIGN.md §4): {@code energyPJ}, {@code maxCellWrites}, {@code device}, and
 * this runtime's own keys. {@link #fields()} gives them in report order, as JSON-ready values (numbers,
 * strings, nested maps).
 */
public record DeviceReport(DeviceConfig config, DeviceRun run, WearStats wear, double readMargin) {

    public static DeviceReport of(DeviceSession session, DeviceRun run, long runs) {
        DeviceConfig c = session.config();
        Crossbar xb = session.crossbar();
        return new DeviceReport(c, run, WearStats.of(xb, session.logicalColumns(), runs),
                SneakPathModel.worstCaseMargin(c.arrayType(), c.preset(), xb.rows(), xb.cols()));
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
        f.put("energyPerRowPJ", round(e.total() / config.rows()));
        f.put("deviceCycles", run.deviceCycles());
        f.put("maxCellSwitches", wear.maxCellSwitches());
        f.put("hottestCell", Map.of("row", wear.hottestRow(), "col", wear.hottestCol()));
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
        return f;
    }

    private static double round(double x) {
        if (x == 0 || !Double.isFinite(x)) return x;
        double scale = Math.pow(10, 5 - Math.ceil(Math.log10(Math.abs(x))));
        return Math.round(x * scale) / scale;
    }
}
