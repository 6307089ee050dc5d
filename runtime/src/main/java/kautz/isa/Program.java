package kautz.isa;

import com.google.common.collect.ImmutableList;

/**
 * A micro-op program for one crossbar row: the unit the compiler produces and the runtime executes.
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
 *                  are never overwritten (docs/isa.md, "Cost conventions"), and a rerun on the same row reads the same inputs.
 */
public record Program(String kernel, String target, int rowSize, InitModel initModel,
                      ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs, ImmutableList<MicroOp> ops,
                      boolean consumesInputs) {
    /** A program that keeps its inputs intact (the default convention). */
    public Program(String kernel, String target, int rowSize, InitModel initModel,
                   ImmutableList<IoBit> inputs, ImmutableList<IoBit> outputs, ImmutableList<MicroOp> ops) {
        this(kernel, target, rowSize, initModel, inputs, outputs, ops, false);
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
    }

    private static void checkCell(int cell, int rowSize, String where) {
        if (cell >= rowSize) {
            throw new IllegalArgumentException(where + " uses cell " + cell + " beyond the row size " + rowSize);
        }
    }

    /** Counts per docs/isa.md: gates, logic/init/total cycles, cells, I/O cycles. */
    public ProgramStats stats() { return ProgramStats.of(this); }
}
