package kautz.isa;

import java.util.List;

/**
 * The function of a logic op, as data: {@code d := d COMBINE [¬] FOLD(sources)}. A MAGIC-style gate only ever
 * pulls its output cell one way, so it has this shape: MAGIC NOR is {@code d := d ∧ ¬(a ∨ b …)}, IMPLY
 * {@code q := q ∨ ¬p}, FELIX's minority {@code d := d ∧ ¬maj(a, b, c)}. A bipolar cell switched by both of its
 * terminals takes its old value as one more operand of the fold ({@link Combine#OPERAND}): RM3 is
 * {@code d := maj(a, ¬b, d)}. Sources named in {@code negated} are read complemented. The {@link Opcode} table
 * gives each logic opcode its form, and every engine derives the op's meaning from it: {@link #apply} over any
 * {@link BooleanAlgebra}, {@link #word} over 64-row words.
 *
 * @param fold        how the sources combine
 * @param complemented whether the folded value is complemented
 * @param combine     how the result meets the destination's old value (AND: the destination must hold 1 first;
 *                    OR: it must hold 0; OPERAND: the old value is the fold's last operand, no pre-state)
 * @param negated     bit {@code k} set: source {@code k} enters the fold complemented
 */
public record GateForm(Fold fold, boolean complemented, Combine combine, int negated) {
    public GateForm {
        if (negated < 0) throw new IllegalArgumentException("negated sources as a non-negative bit mask");
    }

    /** A form whose sources enter the fold as they are. */
    public GateForm(Fold fold, boolean complemented, Combine combine) { this(fold, complemented, combine, 0); }

    /** How the sources combine. */
    public enum Fold {
        /** a ∨ b ∨ … (one source: a) */
        OR,
        /** a ∧ b ∧ … */
        AND,
        /** maj(a, b, c): exactly three sources */
        MAJ
    }

    /** How the folded value meets the destination's old value. */
    public enum Combine {
        /** d := d ∧ inner: the destination must hold 1 first */
        AND,
        /** d := d ∨ inner: the destination must hold 0 first */
        OR,
        /** d := [¬] FOLD(sources, d): the old value is an operand, as in RM3 */
        OPERAND
    }

    /** Whether the result is the inner value alone for some old value of the destination (not for OPERAND). */
    public boolean hasIdentity() { return combine != Combine.OPERAND; }

    /** The destination's old value that leaves the result equal to the inner value alone: 1 for AND, 0 for OR. */
    public boolean identity() {
        if (!hasIdentity()) throw new IllegalStateException(this + " reads its destination as an operand");
        return combine == Combine.AND;
    }

    /** The new value of the destination, with old value {@code dest}, from the old values of the sources. */
    public <T> T apply(BooleanAlgebra<T> alg, T dest, List<T> sources) {
        if (combine == Combine.OPERAND) {
            List<T> all = new java.util.ArrayList<>(sources.size() + 1);
            for (int k = 0; k < sources.size(); k++) all.add(negated(k) ? alg.not(sources.get(k)) : sources.get(k));
            all.add(dest);
            T v = foldOf(alg, all);
            return complemented ? alg.not(v) : v;
        }
        T inner = inner(alg, sources);
        return combine == Combine.AND ? alg.and(dest, inner) : alg.or(dest, inner);
    }

    /** Whether source {@code k} enters the fold complemented. */
    public boolean negated(int k) { return k < 31 && (negated >>> k & 1) != 0; }

    /** The folded sources, complemented when the form says so: the whole result when the old value is the identity. */
    public <T> T inner(BooleanAlgebra<T> alg, List<T> sources) {
        if (!hasIdentity()) throw new IllegalStateException(this + " reads its destination as an operand");
        List<T> s = sources;
        if (negated != 0) {
            s = new java.util.ArrayList<>(sources.size());
            for (int k = 0; k < sources.size(); k++) s.add(negated(k) ? alg.not(sources.get(k)) : sources.get(k));
        }
        T v = foldOf(alg, s);
        return complemented ? alg.not(v) : v;
    }

    private <T> T foldOf(BooleanAlgebra<T> alg, List<T> operands) {
        if (fold == Fold.MAJ) return alg.maj(operands.get(0), operands.get(1), operands.get(2));
        T v = operands.get(0);
        for (int k = 1; k < operands.size(); k++) v = fold == Fold.OR ? alg.or(v, operands.get(k)) : alg.and(v, operands.get(k));
        return v;
    }

    /**
     * {@link #apply} on word {@code w} of 64 rows, {@code src} the sources' bit-planes in order. The same function
     * as {@code apply} over {@link #WORDS} (GateFormTest checks every form), written out for speed.
     */
    public long word(long dest, long[][] src, int w) {
        int n = src.length + (combine == Combine.OPERAND ? 1 : 0);
        long v;
        if (fold == Fold.MAJ) {
            long a = operand(src, 0, w, dest), b = operand(src, 1, w, dest), c = operand(src, 2, w, dest);
            v = (a & b) | (c & (a | b));
        } else {
            v = operand(src, 0, w, dest);
            for (int k = 1; k < n; k++) v = fold == Fold.OR ? v | operand(src, k, w, dest) : v & operand(src, k, w, dest);
        }
        if (complemented) v = ~v;
        return switch (combine) {
            case AND -> dest & v;
            case OR -> dest | v;
            case OPERAND -> v;
        };
    }

    /** Operand {@code k} of the fold on word {@code w}: a source as the form reads it, or past them the old value. */
    private long operand(long[][] src, int k, int w, long dest) {
        if (k == src.length) return dest;
        return negated(k) ? ~src[k][w] : src[k][w];
    }

    /**
     * {@link #word} on every word of the destination plane {@code d} (all rows of one cell), the branches taken
     * once per plane rather than once per word.
     */
    public void planes(long[] d, long[][] src, int words) {
        long flip = complemented ? -1L : 0L;
        boolean and = combine == Combine.AND;
        if (negated != 0 || combine == Combine.OPERAND) {
            for (int w = 0; w < words; w++) d[w] = word(d[w], src, w);
        } else if (fold == Fold.MAJ) {
            long[] a = src[0], b = src[1], c = src[2];
            if (and) for (int w = 0; w < words; w++) d[w] &= ((a[w] & b[w]) | (c[w] & (a[w] | b[w]))) ^ flip;
            else for (int w = 0; w < words; w++) d[w] |= ((a[w] & b[w]) | (c[w] & (a[w] | b[w]))) ^ flip;
        } else if (src.length == 1) {
            long[] a = src[0];
            if (and) for (int w = 0; w < words; w++) d[w] &= a[w] ^ flip;
            else for (int w = 0; w < words; w++) d[w] |= a[w] ^ flip;
        } else if (src.length == 2 && fold == Fold.OR) {
            long[] a = src[0], b = src[1];
            if (and) for (int w = 0; w < words; w++) d[w] &= (a[w] | b[w]) ^ flip;
            else for (int w = 0; w < words; w++) d[w] |= (a[w] | b[w]) ^ flip;
        } else if (src.length == 2) {
            long[] a = src[0], b = src[1];
            if (and) for (int w = 0; w < words; w++) d[w] &= (a[w] & b[w]) ^ flip;
            else for (int w = 0; w < words; w++) d[w] |= (a[w] & b[w]) ^ flip;
        } else {
            for (int w = 0; w < words; w++) d[w] = word(d[w], src, w);
        }
    }

    /** The algebra of 64-row words: each bit a row. */
    public static final BooleanAlgebra<Long> WORDS = new BooleanAlgebra<>() {
        @Override public Long zero() { return 0L; }
        @Override public Long one() { return -1L; }
        @Override public Long not(Long a) { return ~a; }
        @Override public Long and(Long a, Long b) { return a & b; }
        @Override public Long or(Long a, Long b) { return a | b; }
    };
}
