package kautz.cli;

import com.google.common.collect.ImmutableList;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.isa.Assembler;
import kautz.isa.IoBit;
import kautz.isa.PartitionRules;
import kautz.isa.Program;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.ports.InputSpec;
import kautz.ports.Port;
import kautz.ports.Ports;
import kautz.sim.RowTrace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the teaching views ({@code trace}, {@code viz}) show: a program, from an assembled {@code .kasm} or
 * compiled from a source or netlist by the flow, with its input rows and, for a compiled program, the
 * source network to check each traced row against.
 *
 * @param program  the program
 * @param network  the source network (the reference), or null for a hand-written .kasm
 * @param inputs   input planes in {@code program.inputs()} order
 * @param rows     rows in the planes
 */
record TracedProgram(Program program, Aig network, long[][] inputs, int rows) {

    /** Refuses a compiled program that breaks its partition model (a scheduler's mistake, named as such). */
    static void requireLegal(Program p) {
        PartitionRules.requireLegal(p, c -> "the program compiled for kernel '" + p.kernel() + "', cycle " + (c + 1));
    }

    static TracedProgram load(Path file, FlowMixin flow, String inputSpec, int rows, long seed) {
        Program program;
        Aig network = null;
        if (file.getFileName().toString().toLowerCase().endsWith(".kasm")) {
            Assembler.Assembled asm = Assembler.readAssembled(file);
            program = asm.program();
            PartitionRules.requireLegal(program, c -> file + ":" + asm.cycleLine(c));
        } else {
            Compiled c = Flow.compile(DesignLoader.load(file, flow.kernel), flow.options());
            program = c.program();
            requireLegal(program);
            network = c.design().network();
        }
        ImmutableList<Port> ports = inPorts(program);
        long[][] in = inputSpec.equals("random") ? BitPlanes.random(program.inputs().size(), rows, seed)
                : BitPlanes.sameInEveryRow(ports, InputSpec.parse(inputSpec, ports), program.inputs().size(), rows);
        return new TracedProgram(program, network, in, rows);
    }

    RowTrace trace(int row) { return RowTrace.of(program, inputs, row); }

    ImmutableList<Port> inPorts() { return inPorts(program); }

    ImmutableList<Port> outPorts() { return Ports.group(program.outputs().stream().map(IoBit::name).toList()); }

    /** The reference's output planes in {@code program.outputs()} order, or null without a source network. */
    long[][] referenceOutputs() {
        if (network == null) return null;
        Map<String, Integer> inPos = index(program.inputs());
        long[][] netIn = new long[network.numInputs()][];
        for (int i = 0; i < netIn.length; i++) {
            Integer p = inPos.get(network.inputName(i));
            netIn[i] = p == null ? new long[BitPlanes.words(rows)] : inputs[p];
        }
        long[][] ref = AigSimulator.simulate(network, netIn, BitPlanes.words(rows));
        Map<String, Integer> outPos = new HashMap<>();
        for (int o = 0; o < network.numOutputs(); o++) outPos.put(network.outputName(o), o);
        long[][] want = new long[program.outputs().size()][];
        for (int o = 0; o < want.length; o++) want[o] = ref[outPos.get(program.outputs().get(o).name())];
        return want;
    }

    /** One row's trace outputs as planes (row 0 of a 1-row plane set), for printing with port values. */
    static long[][] planesOf(boolean[] bits) {
        long[][] p = new long[bits.length][1];
        for (int i = 0; i < bits.length; i++) p[i][0] = bits[i] ? 1L : 0L;
        return p;
    }

    private static ImmutableList<Port> inPorts(Program p) { return Ports.group(p.inputs().stream().map(IoBit::name).toList()); }

    private static Map<String, Integer> index(List<IoBit> bits) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < bits.size(); i++) m.put(bits.get(i).name(), i);
        return m;
    }
}
