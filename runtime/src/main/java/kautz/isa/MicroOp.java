package kautz.isa;

import com.google.common.primitives.ImmutableIntArray;

/**
 * One micro-op: an opcode, its cell operands (layout documented on {@link Opcode}) and, for {@code prog},
 * the level to program. Immutable.
 */
public record MicroOp(Opcode opcode, ImmutableIntArray operands, int level) {
    public MicroOp {
        if (operands.length() < opcode.minOperands() || operands.length() > opcode.maxOperands()) {
            throw new IllegalArgumentException(opcode.mnemonic() + " takes " + opcode.minOperands()
                    + (opcode.maxOperands() == Integer.MAX_VALUE ? " or more" : opcode.maxOperands() == opcode.minOperands() ? "" : " to " + opcode.maxOperands())
                    + " operands, got " + operands.length());
        }
        for (int i = 0; i < operands.length(); i++) {
            if (operands.get(i) < 0) throw new IllegalArgumentException("negative cell " + operands.get(i));
        }
        if (opcode != Opcode.PROG && level != 0) throw new IllegalArgumentException("only prog has a level");
        if (opcode == Opcode.PROG && level < 0) throw new IllegalArgumentException("negative level");
    }

    public static MicroOp of(Opcode opcode, int... operands) {
        return new MicroOp(opcode, ImmutableIntArray.copyOf(operands), 0);
    }

    public static MicroOp prog(int cell, int level) {
        return new MicroOp(Opcode.PROG, ImmutableIntArray.of(cell), level);
    }

    /** The cell this op writes, for ops with one destination: d, q, or the programmed cell. */
    public int dest() {
        if (opcode.isLogic()) return operands.get(opcode.destOperand());
        return switch (opcode) {
            case INIT0, INIT1, SENSE -> throw new IllegalStateException(opcode.mnemonic() + " writes several cells");
            default -> operands.get(0);
        };
    }

    /** The cells this op reads as logic inputs (the destination's own old value is not listed). */
    public ImmutableIntArray sources() {
        if (opcode.isLogic()) { // every operand but the destination, in order
            int d = opcode.destOperand();
            if (d == 0) return operands.subArray(1, operands.length());
            ImmutableIntArray.Builder b = ImmutableIntArray.builder(operands.length() - 1);
            for (int k = 0; k < operands.length(); k++) if (k != d) b.add(operands.get(k));
            return b.build();
        }
        return switch (opcode) {
            case SENSE -> operands.subArray(operands.length() - 1, operands.length());
            default -> ImmutableIntArray.of();
        };
    }

    /** The cells this op writes. */
    public ImmutableIntArray targets() {
        return switch (opcode) {
            case INIT0, INIT1 -> operands;
            case SENSE -> operands.subArray(0, operands.length() - 1);
            default -> ImmutableIntArray.of(dest());
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(opcode.mnemonic());
        for (int i = 0; i < operands.length(); i++) sb.append(i == 0 ? " " : ", ").append(operands.get(i));
        if (opcode == Opcode.PROG) sb.append(", ").append(level);
        return sb.toString();
    }
}
