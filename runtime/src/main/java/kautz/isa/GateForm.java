package kautz.isa;

import java.util.List;

/**
 * The function of a logic op, as data: {@code d := d COMBINE [¬] FOLD(sources)}. A stateful gate only ever
 * pulls its output cell one way, so every logic op has this shape: MAGIC NOR is {@code d := d ∧ ¬(a ∨ b …)},
 * IMPLY {@code q := q ∨ ¬p}, FELIX's minority {@code d := d ∧ ¬maj(a, b, c)}. The {@link Opcode} table gives
 * each logic opcode its form, and every engine derives the op's meaning from it: {@link #apply} over any
 * {@link BooleanAlgebra}, {@link #word} over 64-row words.
 *
 * @param fold        how the sources combine
 * @param complemented whether the folded value is complemented
 * @param combine     how the result meets the destination's old value (AND: the destination must hold 1 first;
 *                    OR: it must hold 0)
 */
public record GateForm(Fold fold, boolean complemented, Combine combine) {
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
    public enum Combine { AND, OR }

    /** The destination's old value that leaves the result equal to the inner value alone: 1 for AND, 0 for OR. */
    public boolean identity() { return combine == Combine.AND; }

    /** The new value of the destination, with old value {@code dest}, from the old values of the sources. */
    public <T> T apply(BooleanAlgebra<T> alg, T dest, List<T> sources) {
        T inner = inner(alg, sources);
        return combine == Combine.AND ? alg.and(dest, inner) : alg.or(dest, inner);
    }

    /** The folded sources, complemented when the form says so: the whole result when the old value is the identity. */
    public <T> T inner(BooleanAlgebra<T> alg, List<T> sources) {
        T v;
        if (fold == Fold.MAJ) {
            v = alg.maj(sources.get(0), sources.get(1), sources.get(2));
        } else {
            v = sources.get(0);
            for (int k = 1; k < sources.size(); k++) v = fold == Fold.OR ? alg.or(v, sources.get(k)) : alg.and(v, sources.get(k));
        }
        return complemented ? alg.not(v) : v;
    }

    /**
     * {@link #apply} on word {@code w} of 64 rows, {@code src} the sources' bit-planes in order. The same function
     * as {@code apply} over {@link #WORDS} (GateFormTest checks every form), written out for speed.
     */
    public long word(long dest, long[][] src, int w) {
        long v;
        if (fold == Fold.MAJ) {
            long a = src[0][w], b = src[1][w], c = src[2][w];
            v = (a & b) | (c & (a | b));
        } else if (fold == Fold.OR) {
            v = src[0][w];
            for (int k = 1; k < src.length; k++) v |= src[k][w];
        } else {
            v = src[0][w];
            for (int k = 1; k < src.length; k++) v &= src[k][w];
        }
        if (complemented) v = ~v;
        return combine == Combine.AND ? dest & v : dest | v;
    }

    /**
     * {@link #word} on every word of the destination plane {@code d} (all rows of one cell), the branches taken
     * once per plane rather than once per word.
     */
    public void planes(long[] d, long[][] src, int words) {
        long flip = complemented ? -1L : 0L;
        boolean and = combine == Combine.AND;
        if (fold == Fold.MAJ) {
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
