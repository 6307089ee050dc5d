package kautz.isa;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Static checks of a program against the physical semantics and the cost conventions of docs/isa.md.
 * It tracks what is known about each cell (0, 1, unknown, never written) through the straight-line ops:
 * init0/init1/false make a cell known; a gate's result is known only when constant propagation proves it
 * (a NOR with an input known to be 1 gives 0); loaded inputs are unknown. A gate on a cell that does not hold
 * its pre-state is still exact when the cell's old value is implied by the gate's result ({@code d := d ∧ f}
 * with f → d; dually d → f for {@code d := d ∨ f}: AritPIM's X-MAGIC); the lint proves that on a window of
 * the values the program computed ({@link WindowImplication}) and accepts such a gate.
 *
 * <p>Findings, each naming the op index and the cell:
 * <ul>
 *   <li>{@link Kind#UNINITIALISED_OUTPUT}: a gate whose output cell is not known to hold the pre-state
 *       its opcode needs (1 for nor/nand/min3, 0 for or/and); the result is then wrong on a chip;</li>
 *   <li>{@link Kind#READ_UNWRITTEN}: an op (or an output bit) reads a cell that was never written nor loaded;</li>
 *   <li>{@link Kind#INPUT_OVERWRITTEN}: an op writes a cell that holds an input (not flagged in a program
 *       declared {@code .consume-inputs}, whose inputs may be overwritten after they are read);</li>
 *   <li>{@link Kind#OUTPUT_OVERWRITTEN}: an output's cell is re-initialised after a gate computed it, so the
 *       output is computed twice (outputs are never overwritten);</li>
 *   <li>{@link Kind#BEYOND_ROW}: a cell at or beyond a given row limit.</li>
 * </ul>
 */
public final class ProgramLint {
    private ProgramLint() {}

    public enum Kind { UNINITIALISED_OUTPUT, READ_UNWRITTEN, INPUT_OVERWRITTEN, OUTPUT_OVERWRITTEN, BEYOND_ROW }

    /**
     * One finding. {@code op} is the op index (0-based, the order of the .kasm op lines), or
     * {@code ops().size()} for a finding about the outputs read after the last op.
     */
    public record Finding(Kind kind, int op, int cell, String message) {
        @Override
        public String toString() { return message; }
    }

    private static final byte NEVER = 0;
    private static final byte ZERO = 1;
    private static final byte ONE = 2;
    private static final byte UNKNOWN = 3;

    /** Checks a program within its own row size. */
    public static ImmutableList<Finding> check(Program p) {
        return check(p, p.rowSize());
    }

    /** Checks a program and also flags cells at or beyond {@code rowLimit}. */
    public static ImmutableList<Finding> check(Program p, int rowLimit) {
        List<Finding> out = new ArrayList<>();
        int cells = Math.max(p.stats().cells(), 1);
        byte[] state = new byte[cells];
        int[] lastWriter = new int[cells];
        Arrays.fill(lastWriter, -1);
        Map<Integer, String> inputAt = new HashMap<>();
        for (IoBit b : p.inputs()) {
            state[b.cell()] = UNKNOWN;
            inputAt.put(b.cell(), b.name());
            if (b.cell() >= rowLimit) out.add(beyond(-1, b.cell(), rowLimit, "input " + b.name()));
        }
        Map<Integer, String> outputAt = new HashMap<>();
        for (IoBit b : p.outputs()) {
            outputAt.putIfAbsent(b.cell(), b.name());
            if (b.cell() >= rowLimit) out.add(beyond(-1, b.cell(), rowLimit, "output " + b.name()));
        }
        boolean[] computed = new boolean[cells]; // a gate has written this output cell
        Values values = new Values(cells);
        for (IoBit b : p.inputs()) values.free(b.cell());
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            String where = "op " + i + " (" + op + ")";
            ImmutableIntArray ops = op.operands();
            for (int k = 0; k < ops.length(); k++) {
                if (ops.get(k) >= rowLimit) out.add(beyond(i, ops.get(k), rowLimit, where));
            }
            ImmutableIntArray src = op.sources();
            for (int k = 0; k < src.length(); k++) {
                int c = src.get(k);
                if (state[c] == NEVER) out.add(new Finding(Kind.READ_UNWRITTEN, i, c, where + " reads cell " + c + ", which was never written"));
            }
            Opcode oc = op.opcode();
            if (oc.isLogic() && oc.requiredDestState() < 0 && state[op.dest()] == NEVER) { // the output is also an input (IMPLY's q)
                int q = op.dest();
                out.add(new Finding(Kind.READ_UNWRITTEN, i, q, where + " reads its output cell " + q + ", which was never written ("
                        + oc.mnemonic() + " needs it set first, e.g. false " + q + ")"));
            }
            int req = oc.requiredDestState();
            if (req >= 0) {
                int d = op.dest();
                byte need = req == 1 ? ONE : ZERO;
                if (state[d] != need && (state[d] == NEVER || !values.exactWithout(op, req))) {
                    String has = switch (state[d]) {
                        case NEVER -> "was never initialised";
                        case ZERO -> "holds 0";
                        case ONE -> "holds 1";
                        default -> "is not known to hold " + req + " (last written by op " + lastWriter[d] + ")";
                    };
                    out.add(new Finding(Kind.UNINITIALISED_OUTPUT, i, d, where + ": output cell " + d + " " + has
                            + ", but " + oc.mnemonic() + " needs it to hold " + req + " first (" + (req == 1 ? "init1 " : "init0 ") + d + ")"));
                }
            }
            ImmutableIntArray tgt = op.targets();
            for (int k = 0; k < tgt.length(); k++) {
                int c = tgt.get(k);
                String in = inputAt.get(c);
                if (in != null && !p.consumesInputs()) out.add(new Finding(Kind.INPUT_OVERWRITTEN, i, c, where + " overwrites input " + in + " in cell " + c));
                if (oc.isInit() && computed[c] && outputAt.containsKey(c)) {
                    out.add(new Finding(Kind.OUTPUT_OVERWRITTEN, i, c, where + " re-initialises cell " + c + ", which holds output "
                            + outputAt.get(c) + " computed by op " + lastWriter[c]));
                }
            }
            byte result = evaluate(op, state);
            values.write(op);
            for (int k = 0; k < tgt.length(); k++) {
                int c = tgt.get(k);
                state[c] = result;
                lastWriter[c] = i;
                computed[c] = oc.isLogic();
            }
        }
        int end = p.ops().size();
        for (IoBit b : p.outputs()) {
            if (b.cell() < cells && state[b.cell()] == NEVER) {
                out.add(new Finding(Kind.READ_UNWRITTEN, end, b.cell(), "output " + b.name() + " is read from cell " + b.cell() + ", which no op writes"));
            }
        }
        return ImmutableList.copyOf(out);
    }

    /**
     * What each cell holds as a node of a value graph (a {@link WindowImplication.Dag}): an input or a value
     * read from a device is a free variable, an init a constant, a gate its form over its sources' and its
     * destination's old values. Node numbers grow with the ops, so fan-ins are always older.
     */
    private static final class Values implements WindowImplication.Dag {
        private final int[] at;                       // cell -> node, -1 never written
        private final List<int[]> fanins = new ArrayList<>();
        private final List<Object> form = new ArrayList<>(); // GateForm, Long (constant word) or null (free)

        Values(int cells) {
            at = new int[cells];
            Arrays.fill(at, -1);
        }

        private int node(int[] in, Object f) {
            fanins.add(in);
            form.add(f);
            return fanins.size() - 1;
        }

        void free(int cell) { at[cell] = node(null, null); }

        private int of(int cell) {
            if (at[cell] < 0) at[cell] = node(null, null);
            return at[cell];
        }

        /** Sources first, then the destination's old value for a form that reads it. */
        private int[] sources(MicroOp op, boolean withDest) {
            ImmutableIntArray s = op.sources();
            int[] in = new int[s.length() + (withDest ? 1 : 0)];
            for (int k = 0; k < s.length(); k++) in[k] = of(s.get(k));
            if (withDest) in[s.length()] = of(op.dest());
            return in;
        }

        /** Whether the gate leaves its own function in its output cell from the old value there (no pre-state needed). */
        boolean exactWithout(MicroOp op, int prestate) {
            GateForm g = op.opcode().gate();
            if (!g.hasIdentity()) return false;
            int old = of(op.dest());
            int ideal = node(sources(op, false), new Pinned(g, g.identity() ? -1L : 0L));
            return prestate == 1 ? WindowImplication.implies(this, ideal, old) : WindowImplication.implies(this, old, ideal);
        }

        void write(MicroOp op) {
            Opcode oc = op.opcode();
            int n = switch (oc.kind()) {
                case INIT -> node(new int[0], oc.constant() == 1 ? -1L : 0L);
                case LOGIC -> node(sources(op, true), oc.gate());
                case PROGRAM, READ -> node(null, null);
            };
            ImmutableIntArray t = op.targets();
            for (int k = 0; k < t.length(); k++) at[t.get(k)] = n;
        }

        @Override public int[] fanins(int node) { return fanins.get(node); }

        @Override
        public long eval(int node, long[] in) {
            Object f = form.get(node);
            if (f instanceof Long c) return c;
            if (f instanceof Pinned pinned) return pinned.form().apply(GateForm.WORDS, pinned.dest(), boxed(in, in.length));
            GateForm g = (GateForm) f;
            return g.apply(GateForm.WORDS, in[in.length - 1], boxed(in, in.length - 1));
        }

        private static List<Long> boxed(long[] in, int n) {
            List<Long> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) l.add(in[i]);
            return l;
        }

        /** A gate's form with its destination held at a constant word: what the gate computes from its pre-state. */
        private record Pinned(GateForm form, long dest) {}
    }

    private static Finding beyond(int op, int cell, int rowLimit, String where) {
        return new Finding(Kind.BEYOND_ROW, op, cell, where + " uses cell " + cell + ", beyond the row of " + rowLimit + " cells");
    }

    /** What is known of the value an op leaves in its targets: the op's function from the table, over three values. */
    private static byte evaluate(MicroOp op, byte[] state) {
        Opcode oc = op.opcode();
        return switch (oc.kind()) {
            case INIT -> oc.constant() == 1 ? ONE : ZERO;
            case LOGIC -> {
                ImmutableIntArray s = op.sources();
                java.util.List<Byte> src = new java.util.ArrayList<>(s.length());
                for (int k = 0; k < s.length(); k++) src.add(state[s.get(k)]);
                yield oc.gate().apply(KLEENE, state[op.dest()], src);
            }
            case PROGRAM, READ -> UNKNOWN;
        };
    }

    /** Kleene's three-valued logic: a value not known (or never written) is UNKNOWN. */
    private static final BooleanAlgebra<Byte> KLEENE = new BooleanAlgebra<>() {
        @Override public Byte zero() { return ZERO; }
        @Override public Byte one() { return ONE; }
        @Override public Byte not(Byte s) { return s == ZERO ? ONE : s == ONE ? ZERO : UNKNOWN; }

        @Override
        public Byte and(Byte a, Byte b) {
            if (a == ZERO || b == ZERO) return ZERO;
            return a == ONE && b == ONE ? ONE : UNKNOWN;
        }

        @Override
        public Byte or(Byte a, Byte b) {
            if (a == ONE || b == ONE) return ONE;
            return a == ZERO && b == ZERO ? ZERO : UNKNOWN;
        }
    };
}
