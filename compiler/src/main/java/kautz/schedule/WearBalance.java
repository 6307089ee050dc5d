package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Spreads a program's writes over its row by renaming cells, leaving every op, line and cycle as it was. A cell's
 * history splits into <em>values</em> at its init ops (an init reads nothing, so the value before it is dead); every
 * other write of a stateful gate reads the old value and continues it. Each value is a live interval, from its
 * first write to its last use (the end of the program for an output), and any cell free over that interval can
 * hold it. Values are given cells in the order they start, each the free cell written least so far (ties: the
 * lowest), so the largest per-cell write count, which decides when the first cell wears out, approaches the
 * row's mean. An interval graph is coloured greedily in start order with as many colours as it has overlapping
 * intervals, so the renamed program fits the original row. The values one init op starts share a point: they take
 * the coldest free cells, the shortest-lived value the coldest, so that a hot cell holds a long-lived value and
 * is not written for a while.
 *
 * <p>An output's last value lives to the end, and the output is read from wherever it went. Kept in place: the
 * input cells (loaded before the first op) and any cell read before it is written. Programs on a divided row
 * (renaming would cross partitions) or with multi-level ops are returned unchanged.
 */
public final class WearBalance {
    private WearBalance() {}

    /** One value: the cell it had, the ops from its first write to its last use, and how many of them write it. */
    private record Value(int cell, int start, int end, int writes) {}

    public static Program balance(Program p) {
        if (p.partitions().count() > 1) return p;
        for (MicroOp op : p.ops()) if (op.opcode() == Opcode.PROG || op.opcode() == Opcode.SENSE) return p;
        int cells = p.rowSize();
        boolean[] pinned = new boolean[cells];
        for (IoBit b : p.inputs()) pinned[b.cell()] = true;
        boolean[] seen = new boolean[cells]; // a cell read before anything wrote it holds 0 there: it stays
        for (MicroOp op : p.ops()) {
            for (int k = 0; k < op.operands().length(); k++) {
                int c = op.operands().get(k);
                if (!seen[c] && !op.opcode().isInit()) pinned[c] = true;
                seen[c] = true;
            }
        }
        // values per cell, in op order
        List<Value> values = new ArrayList<>();
        int[] start = new int[cells], last = new int[cells], writes = new int[cells];
        Arrays.fill(start, -1);
        int[][] opValue = new int[p.ops().size()][]; // per op and operand: the value it touches, -1 on a kept cell
        int[] openValue = new int[cells];
        Arrays.fill(openValue, -1);
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            ImmutableIntArray x = op.operands();
            opValue[i] = new int[x.length()];
            boolean init = op.opcode().isInit();
            for (int k = 0; k < x.length(); k++) {
                int c = x.get(k);
                if (pinned[c]) { opValue[i][k] = -1; continue; }
                if (init && (openValue[c] < 0 || start[c] != i)) { // an init starts a new value
                    if (openValue[c] >= 0) values.set(openValue[c], new Value(c, start[c], last[c], writes[c]));
                    openValue[c] = values.size();
                    values.add(null);
                    start[c] = i;
                    writes[c] = 0;
                }
                last[c] = i;
                opValue[i][k] = openValue[c];
            }
            for (int k = 0; k < op.targets().length(); k++) {
                int c = op.targets().get(k);
                if (!pinned[c]) writes[c]++;
            }
        }
        boolean[] output = new boolean[cells];
        for (IoBit b : p.outputs()) output[b.cell()] = true;
        for (int c = 0; c < cells; c++) {
            if (openValue[c] >= 0) values.set(openValue[c], new Value(c, start[c], output[c] ? p.ops().size() : last[c], writes[c]));
        }
        // greedy in start order: the free cell written least
        Integer[] byStart = new Integer[values.size()];
        for (int v = 0; v < byStart.length; v++) byStart[v] = v;
        Arrays.sort(byStart, (a, b) -> values.get(a).start() != values.get(b).start()
                ? Integer.compare(values.get(a).start(), values.get(b).start()) : Integer.compare(a, b));
        long[] load = new long[cells];
        PriorityQueue<int[]> busy = new PriorityQueue<>((a, b) -> Integer.compare(a[0], b[0])); // (end, cell)
        PriorityQueue<Integer> free = new PriorityQueue<>((a, b) -> load[a] != load[b] ? Long.compare(load[a], load[b]) : Integer.compare(a, b));
        for (int c = 0; c < cells; c++) if (!pinned[c]) free.add(c);
        int[] target = new int[values.size()];
        for (int from = 0; from < byStart.length; ) { // the values one init op starts, together
            int to = from;
            while (to < byStart.length && values.get(byStart[to]).start() == values.get(byStart[from]).start()) to++;
            int startOp = values.get(byStart[from]).start();
            while (!busy.isEmpty() && busy.peek()[0] < startOp) free.add(busy.poll()[1]);
            int k = to - from;
            if (free.size() < k) return p; // cannot happen for an interval colouring; keep the program as it was
            int[] chosen = new int[k]; // the k coldest free cells, coldest first
            for (int j = 0; j < k; j++) chosen[j] = free.poll();
            Integer[] group = Arrays.copyOfRange(byStart, from, to);
            // the shortest-lived value on the coldest cell: a cell that takes a long-lived value rests meanwhile
            Arrays.sort(group, (a, b) -> Integer.compare(values.get(a).end(), values.get(b).end()));
            for (int j = 0; j < k; j++) {
                int v = group[j], c = chosen[j];
                target[v] = c;
                load[c] += values.get(v).writes();
                busy.add(new int[] {values.get(v).end(), c});
            }
            from = to;
        }
        List<MicroOp> ops = new ArrayList<>(p.ops().size());
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            int[] x = op.operands().toArray();
            for (int k = 0; k < x.length; k++) if (opValue[i][k] >= 0) x[k] = target[opValue[i][k]];
            ops.add(new MicroOp(op.opcode(), ImmutableIntArray.copyOf(x), op.level()));
        }
        ImmutableList.Builder<IoBit> outs = ImmutableList.builder();
        for (IoBit b : p.outputs()) outs.add(pinned[b.cell()] ? b : new IoBit(b.name(), target[openValue[b.cell()]]));
        return new Program(p.kernel(), p.target(), p.rowSize(), p.initModel(), p.inputs(), outs.build(), ImmutableList.copyOf(ops),
                p.consumesInputs(), p.partitions(), p.model(), p.cycleStarts());
    }

    /** The largest number of ops that write one cell: the hottest cell of a run. */
    public static int maxWrites(Program p) {
        int[] w = new int[p.rowSize()];
        int max = 0;
        for (MicroOp op : p.ops()) {
            for (int k = 0; k < op.targets().length(); k++) max = Math.max(max, ++w[op.targets().get(k)]);
        }
        return max;
    }
}
