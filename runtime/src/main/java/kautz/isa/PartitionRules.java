package kautz.isa;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;

import kautz.diag.UserError;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Which ops may share a cycle on a partitioned row: the rules of PartitionPIM's three models (Leitersdorf, Ronen
 * and Kvatinsky, arXiv 2206.04200), as its published simulators check them. An op occupies every partition from
 * the lowest to the highest partition among its cells (for an init op, the cells it sets). Every model includes the
 * rules of the ones before it; docs/isa.md lists them.
 *
 * <p>{@link Rule#OVERLAP} also guarantees that no op of a cycle reads or writes a cell another op of it writes
 * (such ops would share a partition), so running a legal cycle's ops one after another gives the state of
 * running them at once.
 */
public final class PartitionRules {
    private PartitionRules() {}

    /** A rule, named as messages and docs name it, with the weakest model that has it. */
    public enum Rule {
        OVERLAP("overlap", PartitionModel.UNLIMITED, "the ops of a cycle occupy pairwise disjoint partition intervals"),
        OPCODE("opcode", PartitionModel.STANDARD, "the ops of a cycle have the same opcode, and its logic ops the same arity"),
        INPUTS_SPLIT("inputs-split", PartitionModel.STANDARD, "all inputs of a logic op lie in one partition"),
        INDEX("index", PartitionModel.STANDARD,
                "each operand position has the same index within its partition in every op of a logic cycle"),
        DIRECTION("direction", PartitionModel.STANDARD,
                "every logic op of a cycle has its input partition on the same side of its output partition (left, same, right)"),
        DISTANCE("distance", PartitionModel.MINIMAL,
                "every logic op of a cycle has the same distance between its input and output partition"),
        SPACING("spacing", PartitionModel.MINIMAL, "the input partitions of a logic cycle's ops are evenly spaced");

        private final String label;
        private final PartitionModel model;
        private final String text;

        Rule(String label, PartitionModel model, String text) {
            this.label = label;
            this.model = model;
            this.text = text;
        }

        public String label() { return label; }
        /** The weakest model with this rule (the stronger ones have it too). */
        public PartitionModel model() { return model; }
        /** What the rule requires, as one sentence. */
        public String text() { return text; }
    }

    /**
     * A broken rule.
     *
     * @param rule  the rule
     * @param cycle the cycle line, 0-based
     * @param ops   the ops that break it together, as indices into the program's ops
     * @param detail what is wrong, naming the ops
     */
    public record Violation(Rule rule, int cycle, ImmutableIntArray ops, String detail) {
        /** One line: the rule, its model and what is wrong. */
        public String message(PartitionModel model) {
            return "cycle breaks rule '" + rule.label() + "' of the " + model.label() + " model (" + rule.text() + "): " + detail;
        }
    }

    /** The first broken rule of each cycle, in cycle order; empty for a legal program. */
    public static ImmutableList<Violation> check(Program p) {
        ImmutableList.Builder<Violation> out = ImmutableList.builder();
        for (int c = 0; c < p.cycleCount(); c++) {
            Violation v = checkCycle(p, c);
            if (v != null) out.add(v);
        }
        return out.build();
    }

    /**
     * Refuses a program that breaks its model: a {@link UserError} naming the first broken rule, the cycle
     * ({@code where} says where it is: a file's line, or the cycle's number) and the ops, and how many more
     * cycles break rules.
     */
    public static void requireLegal(Program p, IntFunction<String> where) {
        ImmutableList<Violation> all = check(p);
        if (all.isEmpty()) return;
        Violation v = all.get(0);
        throw new UserError(where.apply(v.cycle()) + ": " + v.message(p.model())
                + (all.size() > 1 ? " (and " + (all.size() - 1) + " more cycle" + (all.size() == 2 ? "" : "s") + " that break rules)" : ""));
    }

    /** Whether the program keeps every rule of its model. */
    public static boolean isLegal(Program p) {
        for (int c = 0; c < p.cycleCount(); c++) if (checkCycle(p, c) != null) return false;
        return true;
    }

    /** The first rule cycle {@code c} breaks under the program's model, or null. */
    public static Violation checkCycle(Program p, int c) {
        int from = p.cycleStart(c);
        int to = p.cycleEnd(c);
        Partitions parts = p.partitions();
        ImmutableList<MicroOp> ops = p.ops();
        int n = to - from;
        if (n > 1) {
            Violation v = overlap(p, c, from, n);
            if (v != null) return v;
        }
        if (p.model() == PartitionModel.UNLIMITED) return null;

        MicroOp first = ops.get(from);
        boolean allInit = true;
        for (int i = from; i < to; i++) {
            MicroOp op = ops.get(i);
            allInit &= op.opcode().isInit();
            if (op.opcode() != first.opcode() || op.opcode().isLogic() && op.operands().length() != first.operands().length()) {
                return new Violation(Rule.OPCODE, c, ImmutableIntArray.of(from, i), quote(first) + " and " + quote(op)
                        + (op.opcode() == first.opcode() ? " differ in arity" : " differ in opcode"));
            }
        }
        if (allInit || !first.opcode().isLogic()) return null; // init cycles are exempt from the index rules
        int[] in = new int[n];
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            MicroOp op = ops.get(from + k);
            ImmutableIntArray src = op.sources();
            in[k] = parts.partitionOf(src.get(0));
            for (int s = 1; s < src.length(); s++) {
                if (parts.partitionOf(src.get(s)) != in[k]) {
                    return new Violation(Rule.INPUTS_SPLIT, c, ImmutableIntArray.of(from + k), quote(op) + " reads cell " + src.get(0)
                            + " in partition " + in[k] + " and cell " + src.get(s) + " in partition " + parts.partitionOf(src.get(s)));
                }
            }
            out[k] = parts.partitionOf(op.dest());
        }
        for (int k = 1; k < n; k++) {
            MicroOp op = ops.get(from + k);
            for (int j = 0; j < op.operands().length(); j++) {
                int a = parts.indexOf(first.operands().get(j));
                int b = parts.indexOf(op.operands().get(j));
                if (a != b) {
                    return new Violation(Rule.INDEX, c, ImmutableIntArray.of(from, from + k), "operand " + (j + 1) + " is index " + a
                            + " of its partition in " + quote(first) + " but index " + b + " in " + quote(op));
                }
            }
        }
        for (int k = 1; k < n; k++) {
            if (Integer.signum(in[k] - out[k]) != Integer.signum(in[0] - out[0])) {
                return new Violation(Rule.DIRECTION, c, ImmutableIntArray.of(from, from + k), quote(first) + " goes "
                        + direction(in[0], out[0]) + " but " + quote(ops.get(from + k)) + " goes " + direction(in[k], out[k]));
            }
        }
        if (p.model() == PartitionModel.STANDARD) return null;
        for (int k = 1; k < n; k++) {
            if (in[k] - out[k] != in[0] - out[0]) {
                return new Violation(Rule.DISTANCE, c, ImmutableIntArray.of(from, from + k), quote(first) + " spans "
                        + span(in[0], out[0]) + " but " + quote(ops.get(from + k)) + " spans " + span(in[k], out[k]));
            }
        }
        if (n > 2) {
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) order[k] = k;
            Arrays.sort(order, (x, y) -> Integer.compare(in[x], in[y]));
            int step = in[order[1]] - in[order[0]];
            for (int k = 2; k < n; k++) {
                int gap = in[order[k]] - in[order[k - 1]];
                if (gap != step) {
                    return new Violation(Rule.SPACING, c, ImmutableIntArray.of(from + order[k - 2], from + order[k - 1], from + order[k]),
                            "input partitions " + in[order[k - 2]] + ", " + in[order[k - 1]] + " and " + in[order[k]] + " of "
                                    + quote(ops.get(from + order[k - 2])) + ", " + quote(ops.get(from + order[k - 1])) + " and "
                                    + quote(ops.get(from + order[k])) + " are " + step + " and " + gap + " apart");
                }
            }
        }
        return null;
    }

    /** The lowest and highest partition an op occupies. */
    public static int[] occupied(MicroOp op, Partitions parts) {
        ImmutableIntArray x = op.operands();
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int k = 0; k < x.length(); k++) {
            int q = parts.partitionOf(x.get(k));
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        return new int[] {lo, hi};
    }

    private static Violation overlap(Program p, int c, int from, int n) {
        Partitions parts = p.partitions();
        int[][] span = new int[n][];
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            span[k] = occupied(p.ops().get(from + k), parts);
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(span[x][0], span[y][0]));
        for (int k = 1; k < n; k++) {
            int a = order[k - 1];
            int b = order[k];
            if (span[b][0] <= span[a][1]) {
                int x = Math.min(a, b);
                int y = Math.max(a, b);
                return new Violation(Rule.OVERLAP, c, ImmutableIntArray.of(from + x, from + y), quote(p.ops().get(from + x))
                        + " occupies " + partitions(span[x]) + " and " + quote(p.ops().get(from + y)) + " occupies " + partitions(span[y]));
            }
        }
        return null;
    }

    private static String quote(MicroOp op) { return "'" + op + "'"; }

    private static String partitions(int[] span) {
        return span[0] == span[1] ? "partition " + span[0] : "partitions " + span[0] + ".." + span[1];
    }

    private static String direction(int in, int out) {
        return in < out ? "left to right (input partition " + in + ", output " + out + ")"
                : in > out ? "right to left (input partition " + in + ", output " + out + ")"
                : "within partition " + in;
    }

    private static String span(int in, int out) {
        return (in - out) + " partitions (input " + in + ", output " + out + ")";
    }
}
