package kautz.flow;

import kautz.isa.IoBit;
import kautz.isa.Program;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.sim.Engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a compiled program on many rows and compares every row with the reference evaluation of the source
 * network ({@link AigSimulator}); bits are matched by name, so the program may order its inputs and
 * outputs as it likes.
 *
 * @param outputs    the program's output planes, in {@code program.outputs()} order
 * @param reference  the reference's output planes, in the same order
 * @param mismatches rows where any output bit differs
 */
public record RowCheck(long[][] outputs, long[][] reference, int mismatches) {
    /**
     * @param networkInputs input planes in the network's input order
     */
    public static RowCheck run(Program program, Aig network, Engine engine, long[][] networkInputs, int rows) {
        Map<String, Integer> inIndex = index(network.inputNames());
        long[][] programInputs = new long[program.inputs().size()][];
        for (int i = 0; i < programInputs.length; i++) programInputs[i] = networkInputs[position(inIndex, program.inputs().get(i), "input")];
        kautz.diag.Activity.stage("running " + rows + " rows of " + program.kernel() + " and checking them");
        long[][] got = engine.run(program, programInputs, rows);
        long[][] ref = AigSimulator.simulate(network, networkInputs, BitPlanes.words(rows));
        Map<String, Integer> outIndex = index(network.outputNames());
        long[][] want = new long[program.outputs().size()][];
        for (int o = 0; o < want.length; o++) want[o] = ref[position(outIndex, program.outputs().get(o), "output")];
        if (program.outputs().size() != network.numOutputs()) {
            throw new IllegalStateException("program has " + program.outputs().size() + " outputs, the network " + network.numOutputs());
        }
        return new RowCheck(got, want, BitPlanes.mismatchedRows(got, want, rows));
    }

    /** Random rows, seeded. */
    public static RowCheck random(Program program, Aig network, Engine engine, int rows, long seed) {
        return run(program, network, engine, BitPlanes.random(network.numInputs(), rows, seed), rows);
    }

    private static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(names.get(i), i);
        return m;
    }

    private static int position(Map<String, Integer> index, IoBit bit, String what) {
        Integer i = index.get(bit.name());
        if (i == null) throw new IllegalStateException("program " + what + " " + bit.name() + " is not in the source network");
        return i;
    }
}
