package kautz.isa;

/**
 * AritPIM's listing, one cycle a line: {@code T2: 97 = NOR(0, 32)}. Cycle numbers follow the program's init
 * model ({@link ProgramStats#opCycles}): ops that cost nothing (the bulk model's T0) are listed as {@code T0},
 * counted cycles from {@code T1}; under the single model each initialised cell gets its own line.
 */
final class AritPimListing {
    private AritPimListing() {}

    static String render(Program p) {
        StringBuilder sb = new StringBuilder();
        sb.append("// ").append(p.kernel()).append(" (").append(p.target()).append(", row size ").append(p.rowSize())
                .append(", init ").append(p.initModel().label()).append(")\n");
        for (IoBit b : p.inputs()) sb.append("// input ").append(b.name()).append(" = ").append(b.cell()).append('\n');
        long[] cost = ProgramStats.opCycles(p);
        long t = 0;
        for (int i = 0; i < cost.length; i++) {
            MicroOp op = p.ops().get(i);
            if (op.opcode().isInit() && cost[i] > 1) {
                for (int k = 0; k < op.operands().length(); k++) {
                    sb.append('T').append(++t).append(": ").append(op.operands().get(k)).append(" = ").append(name(op.opcode())).append('\n');
                }
                continue;
            }
            long label = cost[i] == 0 ? 0 : ++t;
            sb.append('T').append(label).append(": ").append(targets(op)).append(" = ").append(name(op.opcode())).append(arguments(op)).append('\n');
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
