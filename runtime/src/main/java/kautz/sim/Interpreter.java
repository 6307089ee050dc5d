package kautz.sim;

import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Program;
import kautz.ports.BitPlanes;

import java.util.Arrays;

/**
 * The reference functional engine: one bit-plane ({@code long[]}, 64 rows per word) per cell, and for each
 * op a loop over the words. Semantics exactly as docs/isa.md: cells that are not inputs start at 0 (HRS);
 * gates are physical ({@code d := d ∧ ¬(…)}, {@code d := d ∨ (…)}); prog/sense use an ideal level store.
 */
public final class Interpreter implements Engine {
    public static final String NAME = "interp";

    @Override public String name() { return NAME; }

    @Override public String summary() { return "interprets the ops one by one over bit-planes (the reference engine)"; }

    @Override
    public Executable prepare(Program program) {
        return new Executable() {
            @Override public Program program() { return program; }
            @Override public long[][] run(long[][] in, int rows) { return execute(program, in, rows); }
        };
    }

    static void checkInputs(Program p, long[][] in, int rows) {
        if (rows < 1) throw new IllegalArgumentException("rows must be at least 1");
        if (in.length != p.inputs().size()) throw new IllegalArgumentException("expected " + p.inputs().size() + " input planes, got " + in.length);
        int words = BitPlanes.words(rows);
        for (long[] plane : in) if (plane.length < words) throw new IllegalArgumentException("an input plane is shorter than " + words + " words");
    }

    private static long[][] execute(Program p, long[][] in, int rows) {
        checkInputs(p, in, rows);
        int words = BitPlanes.words(rows);
        int cells = p.stats().cells();
        long[][] c = new long[cells][words];
        int[] level = new int[cells];
        for (int i = 0; i < in.length; i++) System.arraycopy(in[i], 0, c[p.inputs().get(i).cell()], 0, words);
        for (MicroOp op : p.ops()) step(op, c, level, words);
        long[][] out = new long[p.outputs().size()][];
        long mask = BitPlanes.lastWordMask(rows);
        for (int o = 0; o < out.length; o++) {
            IoBit b = p.outputs().get(o);
            out[o] = Arrays.copyOf(c[b.cell()], words);
            out[o][words - 1] &= mask;
        }
        return out;
    }

    /** Executes one op on {@code words} words of every cell; shared with {@link RowTrace}. */
    static void step(MicroOp op, long[][] c, int[] level, int words) {
        var x = op.operands();
        switch (op.opcode()) {
            case INIT0, FALSE -> { for (int k = 0; k < x.length(); k++) Arrays.fill(c[x.get(k)], 0L); }
            case INIT1 -> { for (int k = 0; k < x.length(); k++) Arrays.fill(c[x.get(k)], -1L); }
            case NOR -> {
                long[] d = c[x.get(0)];
                if (x.length() == 2) {
                    long[] a = c[x.get(1)];
                    for (int w = 0; w < words; w++) d[w] &= ~a[w];
                } else if (x.length() == 3) {
                    long[] a = c[x.get(1)], b = c[x.get(2)];
                    for (int w = 0; w < words; w++) d[w] &= ~(a[w] | b[w]);
                } else {
                    for (int w = 0; w < words; w++) d[w] &= ~any(c, x, w);
                }
            }
            case OR -> { long[] d = c[x.get(0)]; for (int w = 0; w < words; w++) d[w] |= any(c, x, w); }
            case NAND -> { long[] d = c[x.get(0)]; for (int w = 0; w < words; w++) d[w] &= ~all(c, x, w); }
            case AND -> { long[] d = c[x.get(0)]; for (int w = 0; w < words; w++) d[w] |= all(c, x, w); }
            case IMP -> {
                long[] p = c[x.get(0)], q = c[x.get(1)];
                for (int w = 0; w < words; w++) q[w] = ~p[w] | q[w];
            }
            case MIN3 -> {
                long[] d = c[x.get(0)], a = c[x.get(1)], b = c[x.get(2)], e = c[x.get(3)];
                for (int w = 0; w < words; w++) d[w] &= ~((a[w] & b[w]) | (a[w] & e[w]) | (b[w] & e[w]));
            }
            case PROG -> level[x.get(0)] = op.level();
            case SENSE -> {
                int l = level[x.get(x.length() - 1)];
                for (int k = 0; k < x.length() - 1; k++) Arrays.fill(c[x.get(k)], k < 31 && (l >>> k & 1) != 0 ? -1L : 0L);
            }
        }
    }

    /** OR of the sources (operands 1..) at word w. */
    private static long any(long[][] c, com.google.common.primitives.ImmutableIntArray x, int w) {
        long r = 0;
        for (int k = 1; k < x.length(); k++) r |= c[x.get(k)][w];
        return r;
    }

    private static long all(long[][] c, com.google.common.primitives.ImmutableIntArray x, int w) {
        long r = -1L;
        for (int k = 1; k < x.length(); k++) r &= c[x.get(k)][w];
        return r;
    }
}
