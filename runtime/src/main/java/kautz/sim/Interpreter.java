package kautz.sim;

import kautz.isa.GateForm;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
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

    /**
     * Executes one op on {@code words} words of every cell; shared with {@link RowTrace}. The op's function comes
     * from the {@link kautz.isa.Opcode} table: an init op's constant, a logic op's {@link GateForm}.
     */
    static void step(MicroOp op, long[][] c, int[] level, int words) {
        var x = op.operands();
        Opcode oc = op.opcode();
        switch (oc.kind()) {
            case INIT -> {
                long v = oc.constant() == 1 ? -1L : 0L;
                for (int k = 0; k < x.length(); k++) Arrays.fill(c[x.get(k)], v);
            }
            case LOGIC -> {
                GateForm g = oc.gate();
                var s = op.sources();
                long[][] src = new long[s.length()][];
                for (int k = 0; k < src.length; k++) src[k] = c[s.get(k)];
                g.planes(c[op.dest()], src, words);
            }
            case PROGRAM -> level[x.get(0)] = op.level();
            case READ -> {
                int l = level[x.get(x.length() - 1)];
                for (int k = 0; k < x.length() - 1; k++) Arrays.fill(c[x.get(k)], k < 31 && (l >>> k & 1) != 0 ? -1L : 0L);
            }
        }
    }
}
