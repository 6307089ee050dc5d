package kautz.target;

import kautz.isa.Opcode;
import kautz.mapped.Primitive;

/**
 * How a family realises one primitive with micro-ops: the opcode, the value the output cell must hold
 * first ({@code destPrestate}, 1 or 0; set by an init op unless the cell already holds it), and whether
 * the op takes all inputs at once ({@code serial == false}: {@code nor d, a, b}) or one op per input
 * ({@code serial == true}: IMPLY's {@code false d; imp a, d; imp b, d} computes NAND(a, b)).
 * {@code cycles} is the number of logic cycles the gate costs (init not included).
 */
public record GateImpl(Primitive primitive, Opcode opcode, int destPrestate, boolean serial) {
    public GateImpl {
        if (destPrestate != 0 && destPrestate != 1) throw new IllegalArgumentException("destPrestate must be 0 or 1");
    }

    public int cycles() { return serial ? primitive.arity() : 1; }
}
