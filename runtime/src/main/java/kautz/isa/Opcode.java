package kautz.isa;

import kautz.isa.GateForm.Combine;
import kautz.isa.GateForm.Fold;

/**
 * The micro-op table: the single source of truth for the ISA. The assembler, the disassembler, docs/isa.md and
 * every engine derive from it: the interpreter, the JIT, the device engine's functional core and the verifier's
 * symbolic execution take a logic op's function from its {@link GateForm} and an init op's value from
 * {@link #constant()}.
 *
 * <p>Operand layout of a {@link MicroOp} by opcode:
 * <ul>
 *   <li>{@code init0/init1 c…}: the cells to set;</li>
 *   <li>{@code nor/or/nand/and d, a…}: destination first, then the inputs;</li>
 *   <li>{@code imp p, q}: q := ¬p ∨ q (q is both read and written); {@code false q}: q := 0;</li>
 *   <li>{@code min3 d, a, b, c}; {@code maj d, a, b}: d := maj(a, ¬b, d);</li>
 *   <li>{@code prog c} with the level in {@link MicroOp#level()};</li>
 *   <li>{@code sense d…, c}: the binary destination cells, then the multi-level source cell.</li>
 * </ul>
 */
public enum Opcode {
    INIT0("init0", 1, Integer.MAX_VALUE, -1, Kind.INIT, null, 0, "c := 0 (HRS)", "c…",
            "RESET to the high-resistance state; the pre-state of OR and AND outputs"),
    INIT1("init1", 1, Integer.MAX_VALUE, -1, Kind.INIT, null, 1, "c := 1 (LRS)", "c…",
            "SET to the low-resistance state; the pre-state of NOR, NAND and MIN3 outputs"),
    NOR("nor", 2, Integer.MAX_VALUE, 1, Kind.LOGIC, gate(Fold.OR, true, Combine.AND), -1, "d := d ∧ ¬(a ∨ b ∨ …)", "d, a…",
            "MAGIC NOR with k ≥ 1 inputs; k = 1 is NOT"),
    OR("or", 2, Integer.MAX_VALUE, 0, Kind.LOGIC, gate(Fold.OR, false, Combine.OR), -1, "d := d ∨ (a ∨ b ∨ …)", "d, a…", "MAGIC OR"),
    NAND("nand", 2, Integer.MAX_VALUE, 1, Kind.LOGIC, gate(Fold.AND, true, Combine.AND), -1, "d := d ∧ ¬(a ∧ b ∧ …)", "d, a…", "MAGIC NAND"),
    AND("and", 2, Integer.MAX_VALUE, 0, Kind.LOGIC, gate(Fold.AND, false, Combine.OR), -1, "d := d ∨ (a ∧ b ∧ …)", "d, a…", "MAGIC AND"),
    IMP("imp", 2, 2, -1, Kind.LOGIC, gate(Fold.OR, true, Combine.OR), -1, "q := ¬p ∨ q", "p, q",
            "IMPLY (Borghetti et al.): q is both an input and the output", 1),
    FALSE("false", 1, 1, -1, Kind.INIT, null, 0, "q := 0", "q", "FALSE of the IMPLY family: one cell to 0"),
    MIN3("min3", 4, 4, 1, Kind.LOGIC, gate(Fold.MAJ, true, Combine.AND), -1, "d := d ∧ ¬maj(a, b, c)", "d, a, b, c", "FELIX minority"),
    MAJ("maj", 3, 3, -1, Kind.LOGIC, new GateForm(Fold.MAJ, false, Combine.OPERAND, 0b10), -1, "d := maj(a, ¬b, d)", "d, a, b",
            "RM3, the resistive majority of PLiM (Gaillardon et al. 2016): d's old value is an operand, so no pre-state"),
    PROG("prog", 1, 1, -1, Kind.PROGRAM, null, -1, "write-verify cell c to level L", "c, L",
            "multi-level write; L is an immediate level, not a cell"),
    SENSE("sense", 2, Integer.MAX_VALUE, -1, Kind.READ, null, -1, "read multi-level cell c into binary cells d…", "d…, c",
            "d₀ receives the least significant bit of the level");

    /** What an op is for: counted apart in cycles and energy. */
    public enum Kind { LOGIC, INIT, PROGRAM, READ }

    private final String mnemonic;
    private final int minOperands;
    private final int maxOperands;
    private final int requiredDestState;
    private final Kind kind;
    private final GateForm gate;
    private final int constant;
    private final String semantics;
    private final String syntax;
    private final String note;
    private final int destOperand;

    Opcode(String mnemonic, int minOperands, int maxOperands, int requiredDestState, Kind kind, GateForm gate, int constant,
           String semantics, String syntax, String note) {
        this(mnemonic, minOperands, maxOperands, requiredDestState, kind, gate, constant, semantics, syntax, note, 0);
    }

    Opcode(String mnemonic, int minOperands, int maxOperands, int requiredDestState, Kind kind, GateForm gate, int constant,
           String semantics, String syntax, String note, int destOperand) {
        this.mnemonic = mnemonic;
        this.minOperands = minOperands;
        this.maxOperands = maxOperands;
        this.requiredDestState = requiredDestState;
        this.kind = kind;
        this.gate = gate;
        this.constant = constant;
        if ((kind == Kind.LOGIC) != (gate != null) || (kind == Kind.INIT) != (constant >= 0)) {
            throw new IllegalStateException(mnemonic + ": a logic op needs a gate form, an init op its constant");
        }
        this.semantics = semantics;
        this.syntax = syntax;
        this.note = note;
        this.destOperand = destOperand;
    }

    /** Where a logic op's destination is among its operands (0: first, then the inputs; imp: 1). */
    public int destOperand() { return destOperand; }

    public String mnemonic() { return mnemonic; }
    public int minOperands() { return minOperands; }
    public int maxOperands() { return maxOperands; }
    /** The value the destination must hold before the op for a correct result: 1, 0, or -1 for none. */
    public int requiredDestState() { return requiredDestState; }
    public Kind kind() { return kind; }
    /** The function of a logic op (null for the others): every engine derives the op's meaning from it. */
    public GateForm gate() { return gate; }
    /** The value an init op sets its cells to, 0 or 1 (-1 for the others). */
    public int constant() { return constant; }
    public String semantics() { return semantics; }
    /** The operand list as written in .kasm after the mnemonic, e.g. {@code d, a…}. */
    public String syntax() { return syntax; }
    /** One line on what the op is (for docs/isa.md and error messages). */
    public String note() { return note; }
    /** The operand count as a phrase: "2", "2 or more", "1 to 3". */
    public String arityPhrase() {
        if (maxOperands == Integer.MAX_VALUE) return minOperands + " or more";
        return minOperands == maxOperands ? Integer.toString(minOperands) : minOperands + " to " + maxOperands;
    }
    public boolean isLogic() { return kind == Kind.LOGIC; }
    /** init0, init1 and false: ops that set cells to a constant. */
    public boolean isInit() { return kind == Kind.INIT; }

    private static GateForm gate(Fold fold, boolean complemented, Combine combine) {
        return new GateForm(fold, complemented, combine);
    }

    public static Opcode byMnemonic(String m) {
        for (Opcode o : values()) if (o.mnemonic.equals(m)) return o;
        return null;
    }
}
