package kautz.target;

import kautz.isa.Opcode;
import kautz.mapped.Primitive;

/**
 * How a family realises one primitive with micro-ops. Three forms:
 * <ul>
 *   <li>parallel ({@code serial == false, inPlace == false}): the output cell is set to {@code destPrestate}
 *       (1 for nor/nand/min3, 0 for or/and) unless it already holds it, then one op takes all inputs:
 *       {@code nor d, a, b};</li>
 *   <li>serial ({@code serial == true}): the output cell is set to {@code destPrestate}, then one op per
 *       input: IMPLY's {@code false d; imp a, d; imp b, d} computes NAND(a, b) (and NOT with one input);</li>
 *   <li>in place ({@code inPlace == true}, IMPLY's {@code imp p, q}): the last fan-in's cell is the output
 *       cell, q := ¬p ∨ q; when that fan-in's value is still needed later, the emitter copies it first.</li>
 * </ul>
 * {@link #cycles()} is the number of logic cycles the gate costs (initialisation not included). A family file may
 * give the gate a {@link GateCost} of its own (cycles, energy), which the mapper weighs instead ({@link #mapCost()}).
 */
public record GateImpl(Primitive primitive, Opcode opcode, int destPrestate, boolean serial, boolean inPlace, GateCost cost) {
    public GateImpl {
        if (cost == null) cost = GateCost.NONE;
        if (destPrestate != 0 && destPrestate != 1) throw new IllegalArgumentException("destPrestate must be 0 or 1");
        if (serial && inPlace) throw new IllegalArgumentException("a gate is serial or in place, not both");
        if (primitive.isConstant()) throw new IllegalArgumentException("constants are init ops, not gates");
    }

    /** A gate with the cost its ops imply. */
    public GateImpl(Primitive primitive, Opcode opcode, int destPrestate, boolean serial, boolean inPlace) {
        this(primitive, opcode, destPrestate, serial, inPlace, GateCost.NONE);
    }

    /** The same gate with a cost of its own. */
    public GateImpl withCost(GateCost c) { return new GateImpl(primitive, opcode, destPrestate, serial, inPlace, c); }

    /**
     * What the mapper weighs for one gate: the cycles the family file gives, or those its ops take (logic cycles plus
     * the init of a fresh output cell).
     */
    public int mapCost() { return cost.cycles() >= 0 ? cost.cycles() : cycles() + initCycles(); }

    /** Energy per gate the family file gives, in pJ, or 0: the mapper's tie-break between mappings of equal cycles. */
    public double energyPJ() { return Double.isNaN(cost.energyPJ()) ? 0 : cost.energyPJ(); }

    /** A parallel or serial gate. */
    public GateImpl(Primitive primitive, Opcode opcode, int destPrestate, boolean serial) {
        this(primitive, opcode, destPrestate, serial, false);
    }

    /** A gate applying all inputs at once, with the pre-state its opcode needs. */
    public static GateImpl parallel(Primitive p, Opcode op) {
        return new GateImpl(p, op, op.requiredDestState(), false, false);
    }

    public int cycles() { return serial ? primitive.arity() : 1; }

    /** Init cycles the gate needs when its output cell is fresh (in-place gates write an existing cell). */
    public int initCycles() { return inPlace ? 0 : 1; }
}
