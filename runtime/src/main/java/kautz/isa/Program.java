package kautz.isa;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;

import java.util.List;

/**
 * A micro-op program for one crossbar row: the unit the compiler produces and the runtime executes.
 *
 * <p>The ops are one flat list in execution order; {@code cycleStarts} groups them into cycles (one
 * {@code .kasm} line each). The ops of one cycle run at once, each reading the state before the cycle; a
 * program legal under its {@link PartitionModel} (see {@code PartitionRules}) never has an op read or write a
 * cell another op of its cycle writes, so running the ops one after another in list order gives the same
 * state, and every engine executes the flat list.
 *
 * @param kernel    name of the kernel it implements
 * @param target    name of the gate family it was compiled for (informational)
 * @param rowSize   the row width C it must fit in (every cell index is below it)
 * @param initModel how init cycles are counted
 * @param inputs    input bits and their cells, in port order; loaded before the first op
 * @param outputs   output bits and the cells they are read from after the last op
 * @param ops       the micro-ops in execution order
 * @param consumesInputs whether ops may overwrite input cells after reading them (the convention of the
 *                  published serial IMPLY adders; header {@code .consume-inputs}). By default (false) inputs
 *                  are never overwritten, and a rerun on the same row reads the same inputs.
 * @param partitions how the row is divided ({@link Partitions#single} for the undivided row)
 * @param model     which ops may share a cycle
 * @param cycleStarts the index in {@code ops} where each cycle begins, strictly ascending from 0
 *                  (0, 1, 2, … when every cycle holds one op)
 */
public record Program(String kernel, String target, int rowSize, InitModel initModel,
                      ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs, ImmutableList<MicroOp> ops,
                      boolean consumesInputs, Partitions partitions, PartitionModel model,
                      ImmutableIntArray cycleStarts) {
    /** A program that keeps its inputs intact (the default convention). */
    public Program(String kernel, String target, int rowSize, InitModel initModel,
                   ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs, ImmutableList<MicroOp> ops) {
        this(kernel, target, rowSize, initModel, inputs, outputs, ops, false);
    }

    /** A program on an undivided row, one op per cycle. */
    public Program(String kernel, String target, int rowSize, InitModel initModel,
                   ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs, ImmutableList<MicroOp> ops,
                   boolean consumesInputs) {
        this(kernel, target, rowSize, initModel, inputs, outputs, ops, consumesInputs, Partitions.single(rowSize),
                PartitionModel.UNLIMITED, oneOpPerCycle(ops.size()));
    }

    public Program {
        for (IoBit b : inputs) checkCell(b.cell(), rowSize, "input " + b.name());
        for (IoBit b : outputs) checkCell(b.cell(), rowSize, "output " + b.name());
        for (int i = 0; i < ops.size(); i++) {
            MicroOp op = ops.get(i);
            for (int k = 0; k < op.operands().length(); k++) {
                if (op.operands().get(k) >= rowSize) checkCell(op.operands().get(k), rowSize, "op " + i + " (" + op + ")"); // message built only on failure
            }
        }
        if (partitions.rowSize() != rowSize) {
            throw new IllegalArgumentException("partitions " + partitions + " hold " + partitions.rowSize()
                    + " cells, but the row has " + rowSize);
        }
        if (ops.isEmpty() ? !cycleStarts.isEmpty() : cycleStarts.isEmpty() || cycleStarts.get(0) != 0) {
            throw new IllegalArgumentException("the first cycle must begin at op 0");
        }
        for (int c = 1; c < cycleStarts.length(); c++) {
            if (cycleStarts.get(c) <= cycleStarts.get(c - 1) || cycleStarts.get(c) >= ops.size()) {
                throw new IllegalArgumentException("cycle " + c + " begins at op " + cycleStarts.get(c)
                        + ": cycle starts must ascend strictly below " + ops.size());
            }
        }
        cycleStarts = cycleStarts.trimmed();
    }

    /**
     * A program from its cycles, each a non-empty list of ops that run at once.
     */
    public static Program ofCycles(String kernel, String target, int rowSize, InitModel initModel,
                                   ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs,
                                   List<? extends List<MicroOp>> cycles, boolean consumesInputs,
                                   Partitions partitions, PartitionModel model) {
        ImmutableList.Builder<MicroOp> ops = ImmutableList.builder();
        ImmutableIntArray.Builder starts = ImmutableIntArray.builder(cycles.size());
        int n = 0;
        for (int c = 0; c < cycles.size(); c++) {
            List<MicroOp> cycle = cycles.get(c);
            if (cycle.isEmpty()) throw new IllegalArgumentException("cycle " + c + " has no ops");
            starts.add(n);
            ops.addAll(cycle);
            n += cycle.size();
        }
        return new Program(kernel, target, rowSize, initModel, inputs, outputs, ops.build(), consumesInputs,
                partitions, model, starts.build());
    }

    /** 0, 1, …, n-1: every op a cycle of its own. */
    public static ImmutableIntArray oneOpPerCycle(int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = i;
        return ImmutableIntArray.copyOf(s);
    }

    private static void checkCell(int cell, int rowSize, String where) {
        if (cell >= rowSize) {
            throw new IllegalArgumentException(where + " uses cell " + cell + " beyond the row size " + rowSize);
        }
    }

    /** The number of cycle lines. */
    public int cycleCount() { return cycleStarts.length(); }

    /** The index in {@link #ops} of the first op of cycle {@code c}. */
    public int cycleStart(int c) { return cycleStarts.get(c); }

    /** The index in {@link #ops} just after the last op of cycle {@code c}. */
    public int cycleEnd(int c) { return c + 1 < cycleStarts.length() ? cycleStarts.get(c + 1) : ops.size(); }

    /** The ops of cycle {@code c}. */
    public ImmutableList<MicroOp> cycle(int c) { return ops.subList(cycleStart(c), cycleEnd(c)); }

    /** The ops grouped per cycle, in order. */
    public ImmutableList<ImmutableList<MicroOp>> cycles() {
        ImmutableList.Builder<ImmutableList<MicroOp>> b = ImmutableList.builderWithExpectedSize(cycleCount());
        for (int c = 0; c < cycleCount(); c++) b.add(cycle(c));
        return b.build();
    }

    /** For each op, the cycle it belongs to. */
    public int[] cycleOfOps() {
        int[] of = new int[ops.size()];
        for (int c = 0; c < cycleCount(); c++) java.util.Arrays.fill(of, cycleStart(c), cycleEnd(c), c);
        return of;
    }

    /** Whether some cycle holds more than one op. */
    public boolean isParallel() { return cycleStarts.length() != ops.size(); }


    /** Counts: gates, logic/init/total cycles, cells, I/O cycles, parallelism. */
    public ProgramStats stats() { return ProgramStats.of(this); }
}
