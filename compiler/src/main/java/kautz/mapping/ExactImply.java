package kautz.mapping;

import com.google.common.collect.ImmutableList;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Program;
import kautz.network.Aig;
import kautz.network.AigSimulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --exact}: a tiny kernel (1-3 inputs, 1-3 outputs) compiled by {@link ImplySynthesis} instead of mapping
 * and scheduling: the shortest {@code false}/{@code imp} program (every {@code false} counted, as under
 * {@code --init single}) shorter than a given length, found by iterative deepening under a counted state budget
 * (deterministic: the same program on any machine, however loaded).
 *
 * <p>Cells: with intact inputs, {@code outputs + 2} work cells after the inputs; with consumed inputs,
 * {@code inputs + max(2, outputs)} cells in all, the input cells among them: the settings under which the full
 * adder's minima were found (24 steps with 4 work cells; 20 with 5 cells, none in 26 with 4) and XOR2's (11 with 3
 * work cells; 9 with 4 cells, none with 3).
 */
public final class ExactImply {
    /** States searched at most: about 1-2 minutes of CPU on the shared machine, the full adder's minima within it. */
    public static final long NODE_LIMIT = 600_000_000L;
    private static final int[] INPUT = {0xAA, 0xCC, 0xF0};

    private ExactImply() {}

    /** Why a kernel cannot be synthesised exactly, or empty when it can. */
    public static Optional<String> unsupported(Aig aig) {
        if (aig.numInputs() < 1 || aig.numInputs() > 3 || aig.numOutputs() < 1 || aig.numOutputs() > 3) {
            return Optional.of("exact synthesis takes kernels of 1 to 3 input bits and 1 to 3 output bits; this one has "
                    + aig.numInputs() + " and " + aig.numOutputs());
        }
        int[] goals = goals(aig);
        int all = 0xFF >>> (8 - (1 << aig.numInputs()));
        for (int i = 0; i < goals.length; i++) {
            int g = goals[i] & all;
            if (g == 0 || g == all) return Optional.of("output " + aig.outputName(i) + " is constant");
            for (int k = 0; k < aig.numInputs(); k++) {
                if (goals[i] == INPUT[k]) return Optional.of("output " + aig.outputName(i) + " is input " + aig.inputName(k));
            }
            for (int j = 0; j < i; j++) {
                if (goals[j] == goals[i]) return Optional.of("outputs " + aig.outputName(j) + " and " + aig.outputName(i) + " are equal");
            }
        }
        return Optional.empty();
    }

    /**
     * The shortest program of fewer than {@code shorterThan} steps (every {@code false} counted), or empty when none
     * exists in the cells searched or the budget ran out first. Call only when {@link #unsupported} is empty.
     */
    public static Optional<Program> program(Aig aig, String name, String target, InitModel init, boolean consumeInputs,
                                            int shorterThan, long nodeLimit) {
        int inputs = aig.numInputs();
        int cells = consumeInputs ? inputs + Math.max(2, aig.numOutputs()) : aig.numOutputs() + 2;
        int max = Math.min(60, shorterThan - 1);
        if (max < 0) return Optional.empty();
        var outcome = ImplySynthesis.search(inputs, goals(aig),
                new ImplySynthesis.Options(cells, 0, max, consumeInputs, false, nodeLimit));
        if (outcome.result().isEmpty()) return Optional.empty();
        Program p = outputsWrittenOnce(ImplySynthesis.program(name, inputs, outcome.result().get(), aig.inputNames(), aig.outputNames()));
        boolean writesInput = false;
        for (MicroOp op : p.ops()) {
            for (int k = 0; k < op.targets().length(); k++) writesInput |= op.targets().get(k) < inputs;
        }
        return Optional.of(new Program(p.kernel(), target, p.rowSize(), init, p.inputs(), p.outputs(), p.ops(), writesInput));
    }

    /**
     * The search may use an output's cell as scratch before the output's own computation starts with a {@code false}
     * there; outputs are never overwritten once computed (docs/isa.md, checked by the lint), so from that
     * {@code false} on the output lives in a fresh cell instead: one cell more, no step more.
     */
    static Program outputsWrittenOnce(Program p) {
        List<MicroOp> ops = new ArrayList<>(p.ops());
        List<IoBit> outs = new ArrayList<>(p.outputs());
        int row = p.rowSize();
        for (int o = 0; o < outs.size(); o++) {
            int c = outs.get(o).cell();
            int start = -1;
            for (int i = 0; i < ops.size(); i++) if (ops.get(i).opcode().isInit() && targets(ops.get(i), c)) start = i;
            boolean scratch = false;
            for (int i = 0; i < start; i++) scratch |= ops.get(i).opcode().isLogic() && targets(ops.get(i), c);
            if (!scratch) continue;
            int fresh = row++;
            for (int i = start; i < ops.size(); i++) {
                int[] x = ops.get(i).operands().toArray();
                for (int k = 0; k < x.length; k++) if (x[k] == c) x[k] = fresh;
                ops.set(i, MicroOp.of(ops.get(i).opcode(), x));
            }
            outs.set(o, new IoBit(outs.get(o).name(), fresh));
        }
        return new Program(p.kernel(), p.target(), row, p.initModel(), p.inputs(), ImmutableList.copyOf(outs), ImmutableList.copyOf(ops));
    }

    private static boolean targets(MicroOp op, int cell) {
        for (int k = 0; k < op.targets().length(); k++) if (op.targets().get(k) == cell) return true;
        return false;
    }

    /** Each output's truth table over the inputs, input i being {@code 0xAA, 0xCC, 0xF0}[i] (ImplySynthesis's encoding). */
    static int[] goals(Aig aig) {
        long[][] in = new long[aig.numInputs()][1];
        for (int i = 0; i < in.length; i++) in[i][0] = INPUT[i];
        long[][] out = AigSimulator.simulate(aig, in);
        int[] g = new int[out.length];
        for (int o = 0; o < g.length; o++) g[o] = (int) (out[o][0] & 0xFF);
        return g;
    }
}
