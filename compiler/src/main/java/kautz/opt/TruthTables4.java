package kautz.opt;

/** Operations on 4-input truth tables held in the low 16 bits of an int (input 0 the least significant). */
final class TruthTables4 {
    private TruthTables4() {}

    static final int ONES = 0xFFFF;
    /** The projection functions x0..x3. */
    static final int[] VAR = {0xAAAA, 0xCCCC, 0xF0F0, 0xFF00};

    static int not(int f) { return ~f & ONES; }

    /** f with input i fixed to 0, as a function of all four inputs. */
    static int cofactor0(int f, int i) {
        int low = f & ~VAR[i] & ONES;
        return (low | low << (1 << i)) & ONES;
    }

    /** f with input i fixed to 1. */
    static int cofactor1(int f, int i) {
        int high = f & VAR[i];
        return (high | high >>> (1 << i)) & ONES;
    }

    static boolean dependsOn(int f, int i) { return cofactor0(f, i) != cofactor1(f, i); }

    static int support(int f) {
        int s = 0;
        for (int i = 0; i < 4; i++) if (dependsOn(f, i)) s |= 1 << i;
        return s;
    }

    /** f with every input in {@code mask} fixed to 0. */
    static int fixZero(int f, int mask) {
        for (int i = 0; i < 4; i++) if ((mask >>> i & 1) != 0) f = cofactor0(f, i);
        return f;
    }

    /** Existential quantification of the inputs in {@code mask}. */
    static int exists(int f, int mask) {
        for (int i = 0; i < 4; i++) if ((mask >>> i & 1) != 0) f = cofactor0(f, i) | cofactor1(f, i);
        return f;
    }

    /** Universal quantification of the inputs in {@code mask}. */
    static int forall(int f, int mask) {
        for (int i = 0; i < 4; i++) if ((mask >>> i & 1) != 0) f = cofactor0(f, i) & cofactor1(f, i);
        return f;
    }
}
