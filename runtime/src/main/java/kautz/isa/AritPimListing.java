package kautz.isa;

/**
 * AritPIM's listing, one cycle a line: {@code T2: 97 = NOR(0, 32)}. Cycle numbers follow the program's init
 * model ({@link ProgramStats#cycleCosts}): ops that cost nothing (the bulk model's T0) are listed as {@code T0},
 * counted cycles from {@code T1}; under the single model each cell an init op sets alone gets its own line; the
 * ops of one parallel cycle share its number.
 */
final class AritPimListing {
    private AritPimListing() {}

    static String render(Program p) {
        StringBuilder sb = new StringBuilder();
        sb.append("// ").append(p.kernel()).append(" (").append(p.target()).append(", row size ").append(p.rowSize())
                .append(", init ").append(p.initModel().label()).append(")\n");
        for (IoBit b : p.inputs()) sb.append("// input ").append(b.name()).append(" = ").append(b.cell()).append('\n');
        long[] cost = ProgramStats.cycleCosts(p);
        long t = 0;
        for (int c = 0; c < cost.length; c++) {
            boolean alone = p.cycleEnd(c) - p.cycleStart(c) == 1;
            MicroOp first = p.ops().get(p.cycleStart(c));
            if (alone && first.opcode().isInit() && cost[c] > 1) {
                for (int k = 0; k < first.operands().length(); k++) {
                    sb.append('T').append(++t).append(": ").append(first.operands().get(k)).append(" = ").append(name(first.opcode())).append('\n');
                }
                continue;
            }
            String label = cost[c] == 0 ? "0" : cost[c] == 1 ? Long.toString(t + 1) : (t + 1) + "-" + (t + cost[c]);
            t += cost[c];
            for (int i = p.cycleStart(c); i < p.cycleEnd(c); i++) { // the ops of one line share its cycles
                MicroOp op = p.ops().get(i);
                sb.append('T').append(label).append(": ").append(targets(op)).append(" = ").append(name(op.opcode())).append(arguments(op)).append('\n');
            }
        }
        for (IoBit b : p.outputs()) sb.append("// output ").append(b.name()).append(" = ").append(b.cell()).append('\n');
        return sb.toString();
    }

    private static String name(Opcode oc) { return oc.mnemonic().toUpperCase(java.util.Locale.ROOT); }

    private static String targets(MicroOp op) {
        StringBuilder sb = new StringBuilder();
        var t = op.targets();
        for (int k = 0; k < t.length(); k++) sb.append(k == 0 ? "" : ", ").append(t.get(k));
        return sb.toString();
    }

    private static String arguments(MicroOp op) {
        return switch (op.opcode()) {
            case INIT0, INIT1, FALSE -> "";
            case PROG -> "(L=" + op.level() + ")";
            case IMP -> "(" + op.operands().get(0) + ", " + op.operands().get(1) + ")";
            default -> {
                StringBuilder sb = new StringBuilder("(");
                var s = op.sources();
                for (int k = 0; k < s.length(); k++) sb.append(k == 0 ? "" : ", ").append(s.get(k));
                yield sb.append(')').toString();
            }
        };
    }
}
