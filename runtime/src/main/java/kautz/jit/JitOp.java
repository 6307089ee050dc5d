package kautz.jit;

import com.google.common.primitives.ImmutableIntArray;
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
 * @param sources  the cells read besides {@code dest} (p for imp)
 * @param constant the value of a {@link Kind#SET}
 * @param fresh    the old value of {@code dest} is the operation's identity (1 for the and-combining
 *                 kinds, 0 for the or-combining ones), so it is not read
 */
record JitOp(Kind kind, int dest, ImmutableIntArray sources, long constant, boolean fresh) {
    enum Kind {
        /** dest := constant */
        SET,
        /** dest := dest & ~(s0 | s1 …) */
        NOR,
        /** dest := dest | (s0 | s1 …) */
        OR,
        /** dest := dest & ~(s0 & s1 …) */
        NAND,
        /** dest := dest | (s0 & s1 …) */
        AND,
        /** dest := ~s0 | dest */
        IMP,
        /** dest := dest & ~maj(s0, s1, s2) */
        MIN3,
        /** dest := dest & (s0 & s1 …): folds a wide AND into the scratch cell */
        FOLD_AND
    }

    static final int MAX_SOURCES = 64;

    /** Lowers a program; {@code scratch} is a cell index no micro-op uses. */
    static List<JitOp> lower(Program p, int scratch) {
        List<JitOp> out = new ArrayList<>();
        Map<Integer, Integer> level = new HashMap<>();
        for (MicroOp op : p.ops()) {
            ImmutableIntArray x = op.operands();
            switch (op.opcode()) {
                case INIT0, FALSE -> { for (int k = 0; k < x.length(); k++) out.add(set(x.get(k), 0)); }
                case INIT1 -> { for (int k = 0; k < x.length(); k++) out.add(set(x.get(k), -1L)); }
                case PROG -> level.put(x.get(0), op.level());
                case SENSE -> {
                    int l = level.getOrDefault(x.get(x.length() - 1), 0);
                    for (int k = 0; k < x.length() - 1; k++) out.add(set(x.get(k), k < 31 && (l >>> k & 1) != 0 ? -1L : 0));
                }
                case IMP -> out.add(new JitOp(Kind.IMP, x.get(1), x.subArray(0, 1), 0, false));
                case MIN3 -> out.add(new JitOp(Kind.MIN3, x.get(0), x.subArray(1, 4), 0, false));
                case NOR, OR, NAND, AND -> gate(out, op.opcode(), x.get(0), x.subArray(1, x.length()), scratch);
            }
        }
        return out;
    }

    private static void gate(List<JitOp> out, Opcode oc, int d, ImmutableIntArray src, int scratch) {
        Kind kind = switch (oc) {
            case NOR -> Kind.NOR;
            case OR -> Kind.OR;
            case NAND -> Kind.NAND;
            default -> Kind.AND;
        };
        if (src.length() <= MAX_SOURCES) {
            out.add(new JitOp(kind, d, src, 0, false));
            return;
        }
        // or-type: t = ~(a | b | …) folded as an AND of complements is not available, so use
        // nor(t) with t := 0, t |= pieces; and-type: t := -1, t &= pieces. Then apply the gate to t alone.
        boolean orType = kind == Kind.NOR || kind == Kind.OR;
        out.add(set(scratch, orType ? 0 : -1L));
        for (int from = 0; from < src.length(); from += MAX_SOURCES) {
            ImmutableIntArray piece = src.subArray(from, Math.min(src.length(), from + MAX_SOURCES));
            out.add(new JitOp(orType ? Kind.OR : Kind.FOLD_AND, scratch, piece, 0, false));
        }
        out.add(new JitOp(kind, d, ImmutableIntArray.of(scratch), 0, false));
    }

    private static JitOp set(int cell, long value) {
        return new JitOp(Kind.SET, cell, ImmutableIntArray.of(), value, false);
    }

    /** Whether the op reads its destination's old value. */
    boolean readsDest() { return kind != Kind.SET && !fresh; }

    /** Whether the op combines with the destination by AND (so the identity is all ones). */
    private boolean andCombining() { return kind == Kind.NOR || kind == Kind.NAND || kind == Kind.MIN3 || kind == Kind.FOLD_AND; }

    /** Whether the inner function folds its sources with OR (else with AND). */
    private boolean orSources() { return kind == Kind.NOR || kind == Kind.OR; }

    /** Whether the inner value is complemented before combining. */
    private boolean complemented() { return kind == Kind.NOR || kind == Kind.NAND || kind == Kind.MIN3 || kind == Kind.IMP; }

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
            known[f.dest] = f.kind == Kind.SET ? (Long) f.constant : null;
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
        if (op.kind == Kind.SET) return op;
        Long d = op.fresh ? null : known[op.dest];
        if (op.kind == Kind.IMP) { // q := ~p | q
            Long p = known[op.sources.get(0)];
            if (p != null) return p == -1L ? null : set(op.dest, -1L);
            if (d != null) return d == -1L ? set(op.dest, -1L) : new JitOp(Kind.NOR, op.dest, op.sources, 0, true);
            return op;
        }
        Long inner = null;
        ImmutableIntArray src = op.sources;
        if (op.kind != Kind.MIN3) {
            long absorbing = op.orSources() ? -1L : 0L;
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
        boolean andComb = op.andCombining();
        long destIdentity = andComb ? -1L : 0L;
        if (inner != null) {
            long value = op.complemented() ? ~inner : inner;
            if (value == destIdentity) return null;          // d & 1 = d, d | 0 = d
            return set(op.dest, value);                        // d & 0 = 0, d | 1 = 1
        }
        if (d != null) {
            if (d != destIdentity) return set(op.dest, d);     // 0 & x = 0, 1 | x = 1
            return new JitOp(op.kind, op.dest, src, 0, true); // the old value is the identity: not read
        }
        return new JitOp(op.kind, op.dest, src, 0, op.fresh);
    }
}
