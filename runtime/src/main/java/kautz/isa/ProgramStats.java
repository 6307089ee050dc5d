package kautz.isa;

/**
 * The counts every program reports (docs/isa.md, "Counts"):
 * <ul>
 *   <li>{@code gates}: logic micro-ops (nor, or, nand, and, imp, min3);</li>
 *   <li>{@code logicCycles}: the cycles that hold a logic op (one per logic op on an undivided row);</li>
 *   <li>{@code initCycles}: the cycles init0/init1/false cost under the {@link InitModel} (bulk: one per init
 *       cycle after T0; single: one per cell set in one partition, T0 included; op: one per init cycle);</li>
 *   <li>{@code programCycles}: cycles of prog and sense ops, one each in the functional model (the device
 *       runtime counts their real write-verify pulses);</li>
 *   <li>{@code cycles}: logic + init + program;</li>
 *   <li>{@code cells}: the highest column index used + 1;</li>
 *   <li>{@code ioCycles}: one column write per input bit plus one column read per output bit, counted
 *       apart from {@code cycles} as SIMPLER does.</li>
 * </ul>
 */
public record ProgramStats(int gates, long logicCycles, long initCycles, long programCycles, long cycles,
                           int cells, int ioCycles) {
    static ProgramStats of(Program p) {
        int gates = 0;
        long logic = 0;
        long init = 0;
        long prog = 0;
        int maxCell = -1;
        for (IoBit b : p.inputs()) maxCell = Math.max(maxCell, b.cell());
        for (IoBit b : p.outputs()) maxCell = Math.max(maxCell, b.cell());
        for (MicroOp op : p.ops()) {
            for (int k = 0; k < op.operands().length(); k++) maxCell = Math.max(maxCell, op.operands().get(k));
            if (op.opcode().isLogic()) gates++;
        }
        long[] cost = cycleCosts(p);
        for (int c = 0; c < cost.length; c++) {
            boolean hasLogic = false;
            boolean hasOther = false;
            for (int i = p.cycleStart(c); i < p.cycleEnd(c); i++) {
                Opcode oc = p.ops().get(i).opcode();
                hasLogic |= oc.isLogic();
                hasOther |= !oc.isInit() && !oc.isLogic();
            }
            if (hasLogic) { logic++; init += cost[c] - 1; }
            else if (hasOther) { prog++; init += cost[c] - 1; }
            else init += cost[c];
        }
        return new ProgramStats(gates, logic, init, prog, logic + init + prog, maxCell + 1,
                p.inputs().size() + p.outputs().size());
    }

    /** Logic ops per logic cycle: 1 on an undivided row, up to the number of partitions on a divided one (0 without gates). */
    public double parallelism() { return logicCycles == 0 ? 0 : (double) gates / logicCycles; }

    /**
     * The cycles each cycle line costs under the program's init model. A line holding a logic, prog or sense
     * op costs at least 1. Its init ops cost: under bulk, nothing in the initial setting T0 (the lines of init
     * ops before the first other line) and 1 after it; under single, one cycle per cell they set within one
     * partition (the most in any partition); under op, 1.
     */
    public static long[] cycleCosts(Program p) {
        long[] cost = new long[p.cycleCount()];
        boolean t0 = true; // still in the initial setting
        Partitions parts = p.partitions();
        long[] perPartition = p.initModel() == InitModel.SINGLE && !parts.isSingle() ? new long[parts.count()] : null;
        for (int c = 0; c < cost.length; c++) {
            boolean other = false;
            boolean anyInit = false;
            long single = 0;
            for (int i = p.cycleStart(c); i < p.cycleEnd(c); i++) {
                MicroOp op = p.ops().get(i);
                if (!op.opcode().isInit()) { other = true; continue; }
                anyInit = true;
                if (perPartition == null) { single += op.operands().length(); continue; }
                for (int k = 0; k < op.operands().length(); k++) {
                    single = Math.max(single, ++perPartition[parts.partitionOf(op.operands().get(k))]);
                }
            }
            if (perPartition != null && anyInit) java.util.Arrays.fill(perPartition, 0);
            if (other) t0 = false;
            long initCost = !anyInit ? 0 : switch (p.initModel()) {
                case BULK -> t0 ? 0 : 1;
                case SINGLE -> single;
                case OP -> 1;
            };
            cost[c] = Math.max(other ? 1 : 0, initCost);
        }
        return cost;
    }

    /**
     * The cycles each op costs: its cycle line's cost ({@link #cycleCosts}) on the line's first op, 0 on the
     * others. On an undivided row, one op per line, that is the op's own cost.
     */
    public static long[] opCycles(Program p) {
        long[] perCycle = cycleCosts(p);
        long[] cost = new long[p.ops().size()];
        for (int c = 0; c < perCycle.length; c++) cost[p.cycleStart(c)] = perCycle[c];
        return cost;
    }
}
