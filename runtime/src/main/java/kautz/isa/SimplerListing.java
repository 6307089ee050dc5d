package kautz.isa;

import java.util.HashMap;
import java.util.Map;

/**
 * SIMPLER MAGIC's text listing (Ben-Hur et al.): a header, then the execution sequence, one op a line as
 * {@code Cycle3: n7(9)=nor2{a[0](0),b[0](1)}} with each value written {@code name(cell)}. Values are named by
 * their input or output bit name, or {@code n<op>} for the op that computed them; an initialisation lists
 * the values it erases ({@code INIT_CYCLE(c)} for a cell that held none), as SIMPLER does.
 */
final class SimplerListing {
    private SimplerListing() {}

    static String render(Program p) {
        ProgramStats s = p.stats();
        Map<Integer, String> holds = new HashMap<>();
        for (IoBit b : p.inputs()) holds.put(b.cell(), b.name());
        Map<Integer, Integer> lastWrite = new HashMap<>();
        for (int i = 0; i < p.ops().size(); i++) {
            var t = p.ops().get(i).targets();
            for (int k = 0; k < t.length(); k++) lastWrite.put(t.get(k), i);
        }
        Map<Integer, String> outputAt = new HashMap<>();
        for (IoBit b : p.outputs()) outputAt.putIfAbsent(b.cell(), b.name());

        StringBuilder sb = new StringBuilder();
        sb.append("Benchmark: ").append(p.kernel()).append('\n');
        sb.append("Row size: ").append(p.rowSize()).append('\n');
        sb.append("Number of Gates: ").append(s.gates()).append('\n');
        sb.append("Inputs: {").append(io(p.inputs())).append("}\n");
        sb.append("Outputs: {").append(io(p.outputs())).append("}\n");
        sb.append("Number of PIs: ").append(p.inputs().size()).append('\n');
        sb.append("Number of POs: ").append(p.outputs().size()).append('\n');
        sb.append("Total cycles: ").append(s.cycles()).append('\n');
        sb.append("Execution sequence:\n");
        long[] cost = ProgramStats.cycleCosts(p);
        long t = 0;
        int[] cycleOf = p.cycleOfOps();
        long first = 0;
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            long lineCost = cost[cycleOf[i]];
            if (i == p.cycleStart(cycleOf[i])) { // the ops of one line share its cycles
                first = lineCost == 0 ? 0 : t + 1;
                t += lineCost;
            }
            sb.append("Cycle").append(first);
            if (lineCost > 1) sb.append('-').append(t);
            sb.append(": ");
            var targets = op.targets();
            if (op.opcode().isInit()) {
                sb.append("Initialization(").append(op.opcode() == Opcode.INIT1 ? "Ron" : "Roff").append("){");
                for (int k = 0; k < targets.length(); k++) {
                    int c = targets.get(k);
                    String held = holds.remove(c);
                    sb.append(k == 0 ? "" : ",").append(held == null ? "'INIT_CYCLE(" + c + ")'" : held + "(" + c + ")");
                }
                sb.append("}\n");
                continue;
            }
            StringBuilder args = new StringBuilder();
            var src = op.opcode() == Opcode.IMP ? op.operands() : op.sources();
            for (int k = 0; k < src.length(); k++) {
                int c = src.get(k);
                args.append(k == 0 ? "" : ",").append(holds.getOrDefault(c, "c" + c)).append('(').append(c).append(')');
            }
            if (op.opcode() == Opcode.PROG) args.append("level ").append(op.level());
            for (int k = 0; k < targets.length(); k++) {
                int c = targets.get(k);
                String name = lastWrite.get(c) == i && outputAt.containsKey(c) ? outputAt.get(c) : "n" + i + (targets.length() > 1 ? "_" + k : "");
                holds.put(c, name);
                sb.append(k == 0 ? "" : ",").append(name).append('(').append(c).append(')');
            }
            sb.append('=').append(gateName(op)).append('{').append(args).append("}\n");
        }
        return sb.toString();
    }

    private static String gateName(MicroOp op) {
        int k = op.sources().length();
        return switch (op.opcode()) {
            case NOR -> k == 1 ? "inv1" : "nor" + k;
            case OR, NAND, AND -> op.opcode().mnemonic() + k;
            case IMP -> "imp2";
            default -> op.opcode().mnemonic();
        };
    }

    private static String io(java.util.List<IoBit> bits) {
        StringBuilder sb = new StringBuilder();
        for (IoBit b : bits) sb.append(sb.length() == 0 ? "" : ",").append(b.name()).append('(').append(b.cell()).append(')');
        return sb.toString();
    }
}
