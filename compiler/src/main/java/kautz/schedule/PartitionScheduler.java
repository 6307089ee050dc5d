package kautz.schedule;

import kautz.diag.UserError;
import kautz.isa.Opcode;
import kautz.isa.PartitionModel;
import kautz.isa.PartitionRules;
import kautz.isa.Partitions;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The partition-aware scheduler ({@code --scheduler part}, chosen by default when a row has several
 * partitions). It places each gate and its cell in a partition and packs the ops into cycles as the model
 * allows, in one pass over the gates, most critical first (longest path to an output):
 * <ul>
 *   <li>a gate goes to the earliest cycle at or after its fan-ins' where some partition can take it; the
 *       candidates are the partitions of its fan-ins and their neighbours ({@link #REACH}), every partition
 *       for a gate that reads only inputs and constants; an op occupies the partitions from its lowest to its
 *       highest cell, and a longer interval costs {@link #SPAN_COST} cycles per extra partition in the choice,
 *       so gates stay with their fan-ins unless a neighbour is idle;</li>
 *   <li>an input takes the partition of its first reader; a constant is a cell in each partition that reads it;</li>
 *   <li>standard and minimal: all inputs of an op must be in one partition, so a fan-in held elsewhere is
 *       copied first (two NOTs, the first writing across; the copy serves every later reader there), and the
 *       cycle's ops must agree on opcode, arity, direction and operand indices ({@link CycleRules});</li>
 *   <li>then cells ({@link PartitionCells}): each value gets an index in its partition (one index per class
 *       under the index rules), reusing dead cells, and every initialisation goes where the init model puts it.</li>
 * </ul>
 * The families it schedules execute each gate as one op (magic-nor, magic, felix); serial and in-place gates
 * (IMPLY) are refused.
 */
public final class PartitionScheduler implements Scheduler {
    /** How far from its fan-ins' partitions a gate may be placed. */
    static final int REACH = 2;
    /** Cycles one extra occupied partition is worth when choosing where a gate goes. */
    static final int SPAN_COST = 1;

    /** How far above its share a partition's gate count may grow when homes are refined ({@link Homes#SPAN}). */
    static final double SPAN_SLACK = 0.3;
    /** Passes of that refinement at most. */
    static final int SPAN_PASSES = 8;

    /** How many times the network's gates the copies of {@link Homes#CONES} may come to. */
    static final double CONE_LIMIT = 6;

    /** Where gates go: near their fan-ins, or in a home partition given before placement. */
    enum Homes {
        /** No homes: the earliest free partition near the fan-ins. */
        GREEDY,
        /**
         * A depth-first order of the network from its outputs, cut into {@code rounds} × K runs of equal size laid
         * over the partitions back and forth (0..K-1, K-1..0, …): with one round a partition holds one stretch of
         * the order, with more each holds several, so cones early and late in the order work side by side.
         */
        DEPTH_FIRST,
        /**
         * Outputs spread evenly over the partitions in their order, and each gate with the first output whose
         * cone holds it: an output-bit-sliced placement (a multiplier's bit columns).
         */
        BY_OUTPUT,
        /**
         * The depth-first homes, then moved along the line of partitions to shorten the intervals ops occupy
         * ({@link SpanRefinement}); inputs are placed by the same refinement instead of by their first reader.
         */
        SPAN,
        /**
         * Each partition computes the cone of its outputs itself, the inputs (and shared gates with large cones)
         * brought to it along chains of NOTs ({@link ConeCopies}); not tried when the copies would exceed
         * {@link #CONE_LIMIT} times the gates.
         */
        CONES
    }

    /**
     * One way to place gates; values with more than {@code split} readers are first copied ({@link FanoutSplit};
     * 0: never); {@code rounds} for {@link Homes#DEPTH_FIRST} and {@link Homes#SPAN}; {@code levels} for
     * {@link Homes#SPAN}: the bands of logic levels each balanced over the partitions on its own, and for
     * {@link Homes#CONES}: the cone size above which a gate several partitions need is computed once and
     * carried to them (0: every such gate is computed again).
     */
    record Strategy(Homes homes, int split, int rounds, int levels) {
        Strategy(Homes homes, int split, int rounds) { this(homes, split, rounds, 1); }
        Strategy(Homes homes, int split) { this(homes, split, 1); }
    }

    /** Every strategy is tried; the program with the fewest cycles is kept. */
    static final java.util.List<Strategy> STRATEGIES = java.util.List.of(
            new Strategy(Homes.GREEDY, 0), new Strategy(Homes.DEPTH_FIRST, 0), new Strategy(Homes.DEPTH_FIRST, 8),
            new Strategy(Homes.DEPTH_FIRST, 4), new Strategy(Homes.DEPTH_FIRST, 2), new Strategy(Homes.BY_OUTPUT, 4),
            new Strategy(Homes.DEPTH_FIRST, 2, 2), new Strategy(Homes.DEPTH_FIRST, 0, 4), new Strategy(Homes.DEPTH_FIRST, 2, 4),
            new Strategy(Homes.DEPTH_FIRST, 2, 8), new Strategy(Homes.SPAN, 4, 1, 4), new Strategy(Homes.SPAN, 4, 4, 4),
            new Strategy(Homes.SPAN, 8, 1, 4), new Strategy(Homes.SPAN, 2, 4, 1), new Strategy(Homes.CONES, 0, 1, 8));
    /** The strategies for the standard and minimal models (fan-ins in other partitions are always copied there). */
    static final java.util.List<Strategy> INDEXED = java.util.List.of(new Strategy(Homes.GREEDY, 0), new Strategy(Homes.DEPTH_FIRST, 0),
            new Strategy(Homes.GREEDY, 4), new Strategy(Homes.DEPTH_FIRST, 4), new Strategy(Homes.BY_OUTPUT, 0),
            new Strategy(Homes.BY_OUTPUT, 4));

    /** Lockstep candidates ({@link Lockstep}) are sliced by the bits of this many of the widest input vectors. */
    static final int SLICED_VECTORS = 2;

    /** The name on the command line. */
    public static final String NAME = "part";

    @Override public String name() { return NAME; }

    @Override public String summary() {
        return "partitioned rows: places gates in partitions and packs each cycle with as many ops as the model allows";
    }

    @Override public boolean usesSeed() { return false; }

    @Override public boolean partitionAware() { return true; }

    @Override
    public Program scheduleMinRow(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        return schedule(network, family, options);
    }

    @Override
    public Program schedule(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        Program best = null;
        for (Program p : candidates(network, family, options)) {
            if (best == null || p.stats().cycles() < best.stats().cycles()) best = p;
        }
        var illegal = PartitionRules.check(best);
        if (!illegal.isEmpty()) {
            throw new IllegalStateException("scheduler part emitted cycle " + illegal.get(0).cycle() + ", which "
                    + illegal.get(0).message(best.model()) + " (a scheduler bug)");
        }
        return best;
    }

    /**
     * The programs of every strategy that fits the row, then (on a divided row) the one-partition program: the
     * fewest cycles among them is the schedule, so a divided row is never slower than the undivided one. The
     * undivided row spends a cycle on every gate, so when a strategy needs no more cycles than there are gates,
     * the one-partition program cannot win and is not scheduled. Throws the last {@link RowTooSmallException}
     * when nothing fits.
     */
    static List<Program> candidates(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        List<Program> out = new java.util.ArrayList<>();
        RowTooSmallException narrow = null;
        try {
            out.addAll(strategies(network, family, options, true));
        } catch (RowTooSmallException e) {
            narrow = e;
        }
        long fewest = out.stream().mapToLong(p -> p.stats().cycles()).min().orElse(Long.MAX_VALUE);
        if (options.partitionCount() > 1 && fewest > gates(new GateGraph(network, family))) {
            onePartition(network, family, options).ifPresent(out::add);
        }
        if (out.isEmpty()) throw narrow;
        return out;
    }

    /** The program of every placement strategy that fits the row; the last {@link RowTooSmallException} when none does. */
    static List<Program> strategies(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        return strategies(network, family, options, false);
    }

    /**
     * The programs of the placement strategies; with {@code prune}, only those with fewer cycles than every
     * earlier one: a strategy is abandoned as soon as its placement reaches the fewest cycles so far (cells
     * and initialisation only add cycles), so the first program with the fewest cycles is among them and
     * costs no more time than the strategies that lose.
     */
    static List<Program> strategies(MappedNetwork network, GateFamily family, ScheduleOptions options, boolean prune) {
        GateGraph graph = new GateGraph(network, family);
        List<Program> out = new java.util.ArrayList<>();
        RowTooSmallException narrow = null;
        List<Strategy> strategies = options.partitionCount() == 1 ? STRATEGIES.subList(0, 1)
                : options.model() == PartitionModel.UNLIMITED ? STRATEGIES : INDEXED;
        long bound = Long.MAX_VALUE;
        for (Strategy strategy : strategies) {
            try {
                Program p = schedule(graph, family, options, strategy, bound);
                if (p == null || prune && p.stats().cycles() >= bound) continue;
                out.add(p);
                if (prune) bound = p.stats().cycles();
            } catch (RowTooSmallException e) {
                narrow = e;
            }
        }
        if (options.partitionCount() > 1) {
            Map<String, List<int[]>> vectors = SliceHomes.vectors(graph);
            for (List<int[]> bits : SliceHomes.widest(graph, SLICED_VECTORS)) {
                for (boolean lowest : new boolean[] {true, false}) {
                    try {
                        out.add(Lockstep.schedule(graph, family, options, SliceHomes.homes(graph, options.partitionCount(), bits, vectors, lowest)));
                    } catch (RowTooSmallException e) {
                        narrow = e;
                    }
                }
            }
        }
        if (out.isEmpty()) throw narrow;
        return out;
    }

    /** The family's implementation of gate {@code g}, refused unless it is one op (neither serial nor in place). */
    static GateImpl oneOpImpl(GateFamily family, GateGraph graph, int g) {
        GateImpl impl = Emitter.implOf(family, graph.network().gate(g).primitive());
        if (impl.serial() || impl.inPlace()) {
            throw new UserError("scheduler part: target " + family.name() + " executes " + impl.primitive().name()
                    + " in several ops or in place; partitioned rows need one op per gate (magic-nor, magic, felix)");
        }
        return impl;
    }

    /** The gates the outputs need: a cycle each on an undivided row. */
    private static long gates(GateGraph graph) {
        long n = 0;
        for (int g : graph.neededGates()) if (!graph.isConstant(g)) n++;
        return n;
    }

    /**
     * The default scheduler's program for an undivided row, in partition 0 of the divided one (the other
     * partitions stay idle; each cycle holds one op, legal under every model), with partition 0 as wide as the
     * program needs or as given. Empty when it does not fit partition 0.
     */
    static java.util.Optional<Program> onePartition(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        Partitions fixed = options.partitions();
        ScheduleOptions undivided = new ScheduleOptions(fixed == null ? options.rowSize() : fixed.width(0), options.init(),
                options.seed(), options.budget(), options.consumeInputs());
        Program p;
        try {
            p = Schedulers.defaultScheduler().schedule(network, family, undivided);
        } catch (RowTooSmallException e) {
            return java.util.Optional.empty();
        }
        Partitions parts = fixed != null ? fixed : Partitions.uniform(options.partitionCount(), p.rowSize());
        List<List<kautz.isa.MicroOp>> lines = new java.util.ArrayList<>(p.cycleCount());
        for (int c = 0; c < p.cycleCount(); c++) lines.add(p.cycle(c));
        return java.util.Optional.of(Program.ofCycles(p.kernel(), p.target(), parts.rowSize(), p.initModel(), p.inputs(), p.outputs(),
                lines, p.consumesInputs(), parts, options.model()));
    }

    /** The program of one strategy; null when the strategy does not apply ({@link Homes#CONES} over its limit). */
    static Program schedule(GateGraph graph, GateFamily family, ScheduleOptions options, Strategy strategy) {
        return schedule(graph, family, options, strategy, Long.MAX_VALUE);
    }

    /** As above, and null as soon as the placement needs {@code bound} cycles or more. */
    static Program schedule(GateGraph graph, GateFamily family, ScheduleOptions options, Strategy strategy, long bound) {
        int k = options.partitionCount();
        int[] given = null;
        if (strategy.homes() == Homes.CONES) {
            GateImpl inv = family.implOf(Primitives.INV1).orElse(null);
            if (k == 1 || inv == null || inv.serial() || inv.inPlace()) return null;
            ConeCopies.Copies copies = ConeCopies.rewrite(graph, k, CONE_LIMIT, strategy.levels());
            if (copies == null) return null;
            graph = new GateGraph(copies.network(), family);
            given = copies.home();
        }
        PartitionModel model = options.model();
        PartitionValues values = new PartitionValues();
        CycleTable table = new CycleTable(k);
        CycleRules rules = model == PartitionModel.UNLIMITED ? null : new CycleRules(model, values);
        if (strategy.split() > 0 && family.implOf(Primitives.INV1).isPresent()) {
            MappedNetwork split = FanoutSplit.split(graph, strategy.split());
            if (split != graph.network()) graph = new GateGraph(split, family);
        }
        Placer placer = new Placer(graph, family, k, values, table, rules, strategy);
        placer.home = given;
        placer.bound = bound;
        if (!placer.run()) return null;
        return PartitionCells.emit(graph, family, options, values, table, placer.valueOf, placer.constants);
    }

    /** Phase 1: partitions and cycles. */
    private static final class Placer {
        final GateGraph graph;
        final GateFamily family;
        final int k;
        final PartitionValues values;
        final CycleTable table;
        final CycleRules rules;
        final int[] valueOf;
        /** (constant value, partition) -> value. */
        final Map<Long, Integer> constants = new HashMap<>();
        final Map<Long, Integer> copies = new HashMap<>();
        final int[] load;
        final GateImpl not;

        final Strategy strategy;

        Placer(GateGraph graph, GateFamily family, int k, PartitionValues values, CycleTable table, CycleRules rules, Strategy strategy) {
            this.strategy = strategy;
            this.graph = graph;
            this.family = family;
            this.k = k;
            this.values = values;
            this.table = table;
            this.rules = rules;
            this.valueOf = new int[graph.nodes()];
            Arrays.fill(valueOf, -1);
            this.load = new int[k];
            GateImpl inv = family.implOf(Primitives.INV1).orElse(null);
            this.not = inv != null && !inv.serial() && !inv.inPlace() ? inv : null;
            for (int i = 0; i < graph.inputs(); i++) valueOf[i] = values.add(-1, -1, -1);
        }

        int[] home;
        int current;

        /** Home partitions: gates in depth-first order from the outputs, cut into k runs of equal size or by their first output. */
        void arrange() {
            int n = graph.nodes();
            home = new int[n];
            Arrays.fill(home, -1);
            boolean[] seen = new boolean[n];
            int[] post = new int[n];
            int[] outOf = new int[n];
            int count = 0;
            int[] stack = new int[n + 1];
            int[] next = new int[n];
            for (int i = 0; i < graph.network().numOutputs(); i++) {
                int o = graph.outputNode(i);
                if (seen[o] || graph.isInput(o)) continue;
                int sp = 0;
                stack[sp++] = o;
                seen[o] = true;
                while (sp > 0) {
                    int g = stack[sp - 1];
                    int[] f = graph.fanins(g);
                    if (next[g] < f.length) {
                        int x = f[next[g]++];
                        if (!seen[x] && !graph.isInput(x)) { seen[x] = true; stack[sp++] = x; }
                    } else {
                        sp--;
                        if (!graph.isConstant(g)) { outOf[count] = i; post[count++] = g; }
                    }
                }
            }
            int outs = graph.network().numOutputs();
            for (int i = 0; i < count; i++) {
                if (strategy.homes() == Homes.BY_OUTPUT) {
                    home[post[i]] = (int) ((long) outOf[i] * k / outs);
                } else {
                    int run = (int) ((long) i * strategy.rounds() * k / count);
                    home[post[i]] = run / k % 2 == 0 ? run % k : k - 1 - run % k;
                }
            }
        }

        long bound = Long.MAX_VALUE;
        /** The cycles holding an op: the program has at least as many lines. */
        final java.util.BitSet busy = new java.util.BitSet();

        /** Places every gate; false when the placement reached {@link #bound} cycles and was abandoned. */
        boolean run() {
            if (home == null && strategy.homes() != Homes.GREEDY && k > 1) arrange();
            if (strategy.homes() == Homes.SPAN && k > 1) SpanRefinement.refine(graph, k, home, SPAN_SLACK, SPAN_PASSES, strategy.levels());
            if (strategy.homes() == Homes.SPAN || strategy.homes() == Homes.CONES) {
                for (int i = 0; i < graph.inputs(); i++) if (home[i] >= 0) values.place(valueOf[i], home[i]);
            }
            int[] order = graph.neededGates();
            int n = graph.nodes();
            int[] height = new int[n];
            for (int i = order.length - 1; i >= 0; i--) {
                int g = order[i];
                for (int f : graph.distinctGateFanins(g)) height[f] = Math.max(height[f], height[g] + 1);
            }
            int[] missing = new int[n];
            PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> height[a] != height[b] ? Integer.compare(height[b], height[a]) : Integer.compare(a, b));
            for (int g : order) {
                if (graph.isConstant(g)) continue;
                oneOpImpl(family, graph, g);
                for (int f : graph.distinctGateFanins(g)) if (!graph.isConstant(f)) missing[g]++;
                if (missing[g] == 0) ready.add(g);
            }
            while (!ready.isEmpty()) {
                int g = ready.poll();
                place(g);
                if (busy.cardinality() >= bound) return false;
                for (int r : graph.readers(g)) if (graph.isNeeded(r) && --missing[r] == 0) ready.add(r);
            }
            for (int i = 0; i < graph.network().numOutputs(); i++) {
                int o = graph.outputNode(i);
                if (graph.isConstant(o)) {
                    int v = constant(graph.constantValue(o), 0);
                    values.last[v] = PartitionValues.FOREVER;
                    values.read(v, 0);
                    valueOf[o] = v;
                } else {
                    values.last[valueOf[o]] = PartitionValues.FOREVER;
                }
            }
            for (int i = 0; i < graph.inputs(); i++) {
                int v = valueOf[i];
                values.last[v] = PartitionValues.FOREVER;
                if (values.part[v] < 0) values.place(v, i % k);
            }
            return true;
        }

        int constant(int value, int partition) {
            return constants.computeIfAbsent(((long) value << 32) | partition, key -> {
                int v = values.add(partition, -1, value);
                values.last[v] = PartitionValues.FOREVER;
                values.initBy[v] = -1;
                return v;
            });
        }

        void place(int g) {
            GateImpl impl = Emitter.implOf(family, graph.network().gate(g).primitive());
            int[] fanins = graph.fanins(g);
            int[] src = new int[fanins.length];
            boolean[] isConst = new boolean[fanins.length];
            for (int i = 0; i < fanins.length; i++) {
                if (graph.isConstant(fanins[i])) isConst[i] = true;
                else src[i] = valueOf[fanins[i]];
            }
            current = g;
            valueOf[g] = rules == null ? placeUnlimited(impl, fanins, src, isConst) : placeIndexed(impl, fanins, src, isConst);
        }

        private void constantSources(int[] fanins, int[] src, boolean[] isConst, int partition) {
            for (int i = 0; i < src.length; i++) {
                if (isConst[i]) src[i] = constant(graph.constantValue(fanins[i]), partition);
                else if (values.part[src[i]] < 0) values.place(src[i], partition);
            }
        }

        private int readyCycle(int[] src, boolean[] isConst) {
            int r = 0;
            for (int i = 0; i < src.length; i++) if (!isConst[i]) r = Math.max(r, values.def[src[i]] + 1);
            return r;
        }

        private int placeUnlimited(GateImpl impl, int[] fanins, int[] src, boolean[] isConst) {
            int lo = Integer.MAX_VALUE, hi = -1;
            for (int i = 0; i < src.length; i++) {
                if (isConst[i] || values.part[src[i]] < 0) continue;
                lo = Math.min(lo, values.part[src[i]]);
                hi = Math.max(hi, values.part[src[i]]);
            }
            int ready = readyCycle(src, isConst);
            int from = hi < 0 ? 0 : Math.max(0, lo - REACH);
            int to = hi < 0 ? k - 1 : Math.min(k - 1, hi + REACH);
            if (home != null) { from = home[current]; to = home[current]; }
            int base = hi < 0 ? 1 : hi - lo + 1;
            int best = -1, bestCycle = 0;
            long bestCost = Long.MAX_VALUE;
            for (int t = from; t <= to; t++) {
                int a = hi < 0 ? t : Math.min(lo, t);
                int b = hi < 0 ? t : Math.max(hi, t);
                int c = table.free(a, b, ready);
                long away = home == null ? 0 : Math.abs(t - home[current]);
                long cost = ((long) c + (long) SPAN_COST * (b - a + 1 - base) + away) * 4L * (1 + load.length) + load[t];
                if (cost < bestCost) { bestCost = cost; best = t; bestCycle = c; }
            }
            int t = best;
            constantSources(fanins, src, isConst, t);
            int a = hi < 0 ? t : Math.min(lo, t);
            int b = hi < 0 ? t : Math.max(hi, t);
            table.occupy(a, b, bestCycle);
            return emitOp(impl.opcode(), impl.destPrestate(), src, t, bestCycle);
        }

        private int emitOp(Opcode opcode, int prestate, int[] src, int t, int cycle) {
            int v = values.add(t, cycle, prestate);
            for (int s : src) values.read(s, cycle);
            values.ops.add(new PartitionValues.Op(opcode, v, src.clone(), cycle));
            busy.set(cycle);
            load[t]++;
            return v;
        }

        /** Standard and minimal: one input partition per op, copies where needed, the cycle rules. */
        private int placeIndexed(GateImpl impl, int[] fanins, int[] src, boolean[] isConst) {
            int out = home != null ? home[current] : -1;
            int in = -1;
            int latest = -1;
            boolean one = true;
            for (int i = 0; i < src.length; i++) { // the fan-in computed last stays; the others are copied to it
                if (isConst[i] || values.part[src[i]] < 0) continue;
                int p = values.part[src[i]];
                if (in >= 0 && p != in) one = false;
                if (values.def[src[i]] > latest || in < 0) { latest = values.def[src[i]]; in = p; }
            }
            if (!one && out >= 0) {
                for (int i = 0; i < src.length; i++) if (!isConst[i] && values.part[src[i]] == out) in = out;
            }
            if (in < 0) in = out >= 0 ? out : leastLoaded(readyCycle(src, isConst));
            if (out < 0) out = in;
            for (int i = 0; i < src.length; i++) {
                if (!isConst[i] && values.part[src[i]] >= 0 && values.part[src[i]] != in) src[i] = copy(src[i], in);
            }
            constantSources(fanins, src, isConst, in);
            return placeOp(impl.opcode(), impl.destPrestate(), src, in, out, readyCycle(src, new boolean[src.length]));
        }

        /** The partition free earliest from {@code ready} on, the least loaded among equals. */
        private int leastLoaded(int ready) {
            int best = 0;
            long bestCost = Long.MAX_VALUE;
            for (int t = 0; t < k; t++) {
                long cost = (long) table.free(t, t, ready) * (1 + load.length) * 4L + load[t];
                if (cost < bestCost) { bestCost = cost; best = t; }
            }
            return best;
        }

        /** The earliest cycle whose rules admit the op, then the op in it. */
        private int placeOp(Opcode opcode, int prestate, int[] src, int in, int out, int ready) {
            int a = Math.min(in, out), b = Math.max(in, out);
            int c = table.free(a, b, ready);
            int[] order = null;
            for (int tries = 0; tries < 64; tries++) {
                order = rules.fit(c, opcode, src, in, out);
                if (order != null) break;
                c = table.free(a, b, c + 1);
            }
            if (order == null) { // an empty cycle takes anything (every op of these models is a logic op)
                c = table.empty(ready);
                order = src;
            }
            table.occupy(a, b, c);
            table.markLogic(c);
            int v = emitOp(opcode, prestate, order, out, c);
            rules.join(c, opcode, order, v, in, out);
            return v;
        }

        /** The value of {@code v} in partition {@code to}: two NOTs, the first across; reused by later readers. */
        private int copy(int v, int to) {
            long key = ((long) v << 16) | to;
            Integer known = copies.get(key);
            if (known != null) return known;
            if (not == null) {
                throw new UserError("scheduler part: the standard and minimal models move values between partitions with NOT,"
                        + " which target " + family.name() + " lacks");
            }
            int from = values.part[v];
            int inverted = placeOp(not.opcode(), not.destPrestate(), new int[] {v}, from, to, values.def[v] + 1);
            int copied = placeOp(not.opcode(), not.destPrestate(), new int[] {inverted}, to, to, values.def[inverted] + 1);
            copies.put(key, copied);
            return copied;
        }
    }
}
