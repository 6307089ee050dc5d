package kautz.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Which in-place gates the legaliser keeps: exactly those whose q's other readers do not depend on them. */
class InPlaceLegaliserTest {
    /** x0, x1; q = nand(x0, x1); g = imp(x0, q); then {@code chain} inverters after g; then {@code last}. */
    private static RootedMapping withChain(int chain, Primitive last, boolean lastReadsChain) {
        List<MappedNetwork.Gate> gates = new ArrayList<>();
        gates.add(gate(Primitives.NAND2, 0, 1)); // node 2: q
        gates.add(gate(Primitives.IMP2, 0, 2)); // node 3: g overwrites q
        for (int i = 0; i < chain; i++) gates.add(gate(Primitives.INV1, 3 + i));
        int chainEnd = 2 + gates.size() - 1;
        gates.add(lastReadsChain ? gate(last, chainEnd, 2) : gate(last, 2)); // q's other reader
        int reader = 2 + gates.size() - 1;
        MappedNetwork m = new MappedNetwork("t", ImmutableList.of("x0", "x1"), ImmutableList.copyOf(gates),
                ImmutableList.of("y0", "y1"), ImmutableIntArray.of(chainEnd, reader));
        int[] roots = new int[m.numNodes()];
        Arrays.fill(roots, RootedMapping.NONE);
        return new RootedMapping(m, ImmutableIntArray.copyOf(roots));
    }

    private static MappedNetwork.Gate gate(Primitive p, int... fanins) {
        return new MappedNetwork.Gate(p, ImmutableIntArray.copyOf(fanins));
    }

    private static long inPlace(MappedNetwork m) {
        return m.gates().stream().filter(g -> g.primitive().equals(Primitives.IMP2)).count();
    }

    private static void assertSameFunction(MappedNetwork a, MappedNetwork b) {
        long[][] in = {{0b1100L}, {0b1010L}};
        long[][] x = a.simulate(in);
        long[][] y = b.simulate(in);
        for (int o = 0; o < x.length; o++) assertEquals(x[o][0] & 0xF, y[o][0] & 0xF, "output " + o);
    }

    @Test
    void keepsTheGateWhenOnlyALongConeUnrelatedToTheOtherReaderFollowsIt() {
        // everything after g is a chain of more nodes than a search may visit, none of them q's other reader: the
        // search backward from that reader settles it at once
        RootedMapping m = withChain(3 * InPlaceLegaliser.REACH_LIMIT, Primitives.INV1, false);
        MappedNetwork out = InPlaceLegaliser.legalise(m, false).network();
        assertEquals(1, inPlace(out));
        assertEquals(m.network().gates().size(), out.gates().size());
        int imp = out.gates().indexOf(gate(Primitives.IMP2, 0, 2));
        int reader = out.gates().indexOf(gate(Primitives.INV1, 2));
        assertTrue(reader >= 0 && reader < imp, "q's other reader moves before the gate that overwrites q");
        assertSameFunction(m.network(), out);
    }

    @Test
    void rewritesTheGateWhenTheOtherReaderDependsOnItThroughAChain() {
        // q's other reader also reads the chain's end, so it must run after g: g cannot overwrite q
        RootedMapping m = withChain(InPlaceLegaliser.REACH_LIMIT / 8, Primitives.NAND2, true);
        MappedNetwork out = InPlaceLegaliser.legalise(m, false).network();
        assertEquals(0, inPlace(out));
        assertSameFunction(m.network(), out);
    }

    @Test
    void keepsTheGateWhenTheOtherReaderComesFirst() {
        MappedNetwork m = new MappedNetwork("t", ImmutableList.of("x0", "x1"), ImmutableList.of(
                gate(Primitives.NAND2, 0, 1), gate(Primitives.INV1, 2), gate(Primitives.IMP2, 0, 2)),
                ImmutableList.of("y0", "y1"), ImmutableIntArray.of(3, 4));
        int[] roots = new int[m.numNodes()];
        Arrays.fill(roots, RootedMapping.NONE);
        MappedNetwork out = InPlaceLegaliser.legalise(new RootedMapping(m, ImmutableIntArray.copyOf(roots)), false).network();
        assertEquals(m, out);
    }
}
