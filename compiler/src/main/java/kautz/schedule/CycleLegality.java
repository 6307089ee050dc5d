package kautz.schedule;

import kautz.isa.MicroOp;
import kautz.isa.PartitionModel;
import kautz.isa.Partitions;
import kautz.isa.Program;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of docs/isa.md ("Partitions and parallel cycles") for every cycle of a program under its model:
 * no cell written twice, none read that another op of the cycle writes, disjoint partition intervals, and
 * under standard and minimal the index, direction, distance and spacing rules (init ops are kept out of
 * cycles with logic ops there). The partition-aware scheduler checks what it emits with it.
 */
public final class CycleLegality {
    private CycleLegality() {}

    /** The first violation as a sentence naming the cycle, or null when every cycle is legal. */
    public static String violation(Program p) {
        Partitions parts = p.partitions();
        for (int c = 0; c < p.cycleCount(); c++) {
            List<MicroOp> ops = p.cycle(c);
            Set<Integer> written = new HashSet<>();
            for (MicroOp op : ops) for (int i = 0; i < op.targets().length(); i++) {
                if (!written.add(op.targets().get(i))) return "cycle " + c + ": cell " + op.targets().get(i) + " written twice";
            }
            for (MicroOp op : ops) for (int i = 0; i < op.sources().length(); i++) {
                int s = op.sources().get(i);
                if (written.contains(s) && !op.targets().contains(s)) return "cycle " + c + ": " + op + " reads a cell written in the cycle";
            }
            boolean[] busy = new boolean[parts.count()];
            for (MicroOp op : ops) {
                int lo = Integer.MAX_VALUE, hi = -1;
                for (int i = 0; i < op.operands().length(); i++) {
                    int q = parts.partitionOf(op.operands().get(i));
                    lo = Math.min(lo, q);
                    hi = Math.max(hi, q);
                }
                for (int q = lo; q <= hi; q++) {
                    if (busy[q]) return "cycle " + c + ": " + op + " overlaps another op in partition " + q;
                    busy[q] = true;
                }
            }
            if (p.model() == PartitionModel.UNLIMITED) continue;
            List<MicroOp> logic = new ArrayList<>();
            for (MicroOp op : ops) if (op.opcode().isLogic()) logic.add(op);
            if (logic.isEmpty()) continue;
            if (logic.size() != ops.size()) return "cycle " + c + ": init and logic ops together under " + p.model();
            MicroOp first = logic.get(0);
            List<Integer> ins = new ArrayList<>();
            Integer shift = null;
            for (MicroOp op : logic) {
                if (op.opcode() != first.opcode() || op.operands().length() != first.operands().length()) return "cycle " + c + ": opcodes differ";
                for (int i = 0; i < op.operands().length(); i++) {
                    if (parts.indexOf(op.operands().get(i)) != parts.indexOf(first.operands().get(i))) return "cycle " + c + ": operand " + i + " indices differ";
                }
                int in = parts.partitionOf(op.sources().get(0));
                for (int i = 0; i < op.sources().length(); i++) if (parts.partitionOf(op.sources().get(i)) != in) return "cycle " + c + ": " + op + " reads two partitions";
                int s = parts.partitionOf(op.dest()) - in;
                if (shift != null && Integer.signum(s) != Integer.signum(shift)) return "cycle " + c + ": directions differ";
                if (shift != null && p.model() == PartitionModel.MINIMAL && s != shift) return "cycle " + c + ": distances differ";
                shift = s;
                ins.add(in);
            }
            if (p.model() == PartitionModel.MINIMAL && ins.size() > 2) {
                ins.sort(null);
                for (int i = 2; i < ins.size(); i++) if (ins.get(i) - ins.get(i - 1) != ins.get(1) - ins.get(0)) return "cycle " + c + ": input partitions not evenly spaced";
            }
        }
        return null;
    }
}
