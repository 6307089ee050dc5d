package kautz.schedule;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.mapped.Primitive;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link Placement} into a {@link Program}: the emission every scheduler shares.
 *
 * <ul>
 *   <li>Each gate becomes the micro-ops of its {@link GateImpl}: {@code nor d, a, b}, or for a serial
 *       implementation one op per input ({@code imp a, d; imp b, d} after {@code d} was set to 0).</li>
 *   <li>A constant gate is a cell initialised to its value; it costs no logic op.</li>
 *   <li>Initialisation: a cell's first use is set in the initial setting T0 (free under {@code bulk});
 *       a reused cell must be re-initialised between the last read of its old value and the new write.
 *       Under {@code bulk} the re-initialisations are batched with the fewest possible init cycles for
 *       the given placement (interval stabbing, greedy on the latest point: optimal); under
 *       {@code single} each gate's cell is initialised right before it, one cycle per cell, unless the cell's
 *       dead value already gives the gate its exact result ({@link InitFree}: X-MAGIC).</li>
 *   <li>The placement is checked: inputs are never written (except by an in-place gate consuming one, when
 *       the graph allows it), no live value or output is overwritten, an in-place gate runs after every
 *       other reader of the value it overwrites, every fan-in is computed before it is read. A violation is a scheduler bug
 *       ({@link IllegalStateException}).</li>
 * </ul>
 */
public final class Emitter {
    private Emitter() {}

    public static Program emit(GateGraph graph, GateFamily family, ScheduleOptions options, Placement placement) {
        int inputs = graph.inputs();
        int[] order = placement.order().toArray();
        int[] cell = placement.cells().toArray();
        for (int i = 0; i < inputs; i++) cell[i] = i;
        int n = order.length;
        int rowLimit = options.rowSize();
        int[] pos = new int[graph.nodes()];
        Arrays.fill(pos, -1);
        GateImpl[] impl = new GateImpl[n];
        int[] prestate = new int[n];
        for (int k = 0; k < n; k++) {
            int g = order[k];
            if (graph.isInput(g) || !graph.isCanonical(g)) throw new IllegalStateException("order holds node " + g + ", which is not a canonical gate");
            if (pos[g] >= 0) throw new IllegalStateException("gate " + g + " scheduled twice");
            pos[g] = k;
            for (int f : graph.fanins(g)) {
                if (!graph.isInput(f) && (pos[f] < 0 || pos[f] >= k)) throw new IllegalStateException("gate " + g + " runs before its fan-in " + f);
            }
            if (graph.isConstant(g)) {
                prestate[k] = graph.constantValue(g);
            } else {
                impl[k] = implOf(family, graph.network().gate(g).primitive());
                prestate[k] = impl[k].destPrestate();
            }
            int c = cell[g];
            // an in-place gate keeps its source's cell: an input's own when inputs are consumed (checked below)
            if ((c < inputs && graph.inPlaceSource(g) < 0) || c >= rowLimit) throw new IllegalStateException("gate " + g + " placed in cell " + c + " outside " + inputs + ".." + (rowLimit - 1));
        }
        for (int i = 0; i < graph.network().numOutputs(); i++) {
            int o = graph.outputNode(i);
            if (!graph.isInput(o) && pos[o] < 0) throw new IllegalStateException("output " + graph.network().outputNames().get(i) + " is never computed");
        }
        int[] lastRead = new int[graph.nodes()];
        for (int k = 0; k < n; k++) {
            lastRead[order[k]] = Math.max(lastRead[order[k]], k);
            for (int f : graph.fanins(order[k])) lastRead[f] = k;
        }

        // Walk the cells: first uses go to T0, reuses need an init point in (lastRead(old) .. k].
        int maxCell = inputs - 1;
        for (int k = 0; k < n; k++) maxCell = Math.max(maxCell, cell[order[k]]);
        int[] occupant = new int[maxCell + 1];
        Arrays.fill(occupant, -1);
        for (int i = 0; i < inputs; i++) occupant[i] = i;
        List<Integer> t0One = new ArrayList<>();
        List<Integer> t0Zero = new ArrayList<>();
        int[] reinitAt = new int[n]; // -1: none; else the point (before step p) that re-initialises this gate's cell
        Arrays.fill(reinitAt, -1);
        int[] lastPoint = {-1, -1};
        boolean bulk = options.init() != InitModel.SINGLE; // bulk and op: one init op sets any cells in one cycle
        boolean[] initFree = new boolean[n]; // under single: the cell's dead value already gives the gate its exact result
        kautz.isa.WindowImplication.Dag dag = bulk ? null : InitFree.dag(graph);
        for (int k = 0; k < n; k++) {
            int g = order[k];
            int c = cell[g];
            int prev = occupant[c];
            if (graph.inPlaceSource(g) >= 0) {
                if (prev != graph.inPlaceSource(g)) throw new IllegalStateException("in-place gate " + g + " is not in its fan-in's cell");
                if (lastRead[prev] > k) throw new IllegalStateException("in-place gate " + g + " overwrites node " + prev + " before its last reader");
                occupant[c] = g;
                continue;
            }
            if (prev < 0) {
                (prestate[k] == 1 ? t0One : t0Zero).add(c);
            } else {
                if (graph.isOutput(prev) || lastRead[prev] >= k) {
                    throw new IllegalStateException("gate " + g + " overwrites cell " + c + " while node " + prev + " still needs it");
                }
                if (!bulk && InitFree.exact(graph, family, dag, g, prev)) initFree[k] = true;
                int v = prestate[k];
                if (lastPoint[v] < lastRead[prev] + 1) lastPoint[v] = k;
                reinitAt[k] = lastPoint[v];
            }
            occupant[c] = g;
        }

        List<MicroOp> ops = new ArrayList<>();
        if (bulk) {
            addInit(ops, Opcode.INIT1, t0One);
            addInit(ops, Opcode.INIT0, t0Zero);
        }
        // Group the re-initialisations by point and value.
        List<List<Integer>> ones = new ArrayList<>(n);
        List<List<Integer>> zeros = new ArrayList<>(n);
        for (int k = 0; k < n; k++) { ones.add(null); zeros.add(null); }
        for (int k = 0; k < n; k++) {
            int p = reinitAt[k];
            if (p < 0) continue;
            List<List<Integer>> byPoint = prestate[k] == 1 ? ones : zeros;
            if (byPoint.get(p) == null) byPoint.set(p, new ArrayList<>());
            byPoint.get(p).add(cell[order[k]]);
        }
        for (int k = 0; k < n; k++) {
            int g = order[k];
            int c = cell[g];
            if (bulk) {
                if (ones.get(k) != null) addInit(ops, Opcode.INIT1, ones.get(k));
                if (zeros.get(k) != null) addInit(ops, Opcode.INIT0, zeros.get(k));
            }
            if (graph.inPlaceSource(g) >= 0) { // q := ¬p ∨ q on the dying last fan-in
                int[] f = graph.fanins(g);
                for (int i = 0; i < f.length - 1; i++) ops.add(MicroOp.of(impl[k].opcode(), cell[f[i]], c));
                continue;
            }
            if (!bulk && !initFree[k]) ops.add(MicroOp.of(prestate[k] == 1 ? Opcode.INIT1 : Opcode.INIT0, c));
            if (impl[k] != null) emitGate(ops, impl[k], c, graph.fanins(g), cell);
        }

        ImmutableList.Builder<IoBit> in = ImmutableList.builder();
        for (int i = 0; i < inputs; i++) in.add(new IoBit(graph.network().inputNames().get(i), i));
        ImmutableList.Builder<IoBit> out = ImmutableList.builder();
        for (int i = 0; i < graph.network().numOutputs(); i++) {
            int o = graph.outputNode(i);
            out.add(new IoBit(graph.network().outputNames().get(i), graph.isInput(o) ? o : cell[o]));
        }
        int rowSize = rowLimit == ScheduleOptions.UNLIMITED ? Math.max(1, maxCell + 1) : rowLimit;
        return new Program(graph.network().name(), family.name(), rowSize, options.init(), in.build(), out.build(), ImmutableList.copyOf(ops),
                consumesInputs(graph, order));
    }

    /** Whether some gate overwrites an input's cell: only then is the program marked {@code .consume-inputs}. */
    private static boolean consumesInputs(GateGraph graph, int[] order) {
        for (int g : order) if (graph.inPlaceSource(g) >= 0 && graph.isInput(graph.inPlaceSource(g))) return true;
        return false;
    }

    /** The family's implementation of a primitive, or a user error naming what the target lacks. */
    public static GateImpl implOf(GateFamily family, Primitive p) {
        return family.implOf(p).orElseThrow(() -> new UserError("target " + family.name() + " cannot execute gate " + p.name()
                + " (map the design to this target first)"));
    }

    private static void addInit(List<MicroOp> ops, Opcode op, List<Integer> cells) {
        if (cells.isEmpty()) return;
        int[] c = cells.stream().mapToInt(Integer::intValue).sorted().toArray();
        ops.add(MicroOp.of(op, c));
    }

    /** One op with all inputs, or one op per input for a serial implementation; IMPLY's operands are (input, dest). */
    private static void emitGate(List<MicroOp> ops, GateImpl impl, int dest, int[] fanins, int[] cell) {
        Opcode oc = impl.opcode();
        if (impl.serial() || oc == Opcode.IMP) { // serial: d preset, then one op per input
            for (int f : fanins) {
                ops.add(oc == Opcode.IMP ? MicroOp.of(oc, cell[f], dest) : MicroOp.of(oc, dest, cell[f]));
            }
            return;
        }
        int[] operands = new int[fanins.length + 1];
        operands[0] = dest;
        for (int i = 0; i < fanins.length; i++) operands[i + 1] = cell[fanins[i]];
        ops.add(MicroOp.of(oc, operands));
    }
}
