package kautz.isa;

/**
 * The micro-op table: the single source of truth for the ISA (DESIGN.md §3). The assembler, the
 * disassembler, the interpreters, the JIT and docs/isa.md derive from it.
 *
 * <p>Operand layout of a {@link MicroOp} by opcode:
 * <ul>
 *   <li>{@code init0/init1 c…}: the cells to set;</li>
 *   <li>{@code nor/or/nand/and d, a…}: destination first, then the inputs;</li>
 *   <li>{@code imp p, q}: q := ¬p ∨ q (q is both read and written); {@code false q}: q := 0;</li>
 *   <li>{@code min3 d, a, b, c};</li>
 *   <li>{@code prog c} with the level in {@link MicroOp#level()};</li>
 *   <li>{@code sense d…, c}: the binary destination cells, then the multi-level source cell.</li>
 * </ul>
 */
public enum Opcode {
    INIT0("init0", 1, Integer.MAX_VALUE, -1, Kind.INIT, "c := 0 (HRS)"),
    INIT1("init1", 1, Integer.MAX_VALUE, -1, Kind.INIT, "c := 1 (LRS)"),
    NOR("nor", 2, Integer.MAX_VALUE, 1, Kind.LOGIC, "d := d ∧ ¬(a ∨ b ∨ …)"),
    OR("or", 2, Integer.MAX_VALUE, 0, Kind.LOGIC, "d := d ∨ (a ∨ b ∨ …)"),
    NAND("nand", 2, Integer.MAX_VALUE, 1, Kind.LOGIC, "d := d ∧ ¬(a ∧ b ∧ …)"),
    AND("and", 2, Integer.MAX_VALUE, 0, Kind.LOGIC, "d := d ∨ (a ∧ b ∧ …)"),
    IMP("imp", 2, 2, -1, Kind.LOGIC, "q := ¬p ∨ q"),
    FALSE("false", 1, 1, -1, Kind.INIT, "q := 0"),
    MIN3("min3", 4, 4, 1, Kind.LOGIC, "d := d ∧ ¬maj(a, b, c)"),
    PROG("prog", 1, 1, -1, Kind.PROGRAM, "write-verify cell c to level L"),
    SENSE("sense", 2, Integer.MAX_VALUE, -1, Kind.READ, "read multi-level cell c into binary cells d…");

    /** What an op is for: counted apart in cycles and energy. */
    public enum Kind { LOGIC, INIT, PROGRAM, READ }

    private final String mnemonic;
    private final int minOperands;
    private final int maxOperands;
    private final int requiredDestState;
    private final Kind kind;
    private final String semantics;

    Opcode(String mnemonic, int minOperands, int maxOperands, int requiredDestState, Kind kind, String semantics) {
        this.mnemonic = mnemonic;
        this.minOperands = minOperands;
        this.maxOperands = maxOperands;
        this.requiredDestState = requiredDestState;
        this.kind = kind;
        this.semantics = semantics;
    }

    public String mnemonic() { return mnemonic; }
    public int minOperands() { return minOperands; }
    public int maxOperands() { return maxOperands; }
    /** The value the destination must hold before the op for a correct result: 1, 0, or -1 for none. */
    public int requiredDestState() { return requiredDestState; }
    public Kind kind() { return kind; }
    public String semantics() { return semantics; }
    public boolean isLogic() { return kind == Kind.LOGIC; }
    /** init0, init1 and false: ops that set cells to a constant. */
    public boolean isInit() { return kind == Kind.INIT; }

    public static Opcode byMnemonic(String m) {
        for (Opcode o : values()) if (o.mnemonic.equals(m)) return o;
        return null;
    }
}
