package kautz.cli;

import com.google.common.collect.ImmutableList;
import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.flow.Reports;
import kautz.isa.Assembler;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
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
        header = "Run an assembled micro-op program (.kasm) on many crossbar rows.",
        description = {
                "Run an assembled micro-op program (.kasm, see docs/isa.md) on many crossbar rows with the",
                "physical semantics: a gate whose output cell was not initialised gives a wrong result, as on",
                "a chip. Results go to stdout: row 0's inputs and outputs (with random inputs the first rows)",
                "and, with --device, the device's report; the program's counts, the check (--check SOURCE) and",
                "lint warnings (uninitialised outputs, reads of unwritten cells, overwritten inputs/outputs) go",
                "to stderr. Exit code 1 when a checked row differs from the source."})
public final class SimCommand implements Runnable {
    /** Bounds memory: rows x cells bit-planes. */
    private static final long MAX_BITS = 1L << 36;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM.kasm", description = "the program to run")
    Path file;

    @Option(names = "--rows", paramLabel = "R", description = "number of rows (default: 1 with explicit inputs, 1024 with random)")
    Integer rowsOption;

    private int rows;

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

    @Option(names = "--check", paramLabel = "SOURCE",
            description = "compare every row with the reference evaluation of SOURCE (.kz, selecting the program's kernel, or a netlist), "
                    + "bits matched by name; rows that differ make the exit code 1 (default: not checked)")
    Path check;

    @Option(names = "--json", description = "print one JSON object (keys: docs/json.md) instead of text")
    boolean json;

    @Override
    public void run() {
        device.refuseUnused();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engines.check(engine);
        boolean random = inputs.equals("random");
        rows = rowsOption != null ? rowsOption : random ? 1024 : 1;
        if (rows < 1) throw new UsageError("--rows must be at least 1, got " + rows);
        Assembler.Assembled asm = Assembler.readAssembled(file);
        Program p = asm.program();
        PartitionRules.requireLegal(p, c -> file + ":" + asm.cycleLine(c));
        ProgramStats stats = p.stats();
        if ((long) rows * Math.max(1, stats.cells()) > MAX_BITS) {
            throw new UsageError("--rows " + rows + " x " + stats.cells() + " cells is too much to simulate at once (at most 2^36 cell-rows)");
        }
        if (!device.enabled()) {
            int levels = device.functionalLevels();
            for (int i = 0; i < p.ops().size(); i++) {
                MicroOp op = p.ops().get(i);
                if (op.opcode() == Opcode.PROG && op.level() >= levels) {
                    throw new UserError(file + ":" + asm.opLines().get(i) + ": op " + i + " (" + op + "): level " + op.level()
                            + " is beyond the " + levels + " levels of a multi-level cell (--levels)");
                }
            }
        }
        lint(ProgramLint.check(p), asm, err);
        ImmutableList<Port> inPorts = Ports.group(names(p.inputs()));
        ImmutableList<Port> outPorts = Ports.group(names(p.outputs()));
        long[][] in = random ? BitPlanes.random(p.inputs().size(), rows, seed) : explicit(inPorts, p.inputs().size());
        Engine eng = Engines.select(engine, p, rows);
        long[][] result = eng.run(p, in, rows);
        vcd.writeIfRequested(p, in, err);
        DeviceRunner.Outcome onDevice = device.enabled() ? DeviceRunner.run(p, in, result, rows, seed, device) : null;
        int mismatches = check == null ? 0 : mismatches(p, in, result);

        if (json) {
            Json j = new Json().put("kernel", p.kernel()).put("target", p.target()).put("rowSize", p.rowSize())
                    .put("rows", rows).put("engine", eng.name()).put("init", p.initModel().label())
                    .put("gates", stats.gates()).put("logicCycles", stats.logicCycles()).put("initCycles", stats.initCycles())
                    .put("programCycles", stats.programCycles()).put("cycles", stats.cycles()).put("cells", stats.cells())
                    .put("ioCycles", stats.ioCycles());
            Reports.partitions(j, p);
            if (!random) j.put("outputs", PortValues.json(outPorts, result, 0));
            if (check != null) j.put("mismatches", mismatches);
            if (onDevice != null) onDevice.appendTo(j);
            out.println(j);
            failIfMismatched(mismatches);
            return;
        }
        // results (the first row, the device's report) on stdout; the program's counts and the check on stderr, as in run
        err.println(p.kernel() + ": " + rows + " row" + (rows == 1 ? "" : "s") + " on engine " + eng.name()
                + " (target " + p.target() + ", row size " + p.rowSize() + ", init " + p.initModel().label() + ")");
        // a program's reader sees the inputs beside the outputs, also for explicit inputs (run prints the outputs alone)
        PortValues.printRows(out, inPorts, in, outPorts, result, random ? rows : 1, true);
        err.println("gates " + stats.gates() + ", logic cycles " + stats.logicCycles() + ", init cycles " + stats.initCycles()
                + (stats.programCycles() > 0 ? ", prog/sense cycles " + stats.programCycles() : "")
                + ", cycles " + stats.cycles() + ", cells " + stats.cells() + ", io cycles " + stats.ioCycles() + Reports.partitionNote(p));
        if (onDevice != null) out.println(onDevice.text());
        if (check != null) err.println("mismatches " + mismatches + " (rows whose outputs differ from " + check + ")");
        else err.println("mismatches not checked (--check SOURCE compares every row with the source's reference evaluation, as run does)");
        failIfMismatched(mismatches);
    }

    private void failIfMismatched(int mismatches) {
        if (mismatches > 0) throw new UserError(file + ": " + mismatches + " of " + rows + " rows differ from " + check);
    }

    /** Rows where the program's outputs differ from the source's reference evaluation on the same inputs. */
    private int mismatches(Program p, long[][] in, long[][] result) {
        String name = check.getFileName() == null ? "" : check.getFileName().toString();
        Aig n = DesignLoader.load(check, name.endsWith(".kz") ? p.kernel() : null).network();
        Map<String, Integer> programIn = new java.util.HashMap<>();
        for (int i = 0; i < p.inputs().size(); i++) programIn.put(p.inputs().get(i).name(), i);
        long[][] netIn = new long[n.numInputs()][];
        for (int i = 0; i < netIn.length; i++) {
            Integer at = programIn.remove(n.inputName(i));
            if (at == null) throw new UserError(check + ": input bit " + n.inputName(i) + " is not an input of " + file);
            netIn[i] = in[at];
        }
        if (!programIn.isEmpty()) throw new UserError(file + ": input bit " + programIn.keySet().iterator().next() + " is not an input of " + check);
        long[][] ref = AigSimulator.simulate(n, netIn, BitPlanes.words(rows));
        Map<String, Integer> refOut = new java.util.HashMap<>();
        for (int o = 0; o < n.numOutputs(); o++) refOut.put(n.outputName(o), o);
        if (refOut.size() != p.outputs().size()) {
            throw new UserError(file + ": has " + p.outputs().size() + " output bits, " + check + " " + refOut.size());
        }
        long[][] want = new long[p.outputs().size()][];
        for (int o = 0; o < want.length; o++) {
            Integer at = refOut.get(p.outputs().get(o).name());
            if (at == null) throw new UserError(file + ": output bit " + p.outputs().get(o).name() + " is not an output of " + check);
            want[o] = ref[at];
        }
        return BitPlanes.mismatchedRows(result, want, rows);
    }

    /** Lint warnings shown one per line before the rest are only counted, by kind. */
    static final int LINT_SHOWN = 20;

    private void lint(List<ProgramLint.Finding> findings, Assembler.Assembled asm, PrintWriter err) {
        for (ProgramLint.Finding f : findings.subList(0, Math.min(LINT_SHOWN, findings.size()))) {
            String where = f.op() >= 0 && f.op() < asm.opLines().length() ? file + ":" + asm.opLines().get(f.op()) : file.toString();
            err.println("kautz: warning: " + where + ": " + f.message());
        }
        if (findings.size() > LINT_SHOWN) {
            Map<ProgramLint.Kind, Integer> byKind = new java.util.EnumMap<>(ProgramLint.Kind.class);
            for (ProgramLint.Finding f : findings.subList(LINT_SHOWN, findings.size())) byKind.merge(f.kind(), 1, Integer::sum);
            List<String> parts = byKind.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList();
            err.println("kautz: warning: " + file + ": " + (findings.size() - LINT_SHOWN) + " more warnings not shown ("
                    + String.join(", ", parts) + ")");
        }
    }

    private long[][] explicit(List<Port> ports, int bits) {
        return BitPlanes.sameInEveryRow(ports, InputSpec.parse(inputs, ports), bits, rows);
    }

    private static List<String> names(List<IoBit> bits) {
        return bits.stream().map(IoBit::name).toList();
    }
}
