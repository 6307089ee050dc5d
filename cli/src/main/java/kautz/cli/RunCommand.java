package kautz.cli;

import com.google.common.collect.ImmutableList;
import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.Reports;
import kautz.flow.RowCheck;
import kautz.sim.Engine;
import kautz.engines.Engines;
import kautz.ports.BitPlanes;
import kautz.ports.InputSpec;
import kautz.ports.MemCellId;
import kautz.ports.Port;
import kautz.ports.Ports;
import kautz.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kautz run FILE.kz}: compiles a kernel for the crossbar and runs it on many rows. The steps are apart
 * on purpose: {@link #rowInputs} builds the rows, {@link #execute} compiles (through {@link Flow}) and runs
 * the program on a functional engine, comparing every row with the reference evaluator of the source network,
 * {@link #report} prints. With {@code --device} the cycle-accurate device engine runs instead.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Compile a kernel and run it on many crossbar rows, each checked against the source.",
        description = {
                "Compile a kernel for the crossbar and run it on R rows at once (each row an independent data",
                "item); every row is checked against the reference evaluation of the source (mismatches).",
                "With --inputs a=5,b=7 every row gets those values and the outputs of row 0 are printed;",
                "with --inputs random each row gets seeded random values. Mem cells (@m[j]) start at 0",
                "unless given, e.g. --inputs x=3,@m[0]=2. Also accepts netlists (.aig .aag .blif .bench .v).",
                "Results (outputs, rows, the device's report) go to stdout; the program's counts and the check to",
                "stderr. Exit code 1 when a row differs from the reference evaluation (functional engines; on a",
                "device, wrong rows are measured, not failed)."})
public final class RunCommand implements Runnable {
    /** Bounds memory: rows x signals bit-planes. */
    private static final long MAX_BITS = 1L << 34;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.kz", description = "a Kautz source (or a netlist)")
    Path file;

    @Option(names = "--inputs", paramLabel = "random|a=5,b=7",
            description = "input values for every row (decimal, 0x or 0b), or random per row (default: ${DEFAULT-VALUE})")
    String inputs = "random";

    @Option(names = "--rows", paramLabel = "R", description = "number of rows (default: 1 with explicit inputs, 1024 with random)")
    Integer rows;

    @Option(names = "--engine", paramLabel = "NAME", description = "functional engine: auto (interp, or jit from 1e9 row-ops), interp or jit (default: ${DEFAULT-VALUE})")
    String engine = Engines.DEFAULT;

    @Mixin FlowMixin flow;

    @Option(names = "--json", description = "print one JSON object (keys: docs/json.md) instead of text")
    boolean json;

    @picocli.CommandLine.Mixin
    DeviceOptions device = new DeviceOptions();

    @Mixin VcdOption vcd = new VcdOption();

    /** What one run works on: the design, its ports and the rows' input bit-planes. */
    record RowInputs(Design design, ImmutableList<Port> inPorts, ImmutableList<Port> outPorts, long[][] planes,
                     int rows, boolean random) {}

    @Override
    public void run() {
        device.refuseUnused();
        if (device.enabled()) {
            if (vcd.requested()) throw new UsageError("--vcd shows the functional engines' row; it cannot be combined with --device");
            // the cycle-accurate device engine; --kernel a,b runs kernels in order, sharing mem cells
            DeviceRunPath.run(file, flow.kernel, inputs, rows, flow.seed, json, flow.compiler(), flow.options(), device,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            return;
        }
        Engines.check(engine);
        RowInputs in = rowInputs();
        Compiled compiled = flow.compiler().compile(in.design(), flow.options());
        TracedProgram.requireLegal(compiled.program());
        Engine eng = Engines.select(engine, compiled.program(), in.rows());
        RowCheck check = execute(in, compiled, eng);
        vcd.writeIfRequested(compiled.program(), programPlanes(in, compiled), spec.commandLine().getErr());
        report(in, compiled, eng, check);
    }

    RowInputs rowInputs() {
        boolean random = inputs.equals("random");
        int r = rows != null ? rows : random ? 1024 : 1;
        if (r < 1) throw new UsageError("--rows must be at least 1, got " + r);
        Design d = DesignLoader.load(file, flow.kernel);
        Aig n = d.network();
        if ((long) r * Math.max(1, n.numInputs() + n.numOutputs()) > MAX_BITS) {
            throw new UsageError("--rows " + r + " x " + (n.numInputs() + n.numOutputs()) + " signals is too much to run at once");
        }
        ImmutableList<Port> inPorts = Ports.group(n.inputNames());
        ImmutableList<Port> outPorts = Ports.group(n.outputNames());
        long[][] planes;
        if (random) {
            planes = BitPlanes.random(n.numInputs(), r, flow.seed);
        } else {
            Map<String, BigInteger> values = explicitValues(inPorts);
            d.checkMemLevels(values);
            planes = BitPlanes.sameInEveryRow(inPorts, values, n.numInputs(), r);
        }
        return new RowInputs(d, inPorts, outPorts, planes, r, random);
    }

    /** Parses --inputs: every parameter is required; mem cells not given start at level 0. */
    private Map<String, BigInteger> explicitValues(List<Port> ports) {
        List<String> items = new ArrayList<>();
        for (String item : inputs.split(",")) if (!item.isBlank()) items.add(item.trim());
        for (Port p : ports) {
            boolean given = items.stream().anyMatch(i -> i.startsWith(p.name() + "="));
            if (MemCellId.isMemPort(p.name()) && !given) items.add(p.name() + "=0");
        }
        return InputSpec.parse(String.join(",", items), ports);
    }

    /** The input planes in the program's input order (bits matched by name, as {@link RowCheck} does). */
    private static long[][] programPlanes(RowInputs in, Compiled compiled) {
        List<String> names = in.design().network().inputNames();
        var bits = compiled.program().inputs();
        long[][] planes = new long[bits.size()][];
        for (int i = 0; i < planes.length; i++) planes[i] = in.planes()[names.indexOf(bits.get(i).name())];
        return planes;
    }

    /** The execution step: the program on the engine, every row compared with the reference evaluation. */
    RowCheck execute(RowInputs in, Compiled compiled, Engine eng) {
        return RowCheck.run(compiled.program(), in.design().network(), eng, in.planes(), in.rows());
    }

    /**
     * Prints the results on stdout (the outputs of explicit inputs, or the first rows of random ones) and the
     * summary on stderr (the program's counts and the check against the source); with {@code --json} one object
     * on stdout. Rows that differ from the reference evaluation make the exit code 1, as in {@code bench}.
     */
    void report(RowInputs in, Compiled compiled, Engine eng, RowCheck check) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        long[][] outputs = inNetworkOrder(in.design().network(), compiled, check.outputs());
        if (json) {
            Json j = Reports.program(compiled, in.rows()).put("mismatches", check.mismatches());
            if (!in.random()) j.put("outputs", PortValues.json(in.outPorts(), outputs, 0));
            j.put("engine", eng.name());
            out.println(j);
        } else {
            if (in.random()) {
                log.println(in.design().name() + ": " + in.rows() + " row" + (in.rows() == 1 ? "" : "s")
                        + " of random inputs (seed " + flow.seed + "), engine " + eng.name());
            }
            PortValues.printRows(out, in.inPorts(), in.planes(), in.outPorts(), outputs, in.rows(), in.random());
            log.println(Reports.summary(compiled));
            log.println("mismatches " + check.mismatches() + " (rows whose outputs differ from the reference evaluation)");
        }
        if (check.mismatches() > 0) {
            throw new UserError(file + ": " + check.mismatches() + " of " + in.rows() + " rows differ from the reference evaluation of the source");
        }
    }

    /** Program outputs re-ordered as the network's outputs, matched by bit name. */
    private static long[][] inNetworkOrder(Aig network, Compiled compiled, long[][] programOutputs) {
        java.util.Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < compiled.program().outputs().size(); i++) at.put(compiled.program().outputs().get(i).name(), i);
        long[][] out = new long[network.numOutputs()][];
        for (int o = 0; o < out.length; o++) out[o] = programOutputs[at.get(network.outputName(o))];
        return out;
    }
}
