package kautz.lang.check;

import java.util.Optional;

/** The built-in gate functions; each works bitwise on operands of one width. */
public enum Builtin {
    /** ~(a | b | …) */
    NOR("nor", 2, Integer.MAX_VALUE),
    /** ~(a & b & …) */
    NAND("nand", 2, Integer.MAX_VALUE),
    /** ~(a ^ b) */
    XNOR("xnor", 2, 2),
    /** ~a | b (material implication, Borghetti's IMPLY) */
    IMP("imp", 2, 2),
    /** (a & b) | (a & c) | (b & c) */
    MAJ("maj", 3, 3);

    public final String name;
    public final int minArgs;
    public final int maxArgs;

    Builtin(String name, int minArgs, int maxArgs) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    public static Optional<Builtin> named(String name) {
        for (Builtin b : values()) if (b.name.equals(name)) return Optional.of(b);
        return Optional.empty();
    }

    public String arity() {
        if (minArgs == maxArgs) return minArgs + " argument" + (minArgs == 1 ? "" : "s");
        return "at least " + minArgs + " arguments";
    }
}
