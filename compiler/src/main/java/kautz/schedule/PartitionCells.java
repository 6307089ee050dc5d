package kautz.schedule;

import com.google.common.collect.ImmutableList;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.PartitionModel;
import kautz.isa.Partitions;
import kautz.isa.Program;
import kautz.target.GateFamily;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Phase 2 of {@link PartitionScheduler}: an index within its partition for every value (one index for a
 * whole class under the index rules), and every initialisation placed, then the program's cycle lines.
 *
 * <p>A value's cell is free again after its last read. Taking a used cell needs a re-initialisation strictly
 * between that read and the new write: under the unlimited model into a cycle where the partition is idle
 * (free of cost), else into an init-only line inserted before a cycle (shared by every cell whose window
 * holds it; a new one only when no existing line fits). The preference: an idle slot, a line already there,
 * a cell never used (free in the bulk model's initial setting T0), a new line. Under {@code single} and
 * {@code op} the first use is initialised the same way, since nothing is free there.
 */
final class PartitionCells {
    private PartitionCells() {}

    /** Tries this many dead cells per value for one with an idle slot for its re-initialisation. */
    private static final int TRIES = 8;

    static Program emit(GateGraph graph, GateFamily family, ScheduleOptions options, PartitionValues values,
                        CycleTable table, int[] valueOf, Map<Long, Integer> constants) {
        return new PartitionCells.Run(graph, family, options, values, table).emit(valueOf);
    }

    private static final class Run {
        final GateGraph graph;
        final GateFamily family;
        final ScheduleOptions options;
        final PartitionValues values;
        final CycleTable table;
        final int k;
        final int cycles;
        final boolean bulk;
        final boolean backfill;
        final int[] index;
        final int[] width;
        final int[][] lastOcc;
        final int[] fresh;
        final List<PriorityQueue<long[]>> dead = new ArrayList<>();
        /** Inserted init-only lines: before cycle point -> cells to set to 1 and to 0 (value index, as cells later). */
        final TreeMap<Integer, List<int[]>> lines = new TreeMap<>();
        /** Re-initialisations in idle slots: cycle -> (partition, value). */
        final Map<Integer, List<int[]>> slots = new java.util.HashMap<>();
        final List<Integer> t0 = new ArrayList<>();

        Run(GateGraph graph, GateFamily family, ScheduleOptions options, PartitionValues values, CycleTable table) {
            this.graph = graph;
            this.family = family;
            this.options = options;
            this.values = values;
            this.table = table;
            this.k = options.partitionCount();
            this.cycles = table.cycles();
            this.bulk = options.init() == InitModel.BULK;
            this.backfill = options.model() == PartitionModel.UNLIMITED;
            this.index = new int[values.size];
            Arrays.fill(index, -1);
            this.width = new int[k];
            for (int p = 0; p < k; p++) width[p] = options.partitions() == null ? Integer.MAX_VALUE : options.partitions().width(p);
            this.lastOcc = new int[k][];
            this.fresh = new int[k];
            for (int p = 0; p < k; p++) {
                lastOcc[p] = new int[16];
                Arrays.fill(lastOcc[p], -1);
                dead.add(new PriorityQueue<>(Comparator.comparingLong((long[] e) -> e[0]).thenComparingLong(e -> e[1])));
            }
        }

        Program emit(int[] valueOf) {
            assign();
            int[] w = width.clone();
            if (options.partitions() == null) {
                int most = 1;
                for (int p = 0; p < k; p++) most = Math.max(most, fresh[p]);
                Arrays.fill(w, most);
            }
            int[] start = new int[k + 1];
            for (int p = 0; p < k; p++) start[p + 1] = start[p] + w[p];
            int[] cell = new int[values.size];
            for (int v = 0; v < values.size; v++) cell[v] = start[values.part[v]] + index[v];
            return build(valueOf, cell, w);
        }

        private void assign() {
            List<List<Integer>> classes = new ArrayList<>();
            Map<Integer, Integer> classOf = new java.util.HashMap<>();
            for (int v = 0; v < values.size; v++) {
                int r = values.find(v);
                Integer c = classOf.get(r);
                if (c == null) { c = classes.size(); classOf.put(r, c); classes.add(new ArrayList<>()); }
                classes.get(c).add(v);
            }
            int[] first = new int[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                int m = Integer.MAX_VALUE;
                for (int v : classes.get(c)) m = Math.min(m, values.def[v]);
                first[c] = m;
            }
            Integer[] byDef = new Integer[classes.size()];
            for (int c = 0; c < byDef.length; c++) byDef[c] = c;
            Arrays.sort(byDef, Comparator.comparingInt((Integer c) -> first[c]).thenComparingInt(c -> -classes.get(c).size()));
            for (int c : byDef) {
                List<Integer> members = classes.get(c);
                if (members.size() == 1) single(members.get(0));
                else shared(members);
            }
        }

        /** The cycle before which a value's cell must hold its pre-state. */
        private int deadline(int v) {
            return Math.min(values.initBy[v] < 0 ? cycles : values.initBy[v], cycles);
        }

        private int lastOf(int p, int idx) {
            return idx < lastOcc[p].length ? lastOcc[p][idx] : -1;
        }

        private boolean used(int p, int idx) { return idx < fresh[p] && lastOcc[p][idx] != -1; }

        private void take(int v, int p, int idx) {
            if (idx >= lastOcc[p].length) {
                int old = lastOcc[p].length;
                lastOcc[p] = Arrays.copyOf(lastOcc[p], Math.max(idx + 1, old * 2));
                Arrays.fill(lastOcc[p], old, lastOcc[p].length, -1);
            }
            while (fresh[p] <= idx) { // cells skipped on the way are free, never used
                if (fresh[p] < idx) dead.get(p).add(new long[] {-1, fresh[p]});
                fresh[p]++;
            }
            boolean reused = lastOcc[p][idx] != -1;
            int last = lastOcc[p][idx];
            index[v] = idx;
            int end = values.last[v] == PartitionValues.FOREVER ? Integer.MAX_VALUE - 1 : Math.max(values.last[v], values.def[v]);
            lastOcc[p][idx] = end;
            if (end != Integer.MAX_VALUE - 1) dead.get(p).add(new long[] {end, idx});
            if (values.prestate[v] < 0) return; // an input: loaded, not initialised
            initialise(v, p, reused ? last : -1, reused);
        }

        /** Places the initialisation of v's cell after cycle {@code after}. */
        private void initialise(int v, int p, int after, boolean reused) {
            int by = deadline(v);
            if (!reused && bulk) { t0.add(v); return; }
            if (backfill) {
                int x = table.free(p, after + 1);
                if (x < by) {
                    table.occupy(p, p, x);
                    slots.computeIfAbsent(x, key -> new ArrayList<>()).add(new int[] {p, v});
                    return;
                }
            }
            Integer point = lines.ceilingKey(after + 1);
            if (point == null || point > by) { point = by; lines.put(point, new ArrayList<>()); }
            lines.get(point).add(new int[] {p, v});
        }

        /** Whether the re-initialisation could go in an idle slot or an existing line, at no new cost. */
        private boolean cheap(int p, int after, int by) {
            if (backfill && table.free(p, after + 1) < by) return true;
            Integer point = lines.ceilingKey(after + 1);
            return point != null && point <= by;
        }

        private void single(int v) {
            int p = values.part[v];
            if (values.def[v] < 0) { take(v, p, freshIndex(p, v)); return; }
            int by = deadline(v);
            int def = values.def[v];
            PriorityQueue<long[]> q = dead.get(p);
            List<long[]> popped = new ArrayList<>();
            int chosen = -1;
            while (!q.isEmpty() && q.peek()[0] < def && popped.size() < TRIES) {
                long[] e = q.poll();
                int idx = (int) e[1];
                if (lastOf(p, idx) != e[0]) continue; // stale
                popped.add(e);
                if (e[0] == -1 || cheap(p, (int) e[0], by)) { chosen = idx; break; }
            }
            if (chosen < 0 && fresh[p] < width[p]) chosen = fresh[p];
            if (chosen < 0 && !popped.isEmpty()) chosen = (int) popped.get(0)[1];
            for (long[] e : popped) if (e[1] != chosen) q.add(e);
            if (chosen < 0) throw tooNarrow(p);
            take(v, p, chosen);
        }

        private int freshIndex(int p, int v) {
            // a never-used cell left behind by a class, else the next one
            PriorityQueue<long[]> q = dead.get(p);
            int chosen = -1;
            while (!q.isEmpty() && q.peek()[0] == -1) {
                long[] e = q.poll();
                if (lastOf(p, (int) e[1]) == -1 && (int) e[1] < fresh[p]) { chosen = (int) e[1]; break; }
            }
            if (chosen < 0) chosen = fresh[p];
            if (chosen >= width[p]) throw tooNarrow(p);
            return chosen;
        }

        /** A class: one index free in every member's partition when the member is written. */
        private void shared(List<Integer> members) {
            int lead = members.get(0);
            int p0 = values.part[lead];
            PriorityQueue<long[]> q = dead.get(p0);
            List<long[]> popped = new ArrayList<>();
            int chosen = -1;
            while (!q.isEmpty() && q.peek()[0] < values.def[lead] && popped.size() < TRIES) {
                long[] e = q.poll();
                int idx = (int) e[1];
                if (lastOf(p0, idx) != e[0]) continue;
                popped.add(e);
                if (fits(members, idx)) { chosen = idx; break; }
            }
            for (long[] e : popped) if (e[1] != chosen) q.add(e);
            if (chosen < 0) {
                int idx = 0;
                for (int v : members) idx = Math.max(idx, fresh[values.part[v]]);
                for (int v : members) if (idx >= width[values.part[v]]) throw tooNarrow(values.part[v]);
                chosen = idx;
            }
            for (int v : members) take(v, values.part[v], chosen);
        }

        private boolean fits(List<Integer> members, int idx) {
            for (int v : members) {
                int p = values.part[v];
                if (idx >= width[p]) return false;
                int last = lastOf(p, idx);
                if (last != -1 && last >= values.def[v]) return false;
            }
            return true;
        }

        private RowTooSmallException tooNarrow(int p) {
            int total = 0;
            for (int w : width) total += w == Integer.MAX_VALUE ? 0 : w;
            return new RowTooSmallException(total, 0, "partition " + p + " of " + width[p]
                    + " cells cannot hold the values live at once in this schedule; give wider partitions");
        }

        private Program build(int[] valueOf, int[] cell, int[] w) {
            List<List<MicroOp>> out = new ArrayList<>();
            if (!t0.isEmpty()) initLines(out, t0, cell);
            List<List<PartitionValues.Op>> byCycle = new ArrayList<>();
            for (int c = 0; c < cycles; c++) byCycle.add(new ArrayList<>());
            for (PartitionValues.Op op : values.ops) byCycle.get(op.cycle()).add(op);
            for (int c = 0; c <= cycles; c++) {
                List<int[]> ins = lines.get(c);
                if (ins != null) {
                    List<Integer> vs = new ArrayList<>();
                    for (int[] e : ins) vs.add(e[1]);
                    initLines(out, vs, cell);
                }
                if (c == cycles) break;
                List<MicroOp> line = new ArrayList<>();
                for (PartitionValues.Op op : byCycle.get(c)) {
                    int[] operands = new int[op.sources().length + 1];
                    operands[0] = cell[op.dest()];
                    for (int i = 0; i < op.sources().length; i++) operands[i + 1] = cell[op.sources()[i]];
                    line.add(MicroOp.of(op.opcode(), operands));
                }
                List<int[]> fill = slots.get(c);
                if (fill != null) {
                    for (int[] e : fill) {
                        int v = e[1];
                        line.add(MicroOp.of(values.prestate[v] == 1 ? Opcode.INIT1 : Opcode.INIT0, cell[v]));
                    }
                }
                if (!line.isEmpty()) out.add(line);
            }
            ImmutableList.Builder<IoBit> in = ImmutableList.builder();
            for (int i = 0; i < graph.inputs(); i++) in.add(new IoBit(graph.network().inputNames().get(i), cell[valueOf[i]]));
            ImmutableList.Builder<IoBit> outs = ImmutableList.builder();
            for (int i = 0; i < graph.network().numOutputs(); i++) {
                outs.add(new IoBit(graph.network().outputNames().get(i), cell[valueOf[graph.outputNode(i)]]));
            }
            return PartitionPrograms.of(graph.network().name(), family.name(), options, w, in.build(), outs.build(), out);
        }

        /** Init-only lines: one op setting every cell to 1, one setting every cell to 0 (their intervals may overlap). */
        private void initLines(List<List<MicroOp>> out, List<Integer> vs, int[] cell) {
            for (int value = 1; value >= 0; value--) {
                List<Integer> cells = new ArrayList<>();
                for (int v : vs) if (values.prestate[v] == value) cells.add(cell[v]);
                if (cells.isEmpty()) continue;
                out.add(List.of(MicroOp.of(value == 1 ? Opcode.INIT1 : Opcode.INIT0, cells.stream().mapToInt(Integer::intValue).sorted().toArray())));
            }
        }
    }
}
