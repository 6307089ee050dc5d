package kautz.isa;

import kautz.engines.Engines;

/**
 * Runs a small program that uses an opcode named {@code orn} on one engine; loaded by {@link OpcodeAdditionTest}
 * in a class loader whose {@code Opcode} table has that entry added, so it compiles against the table as shipped.
 */
public final class OpcodeAdditionProbe {
    private OpcodeAdditionProbe() {}

    /** The outputs of the probe program on rows 0..7 (inputs a, b, d the row's bits), as one word per output. */
    public static long[] run(String engine) {
        Program p = Assembler.parse(String.join("\n",
                ".kernel probe", ".rowsize 5",
                ".input a 0", ".input b 1", ".input d 2",
                ".output y 3", ".output z 2",
                "init0 3",
                "orn 3, 0, 1",       // y := ¬(a ∧ b) into a cell holding 0
                "orn 2, 0, 1",       // z := d ∨ ¬(a ∧ b)
                ".end 3 ops", ""), "probe.kasm");
        long[][] in = {{0b10101010L}, {0b11001100L}, {0b11110000L}};
        long[][] out = Engines.byName(engine).prepare(p).run(in, 8);
        return new long[] {out[0][0] & 0xFF, out[1][0] & 0xFF};
    }
}
