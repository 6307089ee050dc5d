package kautz.jit;

import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.GateForm;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JIT's own op form, lowered from micro-ops so that every op is small enough for one method:
 * constant writes replace init0/init1/false and sense (levels are known statically in straight-line code;
 * prog disappears), and a gate with more than {@link #MAX_SOURCES} inputs folds them into a scratch cell
 * first ({@code t := 0; t |= a | b …; d &= ~t} for a NOR). Same results as the micro-ops.
 *
 * <p>{@link #optimise} then removes work whose result is known without running it, keeping the results
 * exact: cells whose value is a known constant (after an init, or never written: 0) are folded into the
 * gates that read them (a NOR into a cell known to hold 1 is {@code d := ~(a | b)}, its old value unread),
 * and ops whose result nothing reads are dropped.
 *
 * @param dest     the cell written (q for imp)
 * @param gate     the function of a gate ({@code d := d COMBINE [¬] FOLD(sources)}, from the {@link Opcode}
 *                 table); null for a constant write
 * @param sources  the cells read besides {@code dest} (p for imp)
 * @param constant the value of a constant write
 * @param fresh    the old value of {@code dest} is the gate's identity (1 for the and-combining forms, 0 for
 *                 the or-combining ones), so it is not read
 */
record JitOp(GateForm gate, int dest, ImmutableIntArray sources, long constant, boolean fresh) {
    /** Folds a wide AND into the scratch cell: {@code t := t & (a & b …)}. */
    static final GateForm FOLD_AND = new GateForm(GateForm.Fold.AND, false, GateForm.Combine.AND);
    /** Folds a wide OR into the scratch cell: {@code t := t | (a | b …)}. */
    static final GateForm FOLD_OR = new GateForm(GateForm.Fold.OR, false, GateForm.Combine.OR);

    static final int MAX_SOURCES = 64;

    /** Lowers a program; {@code scratch} is a cell index no micro-op uses. */
    static List<JitOp> lower(Program p, int scratch) {
        List<JitOp> out = new ArrayList<>();
        Map<Integer, Integer> level = new HashMap<>();
        for (MicroOp op : p.ops()) {
            ImmutableIntArray x = op.operands();
            Opcode oc = op.opcode();
            switch (oc.kind()) {
                case INIT -> { for (int k = 0; k < x.length(); k++) out.add(set(x.get(k), oc.constant() == 1 ? -1L : 0)); }
                case PROGRAM -> level.put(x.get(0), op.level());
                case READ -> {
                    int l = level.getOrDefault(x.get(x.length() - 1), 0);
                    for (int k = 0; k < x.length() - 1; k++) out.add(set(x.get(k), k < 31 && (l >>> k & 1) != 0 ? -1L : 0));
                }
                case LOGIC -> gate(out, oc.gate(), op.dest(), op.sources(), scratch);
            }
        }
        return out;
    }

    private static void gate(List<JitOp> out, GateForm g, int d, ImmutableIntArray src, int scratch) {
        if (src.length() <= MAX_SOURCES || g.fold() == GateForm.Fold.MAJ || g.negated() != 0 || !g.hasIdentity()) {
            out.add(new JitOp(g, d, src, 0, false));
            return;
        }
        // t := identity of the fold, t folds the pieces, then the gate reads t alone: fold(t) = t.
        boolean orFold = g.fold() == GateForm.Fold.OR;
        out.add(set(scratch, orFold ? 0 : -1L));
        for (int from = 0; from < src.length(); from += MAX_SOURCES) {
            ImmutableIntArray piece = src.subArray(from, Math.min(src.length(), from + MAX_SOURCES));
            out.add(new JitOp(orFold ? FOLD_OR : FOLD_AND, scratch, piece, 0, false));
        }
        out.add(new JitOp(g, d, ImmutableIntArray.of(scratch), 0, false));
    }

    private static JitOp set(int cell, long value) {
        return new JitOp(null, cell, ImmutableIntArray.of(), value, false);
    }

    /** Whether the op writes a constant. */
    boolean isSet() { return gate == null; }

    /** Whether the op reads its destination's old value. */
    boolean readsDest() { return !isSet() && !fresh; }

    /**
     * Constant folding and dead-op removal (see the class comment). {@code inputs} are the cells loaded
     * before the first op (unknown); every other cell starts known 0. {@code outputs} are read at the end.
     */
    static List<JitOp> optimise(List<JitOp> ops, java.util.BitSet inputs, java.util.BitSet outputs, int cells) {
        Long[] known = new Long[cells];
        for (int c = 0; c < cells; c++) known[c] = inputs.get(c) ? null : 0L;
        List<JitOp> folded = new ArrayList<>(ops.size());
        for (JitOp op : ops) {
            JitOp f = fold(op, known);
            if (f == null) continue; // the destination keeps its value
            folded.add(f);
            known[f.dest] = f.isSet() ? (Long) f.constant : null;
        }
        // drop ops whose result is overwritten or never read
        java.util.BitSet live = (java.util.BitSet) outputs.clone();
        List<JitOp> kept = new ArrayList<>(folded.size());
        for (int i = folded.size() - 1; i >= 0; i--) {
            JitOp op = folded.get(i);
            if (!live.get(op.dest)) continue;
            if (!op.readsDest()) live.clear(op.dest);
            for (int k = 0; k < op.sources.length(); k++) live.set(op.sources.get(k));
            kept.add(op);
        }
        java.util.Collections.reverse(kept);
        return kept;
    }

    /** The op with what is known folded in; null when it leaves its destination unchanged. */
    private static JitOp fold(JitOp op, Long[] known) {
        if (op.isSet()) return op;
        GateForm g = op.gate;
        if (!g.hasIdentity()) return op; // the old value is an operand: nothing to fold without a case analysis
        Long d = op.fresh ? null : known[op.dest];
        Long inner = null;
        ImmutableIntArray src = op.sources;
        if (g.fold() != GateForm.Fold.MAJ && g.negated() == 0) {
            long absorbing = g.fold() == GateForm.Fold.OR ? -1L : 0L;
            long identity = ~absorbing;
            ImmutableIntArray.Builder rest = ImmutableIntArray.builder();
            boolean absorbed = false;
            for (int k = 0; k < src.length(); k++) {
                Long v = known[src.get(k)];
                if (v == null) rest.add(src.get(k));
                else if (v == absorbing) absorbed = true;
            }
            src = rest.build();
            if (absorbed) inner = absorbing;
            else if (src.isEmpty()) inner = identity;
        }
        long destIdentity = g.identity() ? -1L : 0L;
        if (inner != null) {
            long value = g.complemented() ? ~inner : inner;
            if (value == destIdentity) return null;          // d & 1 = d, d | 0 = d
            return set(op.dest, value);                        // d & 0 = 0, d | 1 = 1
        }
        if (d != null) {
            if (d != destIdentity) return set(op.dest, d);     // 0 & x = 0, 1 | x = 1
            return new JitOp(g, op.dest, src, 0, true);        // the old value is the identity: not read
        }
        return new JitOp(g, op.dest, src, 0, op.fresh);
    }
}
