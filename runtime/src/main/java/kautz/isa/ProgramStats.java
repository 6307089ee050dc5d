package kautz.isa;

/**
 * The counts every program reports (docs/isa.md, "Cycle conventions" and "Cost conventions"):
 * <ul>
 *   <li>{@code gates}: logic micro-ops (nor, or, nand, and, imp, min3);</li>
 *   <li>{@code logicCycles}: one cycle per logic op;</li>
 *   <li>{@code initCycles}: init0/init1/false per the {@link InitModel} (bulk: one per op after T0;
 *       single: one per initialised cell, T0 included);</li>
 *   <li>{@code programCycles}: prog and sense ops, one cycle each in the functional model (the device
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
        long init = 0;
        long prog = 0;
        int maxCell = -1;
        for (IoBit b : p.inputs()) maxCell = Math.max(maxCell, b.cell());
        for (IoBit b : p.outputs()) maxCell = Math.max(maxCell, b.cell());
        long[] cost = opCycles(p);
        for (int i = 0; i < cost.length; i++) {
            MicroOp op = p.ops().get(i);
            for (int k = 0; k < op.operands().length(); k++) maxCell = Math.max(maxCell, op.operands().get(k));
            Opcode oc = op.opcode();
            if (oc.isInit()) init += cost[i];
            else if (oc.isLogic()) gates++;
            else prog += cost[i];
        }
        return new ProgramStats(gates, gates, init, prog, gates + init + prog, maxCell + 1,
                p.inputs().size() + p.outputs().size());
    }

    /**
     * The cycles each op costs under the program's init model: 1 per logic, prog and sense op; an init op
     * costs 0 in the bulk model's initial setting T0 (the init ops before the first other op) and 1 after
     * it, and in the single model one cycle per cell it sets. Listings number their cycles with this.
     */
    public static long[] opCycles(Program p) {
        long[] cost = new long[p.ops().size()];
        boolean t0 = true; // still in the initial setting
        for (int i = 0; i < cost.length; i++) {
            MicroOp op = p.ops().get(i);
            if (op.opcode().isInit()) {
                if (p.initModel() == InitModel.SINGLE) cost[i] = op.operands().length();
                else cost[i] = t0 ? 0 : 1;
            } else {
                t0 = false;
                cost[i] = 1;
            }
        }
        return cost;
    }
}
