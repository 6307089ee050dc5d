package kautz.cli;

import kautz.device.ArrayType;
import kautz.device.DeviceBenchmark;
import kautz.device.DevicePreset;
import kautz.device.DevicePresets;
import kautz.device.SneakPathModel;
import kautz.device.WriteScheme;
import kautz.device.WriteVerifyBench;
import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code kautz devices}: the device presets with their sources; optionally measures write-verify or engine speed. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        header = "List the device presets, or measure write-verify schemes or the engine's speed.",
        description = {
                "List the device presets (--device NAME) with their sources. Numbers a source does not give are",
                "documented defaults, listed per preset. A preset file of your own (key = value, see",
                "docs/devices.md) is used with --device FILE.device."})
public final class DevicesCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--show", paramLabel = "PRESET|FILE", description = "print every parameter of one preset (default: list all presets)")
    String show;

    @Option(names = "--write-verify", paramLabel = "PRESET|FILE",
            description = "measure every write-verify scheme on the preset: pulses per write, verify reads, write errors, read BER (default: not measured)")
    String writeVerify;

    @Option(names = "--levels", paramLabel = "L", description = "with --write-verify: levels per cell (default: 4)")
    int levels = 4;

    @Option(names = "--cells", paramLabel = "N", description = "with --write-verify: cells to program (default: ${DEFAULT-VALUE})")
    int cells = 20000;

    @Option(names = "--ber-study", paramLabel = "PRESET|FILE",
            description = "bit error rate of multi-level storage against states x dynamic range (raw, Gray, Gray + Hamming(7,4); default: not run)")
    String berStudy;

    @Option(names = "--svg", paramLabel = "FILE", description = "with --ber-study: also write the chart as SVG (default: no chart)")
    java.nio.file.Path svg;

    @Option(names = "--gate-window", paramLabel = "PRESET|FILE",
            description = "per logic gate kind and fan-in: the applied-voltage window in which the gate is correct, and the voltage used (default: not shown)")
    String gateWindow;

    @Option(names = "--array", paramLabel = "TYPE", description = "with --gate-window: 1t1r, 1s1r or passive (default: ${DEFAULT-VALUE})")
    String array = "1t1r";

    @Option(names = "--voltage", paramLabel = "V", description = "with --gate-window: check that V lies inside some gate's window (default: no check)")
    Double voltage;

    @Option(names = "--speed", description = "benchmark the cycle-accurate engine (cell-updates per second, energy and wear on)")
    boolean speed;

    @Option(names = "--rows", paramLabel = "R", description = "with --speed: rows (default: ${DEFAULT-VALUE})")
    int rows = 1024;

    @Option(names = "--cols", paramLabel = "C", description = "with --speed: columns (default: ${DEFAULT-VALUE})")
    int cols = 1024;

    @Option(names = "--seed", paramLabel = "S", description = "seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--json", description = "print one JSON object (keys: docs/json.md) instead of text")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (speed) {
            if (rows < 1 || rows > 1 << 16 || cols < 4 || cols > 1 << 14) throw new UsageError("--speed: rows must lie in 1..65536 and cols in 4..16384");
            DeviceBenchmark.Result r = DeviceBenchmark.run(rows, cols, seed);
            out.println(json ? new Json().put("rows", r.rows()).put("cols", r.cols()).put("ops", r.ops())
                    .put("medianSeconds", r.medianSeconds()).put("cellUpdatesPerSecond", r.cellUpdatesPerSecond())
                    .put("idealMedianSeconds", r.idealMedianSeconds()).put("idealCellUpdatesPerSecond", r.idealCellUpdatesPerSecond()) : r.text());
            return;
        }
        if (berStudy != null) {
            DevicePreset p = DevicePresets.load(berStudy);
            if (cells < 1 || cells > 1_000_000) throw new UsageError("--cells must lie between 1 and 1000000");
            var points = kautz.device.BitErrorStudy.run(p, cells, seed);
            if (svg != null) kautz.util.AtomicFiles.writeString(svg, kautz.device.BitErrorStudy.svg(p, points, cells));
            if (json) {
                List<Json> rows = new ArrayList<>();
                for (var pt : points) {
                    rows.add(new Json().put("states", pt.states()).put("dynamicRange", pt.dynamicRange()).put("readBER", pt.result().readBER())
                            .put("grayBER", pt.result().grayBER()).put("hammingBER", pt.result().hammingBER()).put("writeErrors", pt.result().writeErrors()));
                }
                out.println(new Json().put("device", p.name()).put("cells", cells).put("points", rows));
            } else {
                out.print(kautz.device.BitErrorStudy.table(p, points, cells));
            }
            return;
        }
        if (gateWindow != null) {
            DevicePreset p = DevicePresets.load(gateWindow);
            ArrayType type = ArrayType.parse(array);
            if (voltage != null) kautz.device.GateWindows.requireInSomeWindow("--voltage", voltage, p, type);
            if (!json) {
                out.print(kautz.device.GateWindows.text(p, type));
                return;
            }
            List<Json> windows = new ArrayList<>();
            for (kautz.device.GateWindow w : kautz.device.GateWindows.of(p, type)) {
                Json j = new Json().put("gate", w.op().mnemonic()).put("fanIn", w.fanIn()).put("wiring", w.wiring().name().toLowerCase())
                        .put("lowV", w.lowV()).put("lowPulseV", w.lowPulseV()).put("appliedV", w.operatingV()).put("limit", w.limit())
                        .put("operable", w.operable());
                if (Double.isFinite(w.highV())) j.put("highV", w.highV());
                if (Double.isFinite(w.highPulseV())) j.put("highPulseV", w.highPulseV());
                if (w.condV() > 0) j.put("condV", w.condV());
                windows.add(j);
            }
            out.println(new Json().put("device", p.name()).put("array", type.label()).put("windows", windows));
            return;
        }
        if (writeVerify != null) {
            DevicePreset p = DevicePresets.load(writeVerify);
            if (levels < 2 || levels > p.states()) throw new UsageError("--levels must lie between 2 and the " + p.states() + " states of " + p.name());
            if (cells < 1 || cells > 1_000_000) throw new UsageError("--cells must lie between 1 and 1000000");
            if (!json) out.println(p.name() + ": " + cells + " cells programmed to random levels of " + levels + ", then read once");
            List<Json> schemes = new ArrayList<>();
            for (WriteScheme s : WriteScheme.values()) {
                WriteVerifyBench.Result r = WriteVerifyBench.measure(p, s, levels, cells, seed);
                if (json) {
                    schemes.add(new Json().put("scheme", s.label()).put("meanPulses", r.meanPulses()).put("p99Pulses", r.p99Pulses())
                            .put("maxPulses", r.maxPulses()).put("verifyReadsPerWrite", r.verifyReadsPerWrite())
                            .put("writeErrors", r.writeErrors()).put("readBER", r.readBER()).put("grayBER", r.grayBER())
                            .put("hammingBER", r.hammingBER()).put("energyPerWritePJ", r.energyPerWritePJ()));
                    continue;
                }
                out.printf("  %-8s pulses/write mean %.2f p99 %d max %d, verify reads/write %.2f, write errors %d, read BER %.3g (Gray %.3g, Gray + Hamming(7,4) %.3g), %.3g pJ/write%n",
                        s.label(), r.meanPulses(), r.p99Pulses(), r.maxPulses(), r.verifyReadsPerWrite(), r.writeErrors(), r.readBER(),
                        r.grayBER(), r.hammingBER(), r.energyPerWritePJ());
            }
            if (json) out.println(new Json().put("device", p.name()).put("levels", levels).put("cells", cells).put("schemes", schemes));
            return;
        }
        if (show != null) {
            if (json) out.println(parameters(DevicePresets.load(show)));
            else describe(out, DevicePresets.load(show));
            return;
        }
        if (json) {
            List<Json> presets = new ArrayList<>();
            for (DevicePreset p : DevicePresets.all()) {
                presets.add(new Json().put("name", p.name()).put("title", p.title()).put("states", p.states())
                        .put("dynamicRange", p.dynamicRange()).put("rOnOhm", p.rOnOhm()).put("vSet", p.vSet()).put("pulseNs", p.pulseNs())
                        .put("enduranceCycles", p.enduranceCycles())
                        .put("passiveMaxSquare", SneakPathModel.largestSquareArray(ArrayType.PASSIVE, p, 0.1))
                        .put("oneS1RMaxSquare", SneakPathModel.largestSquareArray(ArrayType.ONE_S_ONE_R, p, 0.1))
                        .put("citation", p.citation()).put("defaulted", List.copyOf(p.defaulted())));
            }
            out.println(new Json().put("presets", presets));
            return;
        }
        for (DevicePreset p : DevicePresets.all()) {
            out.printf("%-20s %s%n", p.name(), p.title());
            out.printf("%-20s   states %d, R_off/R_on %.3g, R_on %.3g ohm, SET %.3g V, %.3g ns, endurance %.3g cycles%n",
                    "", p.states(), p.dynamicRange(), p.rOnOhm(), p.vSet(), p.pulseNs(), p.enduranceCycles());
            int passive = SneakPathModel.largestSquareArray(ArrayType.PASSIVE, p, 0.1);
            int selector = SneakPathModel.largestSquareArray(ArrayType.ONE_S_ONE_R, p, 0.1);
            out.printf("%-20s   worst-case 10%% read margin up to %dx%d passive, %dx%d 1S1R%n", "", passive, passive, selector, selector);
            out.printf("%-20s   source: %s%n", "", p.citation());
            out.printf("%-20s   defaults: %s%n", "", p.defaulted().isEmpty() ? "none" : String.join(", ", p.defaulted()));
        }
    }

    /** Every parameter of a preset: numbers as numbers, anything else as its text; which ones are defaults. */
    private static Json parameters(DevicePreset p) {
        Json params = new Json();
        List<String> defaulted = new ArrayList<>();
        for (var c : DevicePreset.class.getRecordComponents()) {
            if (List.of("name", "title", "citation", "defaulted").contains(c.getName())) continue;
            Object v;
            try {
                v = c.getAccessor().invoke(p);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof Double || v instanceof Float) params.put(c.getName(), ((Number) v).doubleValue());
            else if (v instanceof Number n) params.put(c.getName(), n.longValue());
            else if (v instanceof Boolean b) params.put(c.getName(), b);
            else params.put(c.getName(), String.valueOf(v));
            if (p.isDefault(c.getName())) defaulted.add(c.getName());
        }
        return new Json().put("name", p.name()).put("title", p.title()).put("citation", p.citation()).put("parameters", params)
                .put("defaulted", defaulted);
    }

    private static void describe(PrintWriter out, DevicePreset p) {
        out.println(p.name() + ": " + p.title());
        out.println("source: " + p.citation());
        for (var c : DevicePreset.class.getRecordComponents()) {
            if (List.of("name", "title", "citation", "defaulted").contains(c.getName())) continue;
            try {
                out.printf("  %-22s %-12s%s%n", c.getName(), c.getAccessor().invoke(p), p.isDefault(c.getName()) ? " (default)" : "");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
