package kautz.isa;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random programs for property tests and benchmarks (engines must agree on them). They use every
 * opcode and deliberately include gates whose output cell was not initialised, cells read before they are
 * written, and re-initialised outputs, since the engines must agree on wrong programs too.
 */
public final class RandomPrograms {
    private RandomPrograms() {}

    /**
     * @param seed    the same seed gives the same program
     * @param inputs  input bits (cells {@code 0..inputs-1})
     * @param outputs output bits (random cells)
     * @param ops     number of micro-ops
     * @param rowSize cells in the row; must exceed {@code inputs}
     */
    public static Program generate(long seed, int inputs, int outputs, int ops, int rowSize) {
        if (rowSize <= inputs) throw new IllegalArgumentException("row size must exceed the number of inputs");
        SplittableRandom rnd = new SplittableRandom(seed);
        InitModel model = rnd.nextBoolean() ? InitModel.BULK : InitModel.SINGLE;
        List<IoBit> in = new ArrayList<>();
        for (int i = 0; i < inputs; i++) in.add(new IoBit("a[" + i + "]", i));
        List<IoBit> out = new ArrayList<>();
        for (int o = 0; o < outputs; o++) out.add(new IoBit("y[" + o + "]", rnd.nextInt(rowSize)));
        ImmutableList.Builder<MicroOp> b = ImmutableList.builder();
        Opcode[] all = Opcode.values();
        for (int i = 0; i < ops; i++) {
            Opcode oc = all[rnd.nextInt(all.length)];
            int free = rowSize - inputs;
            switch (oc) {
                case INIT0, INIT1 -> b.add(new MicroOp(oc, cells(rnd, 1 + rnd.nextInt(3), inputs, free), 0));
                case FALSE -> b.add(MicroOp.of(oc, inputs + rnd.nextInt(free)));
                case PROG -> b.add(MicroOp.prog(inputs + rnd.nextInt(free), rnd.nextInt(8)));
                case SENSE -> {
                    int[] cells = new int[2 + rnd.nextInt(3)];
                    for (int j = 0; j < cells.length - 1; j++) cells[j] = inputs + rnd.nextInt(free);
                    cells[cells.length - 1] = inputs + rnd.nextInt(free);
                    b.add(MicroOp.of(oc, cells));
                }
                default -> { // a logic op, from its operand counts in the table: the destination outside the inputs
                    int n = oc.minOperands() + rnd.nextInt(Math.min(oc.maxOperands(), oc.minOperands() + 3) - oc.minOperands() + 1);
                    int[] cells = new int[n];
                    for (int j = 0; j < n; j++) cells[j] = rnd.nextInt(rowSize);
                    cells[oc.destOperand()] = inputs + rnd.nextInt(free);
                    b.add(MicroOp.of(oc, cells));
                }
            }
        }
        return new Program("random" + seed, "any", rowSize, model, ImmutableList.copyOf(in), ImmutableList.copyOf(out), b.build());
    }

    private static ImmutableIntArray cells(SplittableRandom rnd, int n, int from, int span) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) c[i] = from + rnd.nextInt(span);
        return ImmutableIntArray.copyOf(c);
    }

    private static final int CHAIN_INPUTS = 64;
    private static final int BLOCK = 1000;

    /**
     * A large program in which every gate matters (for timing the JIT and testing its method splitting):
     * NOR gates in blocks of 1000; gate i reads gate i-1 and a random one of the 500 before it (or an input),
     * so no gate is dead code; each block's cells are set by one bulk init1 (two regions of the row take
     * turns, so a block only re-initialises cells no later gate reads). The last 64 gates are the outputs.
     */
    public static Program chain(int gates, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] cellOf = new int[gates];
        ImmutableList.Builder<MicroOp> ops = ImmutableList.builder();
        for (int i = 0; i < gates; i++) {
            int region = CHAIN_INPUTS + (i / BLOCK % 2) * BLOCK;
            if (i % BLOCK == 0) {
                int n = Math.min(BLOCK, gates - i);
                int[] cells = new int[n];
                for (int k = 0; k < n; k++) cells[k] = region + k;
                ops.add(new MicroOp(Opcode.INIT1, ImmutableIntArray.copyOf(cells), 0));
            }
            cellOf[i] = region + i % BLOCK;
            int a = i == 0 ? 0 : cellOf[i - 1];
            int back = 1 + rnd.nextInt(Math.min(500, Math.max(1, i)));
            int b = i - back >= 0 && rnd.nextInt(8) != 0 ? cellOf[i - back] : rnd.nextInt(CHAIN_INPUTS);
            ops.add(MicroOp.of(Opcode.NOR, cellOf[i], a, b));
        }
        ImmutableList.Builder<IoBit> in = ImmutableList.builder();
        for (int i = 0; i < CHAIN_INPUTS; i++) in.add(new IoBit("a[" + i + "]", i));
        ImmutableList.Builder<IoBit> out = ImmutableList.builder();
        for (int o = 0; o < Math.min(64, gates); o++) out.add(new IoBit("y[" + o + "]", cellOf[gates - 1 - o]));
        return new Program("chain" + gates, "magic-nor", CHAIN_INPUTS + 2 * BLOCK, InitModel.BULK, in.build(), out.build(), ops.build());
    }
}
