package kautz.api;

import com.google.common.collect.ImmutableList;
import kautz.cli.VerifyCommand;
import kautz.device.ArrayType;
import kautz.device.DeviceConfig;
import kautz.device.DevicePreset;
import kautz.device.DevicePresets;
import kautz.device.DeviceReport;
import kautz.device.DeviceRun;
import kautz.device.DeviceSession;
import kautz.device.WriteScheme;
import kautz.device.WriteVerifyBench;
import kautz.diag.UserError;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.Reports;
import kautz.flow.RowCheck;
import kautz.isa.IoBit;
import kautz.isa.Program;
import kautz.lang.KautzCompiler;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.opt.PassInfo;
import kautz.opt.Passes;
import kautz.ports.BitPlanes;
import kautz.ports.Port;
import kautz.ports.Ports;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import kautz.sim.Engine;
import kautz.engines.Engines;
import kautz.target.Families;
import kautz.target.GateFamily;
import kautz.util.Json;
import kautz.verify.CecOptions;
import kautz.verify.CompilationChain;
import kautz.verify.ProofChain;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kautz as a library: the one entry point for programs (and the Python package) that compile, run and verify
 * designs without the command line. Every method is static, keeps no state and may be called from several
 * threads; each does what the command of the same name does, with the same options ({@link Options}) and the
 * same report keys. A mistake in the input (a file, a source, an option) is a {@link UserError} whose message
 * is the one line the command line would print.
 *
 * <pre>{@code
 * Compilation c = Kautz.compile(Path.of("samples/add8.kz"), Options.defaults().set("target", "felix"));
 * RunResult r = Kautz.run(c, Map.of("a", new long[]{5, 200}, "b", new long[]{7, 100}), 2);
 * long[] sums = r.outputs().get("sum");          // {12, 300}
 * boolean proven = Kautz.verify(c).equivalent();
 * }</pre>
 *
 * Schedulers, gate families, passes and device presets may come from plugin jars on the class path
 * ({@link java.util.ServiceLoader}; docs/library.md): {@link #schedulers()} and the other listings include them.
 */
public final class Kautz {
    /** Bounds memory as {@code kautz run} does: rows x signals bit-planes. */
    private static final long MAX_BITS = 1L << 34;

    private Kautz() {}

    // ---- compile ----

    /** Compiles a file (.kz, .aig, .aag, .blif, .bench, .v, .sv) with the default options. */
    public static Compilation compile(Path file) { return compile(file, Options.defaults()); }

    /** Compiles a file, as {@code kautz compile FILE} with these options does. */
    public static Compilation compile(Path file, Options options) {
        return compile(file.toString(), DesignLoader.load(file, options.top()), options);
    }

    /** Compiles Kautz source text (imports resolve against the standard library). */
    public static Compilation compileSource(String source, Options options) {
        Design d = KautzCompiler.load(source, options.top());
        return compile("<source>", d, options);
    }

    private static Compilation compile(String source, Design design, Options options) {
        return new Compilation(source, options, Flow.compile(design, options.flow()));
    }

    // ---- run ----

    /**
     * Runs the program on {@code rows} rows on a functional engine and checks every row against the reference
     * evaluation of the source, as {@code kautz run} does.
     *
     * @param inputs each input port's value per row: an array of {@code rows} values, or of one value for
     *               every row (unsigned; ports of at most 64 bits, {@link #runWide} for wider ones). Every input
     *               must be given; mem cells ({@code @m}) not given start at 0.
     */
    public static RunResult run(Compilation c, Map<String, long[]> inputs, int rows) {
        return run(c, inputs, rows, Engines.DEFAULT, null, 1);
    }

    /**
     * As {@link #run(Compilation, Map, int)}, on a named engine ({@code auto}, {@code interp}, {@code jit}), or
     * with {@code device} (a preset name or .device file, null for none) on the cycle-accurate device engine:
     * its report adds energy, wear and read margins as {@code kautz run --device --json} does.
     */
    public static RunResult run(Compilation c, Map<String, long[]> inputs, int rows, String engine, String device, long seed) {
        Map<String, BigInteger[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : inputs.entrySet()) {
            Port port = c.inputs().stream().filter(p -> p.name().equals(e.getKey())).findFirst().orElse(null);
            if (port != null && port.width() > 64) {
                throw new UserError("input '" + port.name() + "' is " + port.width() + " bits wide; give its values as BigInteger (runWide)");
            }
            BigInteger[] v = new BigInteger[e.getValue().length];
            for (int r = 0; r < v.length; r++) v[r] = new BigInteger(Long.toUnsignedString(e.getValue()[r]));
            values.put(e.getKey(), v);
        }
        return runWide(c, values, rows, engine, device, seed);
    }

    /**
     * As {@link #run(Compilation, Map, int, String, String, long)} for ports of any width: each input port's
     * values as non-negative {@code BigInteger}s, one per row or one for every row. The result's
     * {@link RunResult#values()} holds every output port as {@code BigInteger}s.
     */
    public static RunResult runWide(Compilation c, Map<String, BigInteger[]> inputs, int rows, String engine, String device, long seed) {
        checkRows(c, rows);
        Aig n = c.compiled().design().network();
        long[][] planes = planes(c.inputs(), inputs, n.numInputs(), rows);
        return execute(c, planes, rows, engine, device, seed, false);
    }

    /** Runs on rows of seeded random inputs, as {@code kautz run FILE --rows R --seed S} does. */
    public static RunResult runRandom(Compilation c, int rows, long seed, String engine, String device) {
        checkRows(c, rows);
        return execute(c, BitPlanes.random(c.compiled().design().network().numInputs(), rows, seed), rows, engine, device, seed, true);
    }

    private static RunResult execute(Compilation c, long[][] planes, int rows, String engine, String device, long seed,
                                     boolean random) {
        Compiled compiled = c.compiled();
        Aig n = compiled.design().network();
        Program p = compiled.program();
        Json report;
        long[][] outputs; // in the network's output order
        if (device == null) {
            Engines.check(engine);
            Engine eng = Engines.select(engine, p, rows);
            RowCheck check = RowCheck.run(p, n, eng, planes, rows);
            outputs = reorder(names(p.outputs()), check.outputs(), n.outputNames());
            report = Reports.program(compiled, rows).put("mismatches", check.mismatches());
            if (!random) report.put("outputs", row0(c.outputs(), outputs));
            report.put("engine", eng.name());
        } else {
            DevicePreset preset = DevicePresets.load(device);
            if (rows > DeviceConfig.MAX_ROWS) throw new UserError("rows: the device engine takes at most " + DeviceConfig.MAX_ROWS + " rows");
            DeviceConfig config = new DeviceConfig(preset, ArrayType.parse("1t1r"), rows, p.rowSize(), seed, WriteScheme.parse("ispp"),
                    Math.min(4, preset.states()), 0, false);
            DeviceSession session = new DeviceSession(config);
            DeviceRun run = session.run(p, reorder(n.inputNames(), planes, names(p.inputs())));
            outputs = reorder(names(p.outputs()), run.outputs(), n.outputNames());
            long mismatches = BitPlanes.mismatchedRows(outputs, AigSimulator.simulate(n, planes), rows);
            report = new Json().put("kernel", compiled.design().name()).put("target", p.target()).put("rowSize", p.rowSize())
                    .put("rows", rows).put("engine", "device").put("cycles", p.stats().cycles()).put("cells", p.stats().cells());
            if (!random) report.put("outputs", row0(c.outputs(), outputs));
            report.put("mismatches", mismatches);
            DeviceReport.of(session, run, 1).appendTo(report);
        }
        Map<String, long[]> narrow = new LinkedHashMap<>();
        Map<String, BigInteger[]> values = new LinkedHashMap<>();
        for (Port port : c.outputs()) {
            BigInteger[] v = new BigInteger[rows];
            for (int r = 0; r < rows; r++) v[r] = BitPlanes.get(outputs, port, r);
            values.put(port.name(), v);
            if (port.width() <= 64) {
                long[] w = new long[rows];
                for (int r = 0; r < rows; r++) w[r] = v[r].longValue(); // unsigned: 64-bit values keep their bits
                narrow.put(port.name(), w);
            }
        }
        return new RunResult(narrow, values, report.toMap(), report.toString());
    }

    private static Json row0(List<Port> ports, long[][] planes) {
        Json j = new Json();
        for (Port p : ports) if (!p.name().startsWith("@")) j.put(p.name(), BitPlanes.get(planes, p, 0));
        return j;
    }

    private static void checkRows(Compilation c, int rows) {
        Aig n = c.compiled().design().network();
        if (rows < 1) throw new UserError("rows must be at least 1, got " + rows);
        if ((long) rows * Math.max(1, n.numInputs() + n.numOutputs()) > MAX_BITS) {
            throw new UserError(rows + " rows x " + (n.numInputs() + n.numOutputs()) + " signals is too much to run at once");
        }
    }

    /** Input planes in the network's order from per-port values; checks names, widths and lengths. */
    private static long[][] planes(List<Port> ports, Map<String, BigInteger[]> inputs, int bits, int rows) {
        long[][] planes = new long[bits][BitPlanes.words(rows)];
        for (String name : inputs.keySet()) {
            if (ports.stream().noneMatch(p -> p.name().equals(name))) {
                throw new UserError("no input named '" + name + "' (inputs: " + String.join(", ", ports.stream().map(Port::name).toList()) + ")");
            }
        }
        for (Port port : ports) {
            BigInteger[] v = inputs.get(port.name());
            if (v == null) {
                if (port.name().startsWith("@")) continue; // a mem cell not given starts at 0
                throw new UserError("input '" + port.name() + "' is not given");
            }
            if (v.length != rows && v.length != 1) {
                throw new UserError("input '" + port.name() + "' has " + v.length + " values for " + rows + " rows");
            }
            for (int r = 0; r < rows; r++) {
                BigInteger x = v.length == 1 ? v[0] : v[r];
                if (x == null) throw new UserError("input '" + port.name() + "': row " + r + " has no value");
                if (x.signum() < 0) throw new UserError("input '" + port.name() + "': " + x + " is negative; values are unsigned");
                if (x.bitLength() > port.width()) {
                    throw new UserError("input '" + port.name() + "': " + x + " does not fit in " + port.width() + " bits");
                }
                BitPlanes.set(planes, port, r, x);
            }
        }
        return planes;
    }

    private static List<String> names(List<IoBit> bits) { return bits.stream().map(IoBit::name).toList(); }

    private static long[][] reorder(List<String> from, long[][] planes, List<String> to) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < from.size(); i++) at.put(from.get(i), i);
        long[][] out = new long[to.size()][];
        for (int i = 0; i < out.length; i++) out[i] = planes[at.get(to.get(i))];
        return out;
    }

    // ---- verify ----

    /** Proves the program equal to its source, link by link, as {@code kautz verify FILE} does (60 s of CPU at most). */
    public static Verification verify(Compilation c) { return verify(c, 60); }

    public static Verification verify(Compilation c, double timeoutSeconds) {
        // the chain is the compilation's own record; a compilation made without one is made again, recording (same program)
        Compiled recorded = c.compiled().derivation().isPresent() ? c.compiled()
                : Flow.compileRecorded(c.compiled().design(), c.options().flow());
        return verification(ProofChain.check(CompilationChain.stages(recorded, c.source()), cec(timeoutSeconds)));
    }

    /** Proves two designs equal (ports matched by name), as {@code kautz verify A B} does. */
    public static Verification verify(Path a, Path b, Options options, double timeoutSeconds) {
        ProofChain.Stage left = new ProofChain.Stage(a.toString(), DesignLoader.load(a, options.top()).network());
        ProofChain.Stage right = new ProofChain.Stage(b.toString(), DesignLoader.load(b, options.top()).network());
        return verification(ProofChain.check(CompilationChain.stages(left, right, options.opt()), cec(timeoutSeconds)));
    }

    private static CecOptions cec(double seconds) {
        if (!(seconds > 0) || seconds > 1e7) throw new UserError("timeout must be a positive number of seconds, got " + seconds);
        Duration d = Duration.ofMillis(Math.max(1, (long) (seconds * 1000)));
        return CecOptions.defaults().withTimeout(d).withWallLimit(d.multipliedBy(CecOptions.WALL_FACTOR));
    }

    private static Verification verification(ProofChain.Result r) {
        Json j = VerifyCommand.json(r);
        String text = VerifyCommand.text(r, r.links().get(0).from().name(), r.links().get(r.links().size() - 1).to().name());
        return new Verification((String) j.toMap().get("result"), j.toMap(), j.toString(), text);
    }

    // ---- batches ----

    /**
     * Compiles every file with every variant of the options, one report per pair in that order (file-major): the
     * keys of {@code compile --json} after {@code file}, plus {@code compileMs}; a pair that fails has
     * {@code error} (its one-line message) instead of the counts. A design is loaded once for all variants.
     */
    public static List<Map<String, Object>> batch(List<Path> files, List<Options> variants) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path f : files) {
            Design d = null;
            String loadError = null;
            for (Options o : variants) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", f.toString());
                long t0 = System.nanoTime();
                try {
                    if (d == null && loadError == null) d = DesignLoader.load(f, o.top());
                    if (d == null) throw new UserError(loadError);
                    Compilation c = compile(f.toString(), d, o);
                    row.putAll(c.report());
                    row.put("compileMs", (System.nanoTime() - t0) / 1_000_000);
                } catch (UserError e) {
                    if (d == null) loadError = e.getMessage();
                    row.put("target", o.target());
                    row.put("scheduler", o.scheduler() == null ? Schedulers.defaultScheduler().name() : o.scheduler());
                    row.put("error", e.getMessage());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The multi-level write-verify measurement of {@code kautz devices --write-verify}: {@code cells} cells of a
     * preset programmed to random levels of {@code levels} with {@code scheme} ({@code ispp}, {@code fixed},
     * {@code adaptive}); pulses per write, verify reads, write errors, read bit error rate, energy per write.
     */
    public static Map<String, Object> writeVerify(String preset, String scheme, int levels, int cells, long seed) {
        DevicePreset p = DevicePresets.load(preset);
        if (levels < 2 || levels > p.states()) throw new UserError("levels must lie between 2 and the " + p.states() + " states of " + p.name());
        if (cells < 1 || cells > DeviceConfig.MAX_ROWS) throw new UserError("cells must lie between 1 and " + DeviceConfig.MAX_ROWS);
        WriteVerifyBench.Result r = WriteVerifyBench.measure(p, WriteScheme.parse(scheme), levels, cells, seed);
        return new Json().put("preset", p.name()).put("scheme", scheme).put("levels", levels).put("cells", cells)
                .put("meanPulses", r.meanPulses()).put("p99Pulses", r.p99Pulses()).put("maxPulses", r.maxPulses())
                .put("verifyReadsPerWrite", r.verifyReadsPerWrite()).put("writeErrors", r.writeErrors())
                .put("readBER", r.readBER()).put("energyPerWritePJ", r.energyPerWritePJ()).toMap();
    }

    // ---- what is available (built-in and plugins) ----

    public static List<String> schedulers() { return Schedulers.all().stream().map(Scheduler::name).toList(); }

    public static List<String> targets() { return Families.all().stream().map(GateFamily::name).toList(); }

    public static List<String> passes() { return Passes.all().stream().map(PassInfo::name).toList(); }

    public static List<String> devicePresets() { return DevicePresets.all().stream().map(DevicePreset::name).toList(); }

    public static List<String> writeSchemes() {
        return ImmutableList.copyOf(WriteScheme.values()).stream().map(WriteScheme::label).toList();
    }
}
