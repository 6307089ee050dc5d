package kautz.cli;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.flow.Reports;
import kautz.isa.Assembler;
import kautz.isa.IoBit;
import kautz.isa.PartitionRules;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.isa.ProgramStats;
import kautz.ports.BitPlanes;
import kautz.ports.InputSpec;
import kautz.ports.Port;
import kautz.ports.Ports;
import kautz.sim.Engine;
import kautz.engines.Engines;
import kautz.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code kautz sim PROGRAM.kasm}: runs an assembled micro-op program on many rows. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {
                "Run an assembled micro-op program (.kasm, see docs/isa.md) on many crossbar rows with the",
                "physical semantics: a gate whose output cell was not initialised gives a wrong result, as on",
                "a chip. Prints the first row's inputs and outputs and the program's counts; lint warnings",
                "(uninitialised outputs, reads of unwritten cells, overwritten inputs/outputs) go to stderr."})
public final class SimCommand implements Runnable {
    /** Bounds memory: rows x cells bit-planes. */
    private static final long MAX_BITS = 1L << 36;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM.kasm", description = "the program to run")
    Path file;

    @Option(names = "--rows", paramLabel = "R", description = "number of rows (default: ${DEFAULT-VALUE})")
    int rows = 1024;

    @Option(names = "--inputs", paramLabel = "random|a=5,b=7",
            description = "input values for every row (decimal, 0x or 0b), or random per row (default: ${DEFAULT-VALUE})")
    String inputs = "random";

    @Option(names = "--seed", paramLabel = "S", description = "seed of the random inputs (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--engine", paramLabel = "NAME", description = "functional engine: auto (interp, or jit from 1e9 row-ops), interp or jit (default: ${DEFAULT-VALUE})")
    String engine = Engines.DEFAULT;

    @picocli.CommandLine.Mixin
    DeviceOptions device = new DeviceOptions();

    @picocli.CommandLine.Mixin
    VcdOption vcd = new VcdOption();

    @Option(names = "--json", description = "print one JSON object (keys: docs/json.md) instead of text")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engines.check(engine);
        if (rows < 1) throw new UserError("--rows must be at least 1, got " + rows);
        Assembler.Assembled asm = Assembler.readAssembled(file);
        Program p = asm.program();
        PartitionRules.requireLegal(p, c -> file + ":" + asm.cycleLine(c));
        ProgramStats stats = p.stats();
        if ((long) rows * Math.max(1, stats.cells()) > MAX_BITS) {
            throw new UserError("--rows " + rows + " x " + stats.cells() + " cells is too much to simulate at once (at most 2^36 cell-rows)");
        }
        for (ProgramLint.Finding f : ProgramLint.check(p)) {
            String where = f.op() < asm.opLines().length() ? file + ":" + asm.opLines().get(f.op()) : file.toString();
            err.println("kautz: warning: " + where + ": " + f.message());
        }
        ImmutableList<Port> inPorts = Ports.group(names(p.inputs()));
        ImmutableList<Port> outPorts = Ports.group(names(p.outputs()));
        boolean random = inputs.equals("random");
        long[][] in = random ? BitPlanes.random(p.inputs().size(), rows, seed) : explicit(inPorts, p.inputs().size());
        Engine eng = Engines.select(engine, p, rows);
        long[][] result = eng.run(p, in, rows);
        vcd.writeIfRequested(p, in, err);
        DeviceRunner.Outcome onDevice = device.enabled() ? DeviceRunner.run(p, in, result, rows, seed, device) : null;

        if (json) {
            Json j = new Json().put("kernel", p.kernel()).put("target", p.target()).put("rowSize", p.rowSize())
                    .put("rows", rows).put("engine", eng.name()).put("init", p.initModel().label())
                    .put("gates", stats.gates()).put("logicCycles", stats.logicCycles()).put("initCycles", stats.initCycles())
                    .put("programCycles", stats.programCycles()).put("cycles", stats.cycles()).put("cells", stats.cells())
                    .put("ioCycles", stats.ioCycles());
            Reports.partitions(j, p);
            if (!random) j.put("outputs", PortValues.json(outPorts, result, 0));
            if (onDevice != null) onDevice.appendTo(j);
            out.println(j);
            return;
        }
        out.println(p.kernel() + ": " + rows + " row" + (rows == 1 ? "" : "s") + " on engine " + eng.name()
                + " (target " + p.target() + ", row size " + p.rowSize() + ", init " + p.initModel().label() + ")");
        out.println("row 0: " + PortValues.text(inPorts, in, 0) + (inPorts.isEmpty() ? "" : " ") + "-> " + PortValues.text(outPorts, result, 0));
        out.println("gates " + stats.gates() + ", logic cycles " + stats.logicCycles() + ", init cycles " + stats.initCycles()
                + (stats.programCycles() > 0 ? ", prog/sense cycles " + stats.programCycles() : "")
                + ", cycles " + stats.cycles() + ", cells " + stats.cells() + ", io cycles " + stats.ioCycles() + Reports.partitionNote(p));
        if (onDevice != null) out.println(onDevice.text());
    }

    private long[][] explicit(List<Port> ports, int bits) {
        return BitPlanes.sameInEveryRow(ports, InputSpec.parse(inputs, ports), bits, rows);
    }

    private static List<String> names(List<IoBit> bits) {
        return bits.stream().map(IoBit::name).toList();
    }
}
