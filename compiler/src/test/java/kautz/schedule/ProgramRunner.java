package kautz.schedule;

import kautz.isa.MicroOp;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;

import java.util.SplittableRandom;

/**
 * A small bit-parallel evaluator of programs for the scheduler tests, with the physical semantics of
 * docs/isa.md ({@code d := d ∧ ¬(…)} etc.). Cells other than inputs start with random garbage, so a
 * missing initialisation shows up as a mismatch.
 */
final class ProgramRunner {
    private ProgramRunner() {}

    /** Runs {@code words * 64} random rows and counts rows whose outputs differ from {@link MappedNetwork#simulate}. */
    static int mismatches(Program p, MappedNetwork net, int words, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] in = new long[net.numInputs()][words];
        for (long[] a : in) for (int w = 0; w < words; w++) a[w] = rnd.nextLong();
        long[][] expected = net.simulate(in);
        long[][] cells = new long[p.rowSize()][words];
        for (long[] c : cells) for (int w = 0; w < words; w++) c[w] = rnd.nextLong();
        for (int i = 0; i < p.inputs().size(); i++) cells[p.inputs().get(i).cell()] = in[i].clone();
        for (MicroOp op : p.ops()) apply(op, cells, words);
        long bad = 0;
        for (int w = 0; w < words; w++) {
            long diff = 0;
            for (int o = 0; o < p.outputs().size(); o++) {
                long d = cells[p.outputs().get(o).cell()][w] ^ expected[o][w];
                diff |= d;
            }
            bad += Long.bitCount(diff);
        }
        return (int) bad;
    }

    private static void apply(MicroOp op, long[][] c, int words) {
        int[] a = op.operands().toArray();
        for (int w = 0; w < words; w++) {
            switch (op.opcode()) {
                case INIT0 -> { for (int x : a) c[x][w] = 0; }
                case INIT1 -> { for (int x : a) c[x][w] = -1L; }
                case FALSE -> c[a[0]][w] = 0;
                case NOR -> c[a[0]][w] &= ~or(c, a, w);
                case OR -> c[a[0]][w] |= or(c, a, w);
                case NAND -> c[a[0]][w] &= ~and(c, a, w);
                case AND -> c[a[0]][w] |= and(c, a, w);
                case IMP -> c[a[1]][w] |= ~c[a[0]][w];
                case MIN3 -> {
                    long x = c[a[1]][w], y = c[a[2]][w], z = c[a[3]][w];
                    c[a[0]][w] &= ~((x & y) | (x & z) | (y & z));
                }
                default -> throw new IllegalArgumentException("unsupported in tests: " + op);
            }
        }
    }

    private static long or(long[][] c, int[] a, int w) { long r = 0; for (int i = 1; i < a.length; i++) r |= c[a[i]][w]; return r; }
    private static long and(long[][] c, int[] a, int w) { long r = -1L; for (int i = 1; i < a.length; i++) r &= c[a[i]][w]; return r; }
}
