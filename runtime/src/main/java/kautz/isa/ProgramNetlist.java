package kautz.isa;

import com.google.common.primitives.ImmutableIntArray;
import kautz.diag.UserError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A program written as a combinational netlist (BLIF or ISCAS {@code .bench}), op by op with the physical
 * semantics of each micro-op, so that a tool outside Kautz (ABC's {@code cec -n spec prog.blif}) can check
 * it against its source. It is built straight from the ops, not through Kautz's own networks, so the check
 * is independent of the compiler's and the verifier's code.
 *
 * <p>Each write of a cell gives a fresh signal (static single assignment). A gate's pre-state enters its
 * function ({@code nor d, a, b} gives {@code d ∧ ¬(a ∨ b)}), so a missing initialisation changes the
 * function. A cell read before anything was written to it becomes an extra input {@code ?uninit.cN} (an
 * equivalence check by name then fails on it, as the chip would give a wrong answer); {@code sense} of a
 * programmed cell reads its level's bits as constants, of a never-programmed cell extra inputs
 * {@code ?uninit.levelN.opI.bitK}.
 */
final class ProgramNetlist {
    /** Names of the extra inputs for unwritten state start with this; port names never do. */
    static final String FREE_PREFIX = "?uninit.";

    /** One gate of the netlist: its output signal, its function and its input signals. */
    private record Gate(String out, Fn fn, List<String> in) {}

    /** The functions gates use; BLIF writes each as one cover, .bench as one or two gates. */
    private enum Fn { CONST0, CONST1, BUF, NOT, AND, OR, NOR, NAND, AND_NOR, AND_NAND, OR_AND, MIN3_PRE }

    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<Gate> gates = new ArrayList<>();
    private final String prefix;
    private int next;

    private ProgramNetlist(Program p) {
        Set<String> ports = new HashSet<>();
        for (IoBit b : p.inputs()) ports.add(b.name());
        for (IoBit b : p.outputs()) ports.add(b.name());
        String pre = "n";
        while (startsAny(ports, pre)) pre = "_" + pre;
        prefix = pre;
        build(p);
    }

    private static boolean startsAny(Set<String> names, String prefix) {
        for (String n : names) if (n.startsWith(prefix)) return true;
        return false;
    }

    static String blif(Program p) {
        checkNames(p, "BLIF", "");
        return new ProgramNetlist(p).toBlif(p.kernel());
    }

    static String bench(Program p) {
        checkNames(p, ".bench", "(),=");
        return new ProgramNetlist(p).toBench(p.kernel());
    }

    /** Port names are written as tokens: white space (and, for .bench, its separators) cannot be. */
    private static void checkNames(Program p, String format, String separators) {
        List<IoBit> ports = new ArrayList<>(p.inputs());
        ports.addAll(p.outputs());
        for (IoBit b : ports) {
            String n = b.name();
            boolean bad = n.isEmpty() || n.chars().anyMatch(c -> Character.isWhitespace(c) || separators.indexOf(c) >= 0);
            if (bad) throw new UserError("cannot write " + format + ": port name '" + n + "' is not one token"
                    + (separators.isEmpty() ? "" : " without " + separators));
        }
    }

    private void build(Program p) {
        int cells = p.rowSize();
        String[] value = new String[cells];
        int[] level = new int[cells];
        Arrays.fill(level, -1); // never programmed
        Set<String> inputNames = new HashSet<>();
        for (IoBit in : p.inputs()) {
            if (inputNames.add(in.name())) inputs.add(in.name());
            value[in.cell()] = in.name();
        }
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            ImmutableIntArray x = op.operands();
            switch (op.opcode()) {
                case INIT0, FALSE -> { for (int k = 0; k < x.length(); k++) value[x.get(k)] = gate(Fn.CONST0); }
                case INIT1 -> { for (int k = 0; k < x.length(); k++) value[x.get(k)] = gate(Fn.CONST1); }
                case PROG -> level[x.get(0)] = op.level();
                case SENSE -> {
                    int src = x.get(x.length() - 1);
                    for (int k = 0; k < x.length() - 1; k++) {
                        String v;
                        if (level[src] >= 0) v = gate(k < 31 && (level[src] >>> k & 1) != 0 ? Fn.CONST1 : Fn.CONST0);
                        else v = free("level" + src + ".op" + i + ".bit" + k);
                        value[x.get(k)] = v;
                    }
                }
                default -> logic(op, value);
            }
        }
        for (IoBit out : p.outputs()) {
            String v = read(value, out.cell());
            outputs.add(out.name());
            if (!v.equals(out.name())) gates.add(new Gate(out.name(), Fn.BUF, List.of(v)));
        }
    }

    /**
     * A logic op from its gate form: the forms of the MAGIC ops and IMPLY as one gate each (a cover of their own),
     * any other form gate by gate from {@link GateForm#apply} over the netlist's signals.
     */
    private void logic(MicroOp op, String[] value) {
        GateForm g = op.opcode().gate();
        ImmutableIntArray src = op.sources();
        int d = op.dest();
        if (g.equals(new GateForm(GateForm.Fold.OR, true, GateForm.Combine.OR)) && src.length() == 1) {
            // q := ¬p ∨ q, written as ¬(p ∧ ¬q): one NAND over p and NOT q
            String p0 = read(value, src.get(0)), q = read(value, d);
            value[d] = gate(Fn.NAND, List.of(p0, gate(Fn.NOT, List.of(q))));
            return;
        }
        List<String> in = new ArrayList<>(src.length() + 1);
        in.add(read(value, d));
        for (int k = 0; k < src.length(); k++) in.add(read(value, src.get(k)));
        Fn compact = compact(g);
        if (compact != null) {
            value[d] = gate(compact, in);
            return;
        }
        value[d] = g.apply(signals, in.get(0), in.subList(1, in.size()));
    }

    /** The one-gate function of a MAGIC form ({@code d} first, then the inputs), or null. */
    private static Fn compact(GateForm g) {
        if (g.negated() != 0 || !g.hasIdentity()) return null;
        boolean and = g.combine() == GateForm.Combine.AND;
        return switch (g.fold()) {
            case OR -> g.complemented() && and ? Fn.AND_NOR : !g.complemented() && !and ? Fn.OR : null;
            case AND -> g.complemented() && and ? Fn.AND_NAND : !g.complemented() && !and ? Fn.OR_AND : null;
            case MAJ -> g.complemented() && and ? Fn.MIN3_PRE : null;
        };
    }

    /** The netlist's signals as a Boolean algebra: each operation is a new gate. */
    private final BooleanAlgebra<String> signals = new BooleanAlgebra<>() {
        @Override public String zero() { return gate(Fn.CONST0); }
        @Override public String one() { return gate(Fn.CONST1); }
        @Override public String not(String a) { return gate(Fn.NOT, List.of(a)); }
        @Override public String and(String a, String b) { return gate(Fn.AND, List.of(a, b)); }
        @Override public String or(String a, String b) { return gate(Fn.OR, List.of(a, b)); }
    };

    private String read(String[] value, int cell) {
        if (value[cell] == null) value[cell] = free("c" + cell);
        return value[cell];
    }

    private String free(String what) {
        String name = FREE_PREFIX + what;
        inputs.add(name);
        return name;
    }

    private String gate(Fn fn) {
        return gate(fn, List.of());
    }

    private String gate(Fn fn, List<String> in) {
        String out = prefix + next++;
        gates.add(new Gate(out, fn, in));
        return out;
    }

    private String toBlif(String model) {
        StringBuilder sb = new StringBuilder(64 + 40 * gates.size());
        sb.append("# Kautz program as a netlist (docs/netlists.md)\n.model ").append(token(model)).append('\n');
        sb.append(".inputs");
        for (String n : inputs) sb.append(' ').append(n);
        sb.append("\n.outputs");
        for (String n : outputs) sb.append(' ').append(n);
        sb.append('\n');
        for (Gate g : gates) {
            sb.append(".names");
            for (String s : g.in) sb.append(' ').append(s);
            sb.append(' ').append(g.out).append('\n');
            int n = g.in.size();
            switch (g.fn) {
                case CONST0 -> { }
                case CONST1 -> sb.append("1\n");
                case BUF -> sb.append("1 1\n");
                case NOT -> sb.append("0 1\n");
                case AND -> sb.append("1".repeat(n)).append(" 1\n");
                case OR -> { for (int k = 0; k < n; k++) sb.append(oneHot(n, k, '1')).append(" 1\n"); }
                case NOR -> sb.append("0".repeat(n)).append(" 1\n");
                case NAND -> { for (int k = 0; k < n; k++) sb.append(oneHot(n, k, '0')).append(" 1\n"); }
                // d ∧ ¬(a ∨ …): d=1 and every input 0
                case AND_NOR -> sb.append('1').append("0".repeat(n - 1)).append(" 1\n");
                // d ∧ ¬(a ∧ …): d=1 and some input 0
                case AND_NAND -> { for (int k = 1; k < n; k++) sb.append('1').append(oneHot(n, k, '0').substring(1)).append(" 1\n"); }
                // d ∨ (a ∧ …)
                case OR_AND -> sb.append("1").append("-".repeat(n - 1)).append(" 1\n").append('-').append("1".repeat(n - 1)).append(" 1\n");
                // d ∧ ¬maj(a, b, c): d=1 and at least two inputs 0
                case MIN3_PRE -> sb.append("100- 1\n10-0 1\n1-00 1\n");
            }
        }
        sb.append(".end\n");
        return sb.toString();
    }

    /** A cover row of n dashes with {@code bit} at position k. */
    private static String oneHot(int n, int k, char bit) {
        char[] row = new char[n];
        Arrays.fill(row, '-');
        row[k] = bit;
        return new String(row);
    }

    private String toBench(String model) {
        StringBuilder sb = new StringBuilder(64 + 40 * gates.size());
        sb.append("# Kautz program ").append(token(model)).append(" as a netlist (docs/netlists.md)\n");
        for (String n : inputs) sb.append("INPUT(").append(n).append(")\n");
        for (String n : outputs) sb.append("OUTPUT(").append(n).append(")\n");
        for (Gate g : gates) {
            List<String> in = g.in;
            switch (g.fn) {
                case CONST0 -> line(sb, g.out, "gnd", List.of());
                case CONST1 -> line(sb, g.out, "vdd", List.of());
                case BUF -> line(sb, g.out, "BUFF", in);
                case NOT, AND, OR, NOR, NAND -> line(sb, g.out, g.fn.name(), in);
                case AND_NOR -> { line(sb, g.out + "_f", "NOR", in.subList(1, in.size())); line(sb, g.out, "AND", List.of(in.get(0), g.out + "_f")); }
                case AND_NAND -> { line(sb, g.out + "_f", "NAND", in.subList(1, in.size())); line(sb, g.out, "AND", List.of(in.get(0), g.out + "_f")); }
                case OR_AND -> { line(sb, g.out + "_f", "AND", in.subList(1, in.size())); line(sb, g.out, "OR", List.of(in.get(0), g.out + "_f")); }
                case MIN3_PRE -> {
                    String a = in.get(1), b = in.get(2), c = in.get(3);
                    line(sb, g.out + "_ab", "AND", List.of(a, b));
                    line(sb, g.out + "_ac", "AND", List.of(a, c));
                    line(sb, g.out + "_bc", "AND", List.of(b, c));
                    line(sb, g.out + "_f", "NOR", List.of(g.out + "_ab", g.out + "_ac", g.out + "_bc"));
                    line(sb, g.out, "AND", List.of(in.get(0), g.out + "_f"));
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String out, String type, List<String> in) {
        sb.append(out).append(" = ").append(type);
        if (!in.isEmpty()) sb.append('(').append(String.join(", ", in)).append(')');
        sb.append('\n');
    }

    /** A model name as one token (BLIF and comments end a name at white space). */
    private static String token(String s) {
        return s.isEmpty() ? "program" : s.replaceAll("\\s", "_");
    }
}
