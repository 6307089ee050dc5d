package kautz.mapped;

/** The primitives the standard gate families and the netlist readers share. */
public final class Primitives {
    private Primitives() {}

    public static final Primitive ZERO = new Primitive("zero", 0, 0);
    public static final Primitive ONE = new Primitive("one", 0, 1);
    public static final Primitive INV1 = new Primitive("inv1", 1, 0b01);
    public static final Primitive NOR2 = new Primitive("nor2", 2, 0b0001);
    public static final Primitive OR2 = new Primitive("or2", 2, 0b1110);
    public static final Primitive NAND2 = new Primitive("nand2", 2, 0b0111);
    public static final Primitive AND2 = new Primitive("and2", 2, 0b1000);
    /** imp(a, b) = ~a | b; input 0 is a. */
    public static final Primitive IMP2 = new Primitive("imp2", 2, 0b1101);
    /** Minority of three inputs, FELIX's Min3. */
    public static final Primitive MIN3 = new Primitive("min3", 3, 0b00010111);

    /** Majority of three inputs, a node of a majority-inverter graph. */
    public static final Primitive MAJ3 = new Primitive("maj3", 3, 0b11101000);
    /** RM3's function, rm3(a, b, c) = maj(a, ¬b, c); input 2 is the cell it overwrites. */
    public static final Primitive RM3 = new Primitive("rm3", 3, 0b10110010);

    /** k-input NOR: true only for minterm 0. */
    public static Primitive nor(int k) { return k == 1 ? INV1 : k == 2 ? NOR2 : new Primitive("nor" + k, k, 1L); }

    /** k-input OR: true for every minterm but 0. */
    public static Primitive or(int k) { return k == 2 ? OR2 : new Primitive("or" + k, k, fullMask(k) & ~1L); }

    /** k-input NAND: false only for the all-ones minterm. */
    public static Primitive nand(int k) { return k == 2 ? NAND2 : new Primitive("nand" + k, k, fullMask(k) & ~(1L << ((1 << k) - 1))); }

    /** k-input AND: true only for the all-ones minterm. */
    public static Primitive and(int k) { return k == 2 ? AND2 : new Primitive("and" + k, k, 1L << ((1 << k) - 1)); }

    private static long fullMask(int k) { return k == 6 ? -1L : (1L << (1 << k)) - 1; }
}
