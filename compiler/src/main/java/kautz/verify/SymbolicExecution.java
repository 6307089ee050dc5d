package kautz.verify;

import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.network.AigBuilder;
import kautz.network.Aig;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Executes a {@link Program} symbolically with the physical semantics of docs/isa.md and returns the
 * network it computes: each cell holds a literal instead of a bit-plane.
 *
 * <p>The network's inputs are the program's input bits (by name) followed by one <em>free variable</em> per
 * cell that is read before anything was written to it: its value on a chip is whatever the cell happened to
 * hold, so a gate on an uninitialised output cell makes the result depend on that variable and an
 * equivalence check fails, exactly as the chip would give a wrong answer. A gate over a value it provably
 * leaves unchanged in its result (an init-free gate) is its own function ({@link ExactGate}). Free variables are named
 * {@link #FREE_PREFIX}{@code cN} (never a legal port name). Multi-level cells follow the reference
 * interpreter: {@code prog c, L} stores the constant level L apart from the binary value, and {@code sense}
 * reads its bits as constants; a sense of a cell never programmed reads free variables
 * ({@link #FREE_PREFIX}{@code levelN.op.bit}).
 */
public final class SymbolicExecution {
    /** Names of free variables start with this; port names never do. */
    public static final String FREE_PREFIX = "?uninit.";

    private SymbolicExecution() {}

    /** The network the program computes; outputs are named as the program's output bits. */
    public static Aig network(Program p) {
        return network(p, AigBuilder.DEFAULT_MAX_NODES);
    }

    public static Aig network(Program p, int maxNodes) {
        int cells = cellCount(p);
        List<String> freeNames = new ArrayList<>();
        int[] freeIndex = freeVariables(p, cells, freeNames);
        AigBuilder b = new AigBuilder(maxNodes);
        for (IoBit in : p.inputs()) b.addInput(in.name());
        for (String f : freeNames) b.addInput(f);
        int firstFree = p.inputs().size();

        int[] value = new int[cells];
        boolean[] written = new boolean[cells];
        int[] level = new int[cells];
        Arrays.fill(level, -1); // -1: never programmed
        for (int i = 0; i < p.inputs().size(); i++) {
            int c = p.inputs().get(i).cell();
            value[c] = b.input(i);
            written[c] = true;
        }
        int nextSenseFree = 0;
        for (MicroOp op : p.ops()) {
            ImmutableIntArray x = op.operands();
            // reads of unwritten cells see the cell's free initial value
            for (int c : readCells(op)) {
                if (!written[c]) {
                    value[c] = b.input(firstFree + freeIndex[c]);
                    written[c] = true;
                }
            }
            Opcode oc = op.opcode();
            switch (oc.kind()) {
                case INIT -> set(x, 0, x.length(), value, written, oc.constant() == 1 ? Lit.TRUE : Lit.FALSE);
                case LOGIC -> {
                    ImmutableIntArray s = op.sources();
                    int[] src = new int[s.length()];
                    for (int k = 0; k < src.length; k++) src[k] = value[s.get(k)];
                    write(op.dest(), ExactGate.apply(b, oc, value[op.dest()], src), value, written);
                }
                case PROGRAM -> level[x.get(0)] = op.level();
                case READ -> {
                    int src = x.get(x.length() - 1);
                    for (int k = 0; k < x.length() - 1; k++) {
                        int v;
                        if (level[src] >= 0) v = k < 31 && (level[src] >>> k & 1) != 0 ? Lit.TRUE : Lit.FALSE;
                        else v = b.input(firstFree + freeIndex.length + nextSenseFree++);
                        write(x.get(k), v, value, written);
                    }
                }
            }
        }
        for (IoBit out : p.outputs()) {
            int c = out.cell();
            if (!written[c]) value[c] = b.input(firstFree + freeIndex[c]);
            b.addOutput(out.name(), value[c]);
        }
        return b.build();
    }

    /**
     * Decides the free variables before building (all inputs precede the ANDs): one per cell read before
     * written, then one per bit of each sense of a never-programmed cell. Returns each cell's index among
     * the cell variables (-1 for none); {@code names} receives all free names in input order.
     */
    private static int[] freeVariables(Program p, int cells, List<String> names) {
        int[] index = new int[cells];
        Arrays.fill(index, -1);
        boolean[] written = new boolean[cells];
        boolean[] programmed = new boolean[cells];
        for (IoBit in : p.inputs()) written[in.cell()] = true;
        List<String> senseNames = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            for (int c : readCells(op)) {
                if (!written[c] && index[c] < 0) {
                    index[c] = count++;
                    names.add(FREE_PREFIX + "c" + c);
                }
            }
            switch (op.opcode()) {
                case PROG -> programmed[op.operands().get(0)] = true;
                case SENSE -> {
                    int src = op.operands().get(op.operands().length() - 1);
                    if (!programmed[src]) {
                        for (int k = 0; k < op.operands().length() - 1; k++) {
                            senseNames.add(FREE_PREFIX + "level" + src + ".op" + i + ".bit" + k);
                        }
                    }
                }
                default -> { }
            }
            if (op.opcode() != Opcode.PROG) { // prog sets a level, not the binary value
                ImmutableIntArray t = op.targets();
                for (int k = 0; k < t.length(); k++) written[t.get(k)] = true;
            }
        }
        for (IoBit out : p.outputs()) {
            int c = out.cell();
            if (!written[c] && index[c] < 0) {
                index[c] = count++;
                names.add(FREE_PREFIX + "c" + c);
            }
        }
        // cell variables first (their input index is firstFree + index), then the sense bits
        names.addAll(senseNames);
        return index;
    }

    /** Cells whose old binary value the op uses: its sources and, for physical gates, the destination. */
    private static int[] readCells(MicroOp op) {
        return op.opcode().isLogic() ? op.operands().toArray() : new int[0];
    }

    private static int cellCount(Program p) {
        int max = 0;
        for (IoBit b : p.inputs()) max = Math.max(max, b.cell() + 1);
        for (IoBit b : p.outputs()) max = Math.max(max, b.cell() + 1);
        for (MicroOp op : p.ops()) {
            for (int k = 0; k < op.operands().length(); k++) max = Math.max(max, op.operands().get(k) + 1);
        }
        return max;
    }

    private static void set(ImmutableIntArray x, int from, int to, int[] value, boolean[] written, int lit) {
        for (int k = from; k < to; k++) write(x.get(k), lit, value, written);
    }

    private static void write(int cell, int lit, int[] value, boolean[] written) {
        value[cell] = lit;
        written[cell] = true;
    }
}
