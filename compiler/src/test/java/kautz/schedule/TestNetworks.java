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
final class TestNetworks {
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
}
