package kautz.mapping;

/**
 * Recognises majority functions of three cut leaves in any input and output polarity, as
 * {@code f == MAJ(x ^ q) ^ r}: the full-adder carry, and what FELIX's Min3 ({@code ¬MAJ}) computes in one gate.
 * Truth tables are the 16-bit tables of {@link Cuts} (leaf i is {@code x_i}; the fourth input is unused).
 */
final class Majorities {
    private static final int X0 = 0xAAAA, X1 = 0xCCCC, X2 = 0xF0F0;

    private Majorities() {}

    /** {q, r} with {@code f == MAJ(x ^ q) ^ r} (bit i of q complements leaf i), or null when f is no majority. */
    static int[] of(int f) {
        for (int q = 0; q < 8; q++) {
            int a = (q & 1) != 0 ? ~X0 : X0;
            int b = (q & 2) != 0 ? ~X1 : X1;
            int c = (q & 4) != 0 ? ~X2 : X2;
            int maj = ((a & b) | (a & c) | (b & c)) & 0xFFFF;
            if (f == maj) return new int[] {q, 0};
            if (f == (~maj & 0xFFFF)) return new int[] {q, 1};
        }
        return null;
    }
}
