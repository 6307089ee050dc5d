package kautz.schedule;

import kautz.diag.UserError;
import kautz.isa.Opcode;
import kautz.isa.PartitionModel;
import kautz.isa.Program;
import kautz.mapped.Primitives;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lockstep scheduling for partitioned rows: given a home partition for every gate ({@link SliceHomes}), it
 * moves values where they are read, then fills the cycles one after another, each with ops of one kind in as
 * many partitions as take them. When the homes cut the network into repeated slices (a multiplier's bit
 * columns), the ops of a cycle are the same op of every slice: one opcode, one direction, and operands that
 * are the same values of their slices, so they share indices (the standard and minimal models' rules) and
 * their cells are reused in step.
 * <ul>
 *   <li>A gate's inputs are read in its home; its result is written into the home of its readers when they
 *       all share one (a write across, as the published programs shift a carry-save sum), else into its own.</li>
 *   <li>A value read in partitions other than its own is moved there with NOTs: to one partition, a NOT
 *       across and a NOT back to its polarity; to several, a tree of NOTs across halving distances from the
 *       source (one cycle per level when trees run side by side), each reader's partition fixing the
 *       polarity with one more NOT where needed. Under the unlimited model an op may read other partitions,
 *       so only values read in two or more other partitions are moved.</li>
 *   <li>Cycle by cycle, ready ops in order of level (a wavefront: the level an op has counted from the inputs,
 *       except that an op goes as late as its readers allow, so a broadcast comes just before its readers),
 *       then of the longest path to an output: the first opens the cycle, the others join when their
 *       partitions are free and the model's rules admit them ({@link CycleRules}: same opcode, arity and
 *       direction, operands of consistent index classes). Ops of one level of repeated slices share it.</li>
 * </ul>
 * Cells and initialisation are then {@link PartitionCells}'s, as for {@link PartitionScheduler}'s other strategies.
 */
final class Lockstep {
    private Lockstep() {}

    /** How many ready ops per partition a cycle looks at before it is closed. */
    private static final int LOOK = 8;

    /** A scheduled-to-be op: the values it reads are those of nodes or of earlier ops. */
    private static final class Op {
        final Opcode opcode;
        final int prestate;
        final int in;
        final int out;
        /** Sources: an op index ({@code >= 0}) or an input or constant reference ({@code -1 - ref}). */
        final int[] sources;
        int height;
        int depth;
        int missing;
        int ready;
        int value = -1;
        final List<Integer> readers = new ArrayList<>(2);

        Op(Opcode opcode, int prestate, int in, int out, int[] sources) {
            this.opcode = opcode;
            this.prestate = prestate;
            this.in = in;
            this.out = out;
            this.sources = sources;
        }
    }

    static Program schedule(GateGraph graph, GateFamily family, ScheduleOptions options, int[] home) {
        return new Run(graph, family, options, home).run();
    }

    private static final class Run {
        final GateGraph graph;
        final GateFamily family;
        final ScheduleOptions options;
        final int k;
        final boolean indexed;
        final int[] home;
        final GateImpl not;
        final List<Op> ops = new ArrayList<>();
        /** Fixed values (inputs, constants): reference -> value. */
        final List<Integer> fixed = new ArrayList<>();
        /** (node, partition) -> where its value is: an op index or {@code -1 - fixed reference}. */
        final Map<Long, Integer> at = new HashMap<>();
        final Map<Long, Integer> constants = new HashMap<>();
        final PartitionValues values = new PartitionValues();
        final CycleTable table;
        final CycleRules rules;
        final int[] valueOf;

        Run(GateGraph graph, GateFamily family, ScheduleOptions options, int[] home) {
            this.graph = graph;
            this.family = family;
            this.options = options;
            this.k = options.partitionCount();
            this.indexed = options.model() != PartitionModel.UNLIMITED;
            this.home = home;
            GateImpl inv = family.implOf(Primitives.INV1).orElse(null);
            this.not = inv != null && !inv.serial() && !inv.inPlace() ? inv : null;
            this.table = new CycleTable(k);
            this.rules = indexed ? new CycleRules(options.model(), values) : null;
            this.valueOf = new int[graph.nodes()];
            Arrays.fill(valueOf, -1);
        }

        Program run() {
            int[] order = graph.neededGates();
            for (int i = 0; i < graph.inputs(); i++) {
                int v = values.add(home[i], -1, -1);
                values.last[v] = PartitionValues.FOREVER;
                valueOf[i] = v;
                fixed.add(v);
                at.put(key(i, home[i]), -1 - (fixed.size() - 1));
                distribute(i, home[i]);
            }
            for (int g : order) {
                if (graph.isConstant(g)) continue;
                GateImpl impl = PartitionScheduler.oneOpImpl(family, graph, g);
                int[] f = graph.fanins(g);
                int in = home[g];
                int[] src = new int[f.length];
                for (int j = 0; j < f.length; j++) {
                    src[j] = graph.isConstant(f[j]) ? constant(graph.constantValue(f[j]), in) : source(f[j], in);
                }
                int out = destination(g, in);
                int op = add(new Op(impl.opcode(), impl.destPrestate(), in, out, src));
                at.put(key(g, out), op);
                distribute(g, out);
            }
            heights();
            pack();
            for (int i = 0; i < graph.network().numOutputs(); i++) {
                int o = graph.outputNode(i);
                if (graph.isInput(o)) continue;
                if (graph.isConstant(o)) {
                    int ref = constant(graph.constantValue(o), 0);
                    valueOf[o] = fixed.get(-1 - ref);
                    values.read(valueOf[o], 0);
                } else {
                    valueOf[o] = ops.get(at.get(key(o, destination(o, home[o])))).value;
                    values.last[valueOf[o]] = PartitionValues.FOREVER;
                }
            }
            return PartitionCells.emit(graph, family, options, values, table, valueOf, constants);
        }

        private static long key(int node, int partition) { return ((long) node << 16) | partition; }

        /** The partition a gate writes: its readers' common home if they have one, else its own. */
        private int destination(int g, int in) {
            int common = -1;
            for (int r : graph.readers(g)) {
                if (!graph.isNeeded(r)) continue;
                if (common >= 0 && home[r] != common) return in;
                common = home[r];
            }
            return common < 0 ? in : common;
        }

        private int constant(int value, int partition) {
            return constants.computeIfAbsent(((long) value << 32) | partition, key -> {
                int v = values.add(partition, -1, value);
                values.last[v] = PartitionValues.FOREVER;
                values.initBy[v] = -1;
                fixed.add(v);
                return -1 - (fixed.size() - 1);
            });
        }

        /** Where node {@code f}'s value is read in partition {@code p}. */
        private int source(int f, int p) {
            Integer s = at.get(key(f, p));
            if (s != null) return s;
            if (!indexed) {
                Integer own = at.get(key(f, ownPartition(f)));
                if (own != null) return own;
            }
            throw new IllegalStateException("value of node " + f + " was not moved to partition " + p);
        }

        private int ownPartition(int f) {
            return graph.isInput(f) ? home[f] : destination(f, home[f]);
        }

        private int add(Op op) {
            ops.add(op);
            return ops.size() - 1;
        }

        /** Moves node {@code v}'s value (written in partition {@code from}) to every other partition that reads it. */
        private void distribute(int v, int from) {
            java.util.TreeSet<Integer> targets = new java.util.TreeSet<>();
            for (int r : graph.readers(v)) if (graph.isNeeded(r) && !graph.isConstant(r) && home[r] != from) targets.add(home[r]);
            if (targets.isEmpty()) return;
            if (!indexed && targets.size() < 2) return;
            if (not == null) {
                throw new UserError("scheduler part: the standard and minimal models move values between partitions with NOT,"
                        + " which target " + family.name() + " lacks");
            }
            int src = at.get(key(v, from));
            List<Integer> right = new ArrayList<>(targets.tailSet(from, false));
            List<Integer> left = new ArrayList<>(targets.headSet(from, false).descendingSet());
            tree(v, src, from, right, 1, false);
            tree(v, src, from, left, -1, false);
        }

        /**
         * Sends a value held at {@code at} (inverted when {@code inverted}) to the partitions {@code targets}
         * (sorted away from it, in direction {@code dir}): a NOT across to the farthest power-of-two distance,
         * then the nearer targets from here and the farther ones from there.
         */
        private void tree(int v, int src, int from, List<Integer> targets, int dir, boolean inverted) {
            if (targets.isEmpty()) return;
            int far = Math.abs(targets.get(targets.size() - 1) - from);
            int step = Integer.highestOneBit(far);
            int to = from + dir * step;
            int moved = add(new Op(not.opcode(), not.destPrestate(), from, to, new int[] {src}));
            List<Integer> near = new ArrayList<>();
            List<Integer> beyond = new ArrayList<>();
            for (int t : targets) {
                if (t == to) continue;
                if (Math.abs(t - from) < step) near.add(t);
                else beyond.add(t);
            }
            if (targets.contains(to)) {
                at.put(key(v, to), inverted ? moved : add(new Op(not.opcode(), not.destPrestate(), to, to, new int[] {moved})));
            }
            tree(v, src, from, near, dir, inverted);
            tree(v, moved, to, beyond, dir, !inverted);
        }

        private void heights() {
            for (int i = 0; i < ops.size(); i++) {
                for (int s : ops.get(i).sources) {
                    if (s >= 0) { ops.get(s).readers.add(i); ops.get(i).missing++; }
                }
            }
            for (int i = ops.size() - 1; i >= 0; i--) {
                Op op = ops.get(i);
                for (int r : op.readers) op.height = Math.max(op.height, ops.get(r).height + 1);
            }
            for (Op op : ops) for (int r : op.readers) ops.get(r).depth = Math.max(ops.get(r).depth, op.depth + 1);
            // as late as the readers allow, where a sink stays at its earliest level: a chain fed by inputs
            // alone (a broadcast) is due just before its readers, the rest keeps the wavefront
            for (int i = ops.size() - 1; i >= 0; i--) {
                Op op = ops.get(i);
                if (op.readers.isEmpty()) continue;
                int late = Integer.MAX_VALUE;
                for (int r : op.readers) late = Math.min(late, ops.get(r).depth - 1);
                op.depth = late;
            }
        }

        /** Fills cycles one after another with ready ops, most critical first. */
        private void pack() {
            TreeSet<Integer> ready = new TreeSet<>((a, b) -> {
                Op x = ops.get(a), y = ops.get(b);
                if (x.depth != y.depth) return Integer.compare(x.depth, y.depth);
                return x.height != y.height ? Integer.compare(y.height, x.height) : Integer.compare(a, b);
            });
            for (int i = 0; i < ops.size(); i++) if (ops.get(i).missing == 0) ready.add(i);
            int done = 0;
            List<Integer> chosen = new ArrayList<>();
            for (int c = 0; done < ops.size(); c++) {
                chosen.clear();
                Op first = null;
                int looked = 0;
                for (int i : ready) {
                    if (++looked > LOOK * k) break;
                    Op op = ops.get(i);
                    if (op.ready > c) continue;
                    int[] src = sourceValues(op);
                    int lo = op.out, hi = op.out;
                    for (int s : src) { lo = Math.min(lo, values.part[s]); hi = Math.max(hi, values.part[s]); }
                    if (table.free(lo, hi, c) != c) continue;
                    int[] order = src;
                    if (rules != null) {
                        if (first != null && (op.opcode != first.opcode || op.sources.length != first.sources.length)) continue;
                        order = rules.fit(c, op.opcode, src, op.in, op.out);
                        if (order == null) continue;
                    }
                    if (first == null) first = op;
                    commit(i, c, order, lo, hi);
                    chosen.add(i);
                }
                if (chosen.isEmpty()) {
                    if (ready.isEmpty()) throw new IllegalStateException("lockstep: ops wait on each other");
                    continue;
                }
                for (int i : chosen) {
                    ready.remove(i);
                    done++;
                    for (int r : ops.get(i).readers) {
                        Op reader = ops.get(r);
                        reader.ready = Math.max(reader.ready, c + 1);
                        if (--reader.missing == 0) ready.add(r);
                    }
                }
            }
        }

        private int[] sourceValues(Op op) {
            int[] src = new int[op.sources.length];
            for (int j = 0; j < src.length; j++) {
                int s = op.sources[j];
                src[j] = s >= 0 ? ops.get(s).value : fixed.get(-1 - s);
            }
            return src;
        }

        private void commit(int i, int c, int[] order, int lo, int hi) {
            Op op = ops.get(i);
            int v = values.add(op.out, c, op.prestate);
            for (int s : order) values.read(s, c);
            values.ops.add(new PartitionValues.Op(op.opcode, v, order.clone(), c));
            table.occupy(lo, hi, c);
            table.markLogic(c);
            if (rules != null) rules.join(c, op.opcode, order, v, op.in, op.out);
            op.value = v;
        }
    }
}
