package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.Opcode;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;
import kautz.mapped.Primitives;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Families and seeded random networks for the scheduler tests. */
public final class TestNetworks {
    private TestNetworks() {}

    static final GateFamily MAGIC_NOR = new GateFamily("magic-nor", "NOR2 and NOT", ImmutableList.of(
            new GateImpl(Primitives.NOR2, Opcode.NOR, 1, false), new GateImpl(Primitives.INV1, Opcode.NOR, 1, false)));

    static final GateFamily MAGIC = new GateFamily("magic", "NOR, OR, NAND, AND, NOT", ImmutableList.of(
            new GateImpl(Primitives.NOR2, Opcode.NOR, 1, false), new GateImpl(Primitives.INV1, Opcode.NOR, 1, false),
            new GateImpl(Primitives.OR2, Opcode.OR, 0, false), new GateImpl(Primitives.NAND2, Opcode.NAND, 1, false),
            new GateImpl(Primitives.AND2, Opcode.AND, 0, false)));

    /** IMPLY: NAND2 as {@code false d; imp a, d; imp b, d}, NOT as {@code false d; imp a, d}. */
    static final GateFamily IMPLY = new GateFamily("imply", "IMP and FALSE", ImmutableList.of(
            new GateImpl(Primitives.NAND2, Opcode.IMP, 0, true), new GateImpl(Primitives.INV1, Opcode.IMP, 0, true)));

    /** A random DAG over the given primitives; constants sprinkled in; some outputs are inputs or repeated. */
    static MappedNetwork random(long seed, int inputs, int gates, int outputs, List<Primitive> kinds) {
        SplittableRandom r = new SplittableRandom(seed);
        List<MappedNetwork.Gate> gs = new ArrayList<>();
        for (int g = 0; g < gates; g++) {
            int avail = inputs + g;
            Primitive p = g % 17 == 5 ? (r.nextBoolean() ? Primitives.ZERO : Primitives.ONE) : kinds.get(r.nextInt(kinds.size()));
            int[] f = new int[p.arity()];
            // mostly local fan-ins, like real netlists, sometimes far
            for (int i = 0; i < f.length; i++) f[i] = r.nextInt(4) == 0 ? r.nextInt(avail) : Math.max(0, avail - 1 - r.nextInt(Math.min(avail, 8)));
            gs.add(new MappedNetwork.Gate(p, ImmutableIntArray.copyOf(f)));
        }
        List<String> in = new ArrayList<>();
        for (int i = 0; i < inputs; i++) in.add("x[" + i + "]");
        List<String> on = new ArrayList<>();
        int[] outs = new int[outputs];
        for (int o = 0; o < outputs; o++) {
            on.add("y[" + o + "]");
            outs[o] = o == 0 ? 0 : o == 1 && outputs > 2 ? outs[o - 1] : inputs + gates - 1 - r.nextInt(Math.min(gates, 3 * outputs + 1));
        }
        return new MappedNetwork("rnd" + seed, ImmutableList.copyOf(in), ImmutableList.copyOf(gs), ImmutableList.copyOf(on), ImmutableIntArray.copyOf(outs));
    }

    static MappedNetwork randomNor(long seed, int inputs, int gates, int outputs) {
        return random(seed, inputs, gates, outputs, List.of(Primitives.NOR2, Primitives.NOR2, Primitives.INV1));
    }

    /**
     * Values that two chains read in opposite orders: {@code e_i} (a 6-gate cone over inputs {@code i..i+3})
     * feeds chain {@code c} in order 0..k-1 and chain {@code d} in order k-1..0, so keeping them needs about
     * k/2 cells, and computing them again needs a handful.
     */
    public static MappedNetwork twoWayChains(int k) {
        int inputs = k + 3;
        List<MappedNetwork.Gate> gs = new ArrayList<>();
        java.util.function.IntBinaryOperator nor = (x, y) -> {
            gs.add(new MappedNetwork.Gate(Primitives.NOR2, ImmutableIntArray.of(x, y)));
            return inputs + gs.size() - 1;
        };
        int[] a = new int[k + 2];
        for (int i = 0; i < k + 2; i++) a[i] = nor.applyAsInt(i, i + 1);
        int[] b = new int[k + 1];
        for (int i = 0; i < k + 1; i++) b[i] = nor.applyAsInt(a[i], a[i + 1]);
        int[] e = new int[k];
        for (int i = 0; i < k; i++) e[i] = nor.applyAsInt(b[i], b[i + 1]);
        int c = e[0];
        for (int i = 1; i < k; i++) c = nor.applyAsInt(c, e[i]);
        int d = e[k - 1];
        for (int i = k - 2; i >= 0; i--) d = nor.applyAsInt(d, e[i]);
        List<String> in = new ArrayList<>();
        for (int i = 0; i < inputs; i++) in.add("x[" + i + "]");
        return new MappedNetwork("chains" + k, ImmutableList.copyOf(in), ImmutableList.copyOf(gs), ImmutableList.of("c", "d"), ImmutableIntArray.of(c, d));
    }
}
