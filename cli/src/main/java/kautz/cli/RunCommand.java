package kautz.cli;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.lang.MemCell;
import kautz.load.Design;
import kautz.load.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.ports.InputSpec;
import kautz.ports.Port;
import kautz.ports.Ports;
import kautz.util.Json;
import picocli.CommandLine.Command;
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
 * {@code kautz run FILE.kz}: runs a kernel on many rows. The steps are apart on purpose: {@link #rowInputs}
 * builds the rows, {@link #execute} evaluates them (today the reference evaluator, the oracle every
 * compiled program is checked against), {@link #report} prints.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
                "Run a kernel on R rows at once (each row an independent data item) and print its outputs.",
                "With --inputs a=5,b=7 every row gets those values and the outputs of row 0 are printed;",
                "with --inputs random each row gets seeded random values. Mem cells (@m[j]) start at 0",
                "unless given, e.g. --inputs x=3,@m[0]=2. Also accepts netlists (.aig .aag .blif .bench .v)."})
public final class RunCommand implements Runnable {
    /** Bounds memory: rows x signals bit-planes. */
    private static final long MAX_BITS = 1L << 34;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE.kz", description = "a Kautz source (or a netlist)")
    Path file;

    @Option(names = "--kernel", paramLabel = "K", description = "the kernel to run (default: the first in the file)")
    String kernel;

    @Option(names = "--inputs", paramLabel = "random|a=5,b=7",
            description = "input values for every row (decimal, 0x or 0b), or random per row (default: ${DEFAULT-VALUE})")
    String inputs = "random";

    @Option(names = "--rows", paramLabel = "R", description = "number of rows (default: 1 with explicit inputs, 1024 with random)")
    Integer rows;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the random inputs (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--json", description = "print one JSON object (DESIGN.md §4 keys) instead of text")
    boolean json;

    @picocli.CommandLine.Mixin
    DeviceOptions device = new DeviceOptions();

    /** What one run works on: the design, its ports and the rows' input bit-planes. */
    record RowInputs(Design design, ImmutableList<Port> inPorts, ImmutableList<Port> outPorts, long[][] planes,
                     int rows, boolean random) {}

    @Override
    public void run() {
        if (device.enabled()) {
            // the cycle-accurate device engine; --kernel a,b runs kernels in order, sharing mem cells
            DeviceRunPath.run(file, kernel, inputs, rows, seed, json, kautz.flow.FlowOptions.defaults().withSeed(seed), device,
                    spec.commandLine().getOut());
            return;
        }
        RowInputs in = rowInputs();
        long[][] outputs = execute(in);
        report(in, outputs, 0);
    }

    RowInputs rowInputs() {
        boolean random = inputs.equals("random");
        int r = rows != null ? rows : random ? 1024 : 1;
        if (r < 1) throw new UserError("--rows must be at least 1, got " + r);
        Design d = DesignLoader.load(file, kernel);
        Aig n = d.network();
        if ((long) r * Math.max(1, n.numInputs() + n.numOutputs()) > MAX_BITS) {
            throw new UserError("--rows " + r + " x " + (n.numInputs() + n.numOutputs()) + " signals is too much to run at once");
        }
        ImmutableList<Port> inPorts = Ports.group(n.inputNames());
        ImmutableList<Port> outPorts = Ports.group(n.outputNames());
        long[][] planes = random ? BitPlanes.random(n.numInputs(), r, seed)
                : BitPlanes.sameInEveryRow(inPorts, explicitValues(inPorts), n.numInputs(), r);
        return new RowInputs(d, inPorts, outPorts, planes, r, random);
    }

    /** Parses --inputs: every parameter is required; mem cells not given start at level 0. */
    private Map<String, BigInteger> explicitValues(List<Port> ports) {
        List<String> items = new ArrayList<>();
        for (String item : inputs.split(",")) if (!item.isBlank()) items.add(item.trim());
        for (Port p : ports) {
            boolean given = items.stream().anyMatch(i -> i.startsWith(p.name() + "="));
            if (MemCell.isMemBit(p.name()) && !given) items.add(p.name() + "=0");
        }
        return InputSpec.parse(String.join(",", items), ports);
    }

    /** The execution step: the reference evaluation of the design's network, 64 rows per word. */
    long[][] execute(RowInputs in) {
        return AigSimulator.simulate(in.design().network(), in.planes());
    }

    /** @param mismatches rows whose outputs differ from the reference evaluation (0 when the reference ran) */
    void report(RowInputs in, long[][] outputs, long mismatches) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json j = new Json().put("kernel", in.design().name()).put("engine", "reference").put("rows", in.rows());
            if (!in.random()) j.put("outputs", PortValues.json(in.outPorts(), outputs, 0));
            j.put("mismatches", mismatches);
            out.println(j);
            return;
        }
        if (!in.random()) {
            for (Port p : in.outPorts()) out.println(p.name() + "=" + BitPlanes.get(outputs, p, 0));
            return;
        }
        out.println(in.design().name() + ": " + in.rows() + " row" + (in.rows() == 1 ? "" : "s")
                + " of random inputs (seed " + seed + "), reference evaluator");
        int shown = Math.min(in.rows(), 8);
        for (int r = 0; r < shown; r++) {
            out.println("row " + r + ": " + PortValues.text(in.inPorts(), in.planes(), r)
                    + (in.inPorts().isEmpty() ? "" : " ") + "-> " + PortValues.text(in.outPorts(), outputs, r));
        }
        if (shown < in.rows()) out.println("… " + (in.rows() - shown) + " more rows");
        out.println("mismatches " + mismatches);
    }
}
