package kautz.sim;

import com.google.common.collect.ImmutableList;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Program;
import kautz.isa.ProgramStats;

import java.util.Arrays;

/**
 * One row of a program, op by op: the teaching views ({@code kautz trace}, {@code --vcd}, {@code kautz viz})
 * are drawn from it. Executes with the interpreter's own step function on a single row, so what a student
 * sees is exactly what the engines compute (uninitialised outputs included).
 *
 * @param program  the program traced
 * @param initial  every cell's value after the inputs were loaded (non-input cells start at 0, HRS)
 * @param steps    one entry per op, in order
 */
public record RowTrace(Program program, ImmutableList<Boolean> initial, ImmutableList<Step> steps) {

    /**
     * What one op did in this row.
     *
     * @param index   op index (0-based)
     * @param op      the micro-op
     * @param cycles  the cycles this op costs under the program's init model
     * @param elapsed total cycles after this op
     * @param reads   the cells it reads and their values
     * @param writes  the cells it writes, with their values before and after
     */
    public record Step(int index, MicroOp op, long cycles, long elapsed,
                       ImmutableList<CellValue> reads, ImmutableList<CellChange> writes) {}

    public record CellValue(int cell, boolean value) {}

    public record CellChange(int cell, boolean before, boolean after) {
        public boolean changed() { return before != after; }
    }

    /** Traces row {@code row} of the given input planes ({@code planes[inputBit][word]}). */
    public static RowTrace of(Program p, long[][] inputPlanes, int row) {
        if (inputPlanes.length != p.inputs().size()) {
            throw new IllegalArgumentException("expected " + p.inputs().size() + " input planes, got " + inputPlanes.length);
        }
        int cells = p.stats().cells();
        long[][] c = new long[cells][1];
        int[] level = new int[cells];
        int w = row >>> 6;
        int shift = row & 63;
        for (int i = 0; i < inputPlanes.length; i++) {
            c[p.inputs().get(i).cell()][0] = (inputPlanes[i][w] >>> shift & 1) != 0 ? -1L : 0L;
        }
        ImmutableList<Boolean> initial = snapshot(c);
        long[] cost = ProgramStats.opCycles(p);
        long elapsed = 0;
        ImmutableList.Builder<Step> steps = ImmutableList.builder();
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            ImmutableList.Builder<CellValue> reads = ImmutableList.builder();
            var src = op.sources();
            for (int k = 0; k < src.length(); k++) reads.add(new CellValue(src.get(k), c[src.get(k)][0] != 0));
            var dst = op.targets();
            boolean[] before = new boolean[dst.length()];
            for (int k = 0; k < dst.length(); k++) before[k] = c[dst.get(k)][0] != 0;
            Interpreter.step(op, c, level, 1);
            ImmutableList.Builder<CellChange> writes = ImmutableList.builder();
            for (int k = 0; k < dst.length(); k++) writes.add(new CellChange(dst.get(k), before[k], c[dst.get(k)][0] != 0));
            elapsed += cost[i];
            steps.add(new Step(i, op, cost[i], elapsed, reads.build(), writes.build()));
        }
        return new RowTrace(p, initial, steps.build());
    }

    /** Every cell's value after op {@code index} (or before the first op when {@code index < 0}). */
    public boolean[] cellsAfter(int index) {
        boolean[] v = new boolean[initial.size()];
        for (int i = 0; i < v.length; i++) v[i] = initial.get(i);
        for (int s = 0; s <= index && s < steps.size(); s++) {
            for (CellChange ch : steps.get(s).writes()) v[ch.cell()] = ch.after();
        }
        return v;
    }

    /** The row's output bits after the last op, in the program's output order. */
    public boolean[] outputs() {
        boolean[] last = cellsAfter(steps.size() - 1);
        boolean[] out = new boolean[program.outputs().size()];
        for (int o = 0; o < out.length; o++) out[o] = last[program.outputs().get(o).cell()];
        return out;
    }

    /** A label for each cell: the input/output bit names it holds, or empty. */
    public String[] cellLabels() {
        String[] label = new String[initial.size()];
        Arrays.fill(label, "");
        for (IoBit b : program.inputs()) label[b.cell()] = join(label[b.cell()], b.name());
        for (IoBit b : program.outputs()) label[b.cell()] = join(label[b.cell()], b.name());
        return label;
    }

    private static String join(String a, String b) { return a.isEmpty() ? b : a + "/" + b; }

    private static ImmutableList<Boolean> snapshot(long[][] c) {
        ImmutableList.Builder<Boolean> b = ImmutableList.builder();
        for (long[] cell : c) b.add(cell[0] != 0);
        return b.build();
    }
}
