package kautz.mapping;

import kautz.mapped.MappedNetwork;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The roots a mapping claims are true: on random patterns every rooted gate computes exactly its root literal of
 * the mapped-from network, for every family, through full-adder rewriting and in-place legalising; and rooting
 * changes nothing about the mapping itself.
 */
class RootedMappingTest {
    private static final List<String> FAMILIES = List.of("magic-nor", "magic-nor-4", "magic", "imply", "felix");

    @Test
    void everyFamilysRootsAreTrueAndTheMappingIsUnchanged() {
        List<Aig> circuits = List.of(RandomAigs.random(31, 9, 160, 6), RandomAigs.random(32, 12, 240, 8), rippleAdder(6));
        for (String name : FAMILIES) {
            GateFamily family = Families.resolve(name);
            for (Aig aig : circuits) {
                for (boolean consume : new boolean[] {false, true}) {
                    if (consume && !family.has(kautz.mapped.Primitives.IMP2)) continue;
                    RootedMapping r = TechnologyMapper.mapRooted(aig, family, "k", consume);
                    assertEquals(TechnologyMapper.map(aig, family, "k", consume), r.network(), name + ": the same mapping");
                    int rooted = assertRootsTrue(aig, r, name);
                    // a NOR formula's inner gates have no root: a quarter at least, and every gate an output reads
                    assertTrue(rooted * 4 >= r.network().gates().size(), name + ": " + rooted + " of "
                            + r.network().gates().size() + " gates rooted");
                    MappedNetwork m = r.network();
                    for (int o = 0; o < m.numOutputs(); o++) {
                        int v = m.outputNodes().get(o);
                        if (!m.isInput(v) && !m.gate(v).primitive().isConstant()) assertTrue(r.root(v) >= 0, name + ": output " + o);
                    }
                }
            }
        }
    }

    @Test
    void fullAdderRewritingMapsEveryKeptNodeBackToTheNodeItComputes() {
        Aig adder = rippleAdder(5);
        for (FullAdders.Form form : FullAdders.Form.values()) {
            FullAdders.Rewritten w = FullAdders.restructure(adder, form);
            assertNotSame(adder, w.aig(), form + ": the adders were found");
            long[] oldValues = nodeValues(adder, 7), newValues = nodeValues(w.aig(), 7);
            int claims = 0;
            for (int n = w.aig().firstAnd(); n < w.aig().size(); n++) {
                if (w.back()[n] < 0) continue;
                assertEquals(literal(oldValues, w.back()[n]), newValues[n], form + ": node " + n);
                claims++;
            }
            assertTrue(claims >= 2 * 5, form + ": every sum and carry is claimed, " + claims);
        }
    }

    /** Checks every root by simulation; returns how many gates have one. */
    static int assertRootsTrue(Aig aig, RootedMapping r, String what) {
        MappedNetwork m = r.network();
        long[] aigValues = nodeValues(aig, 3);
        long[] mapped = mappedValues(m, 3);
        int rooted = 0;
        for (int v = 0; v < m.numNodes(); v++) {
            if (r.root(v) < 0) continue;
            assertEquals(literal(aigValues, r.root(v)), mapped[v], what + ": node " + v + " is its root " + r.root(v));
            if (!m.isInput(v)) rooted++;
        }
        return rooted;
    }

    /** One 64-pattern word of every node, inputs drawn from {@code seed}. */
    static long[] nodeValues(Aig aig, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] v = new long[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) v[i + 1] = rnd.nextLong();
        for (int n = aig.firstAnd(); n < aig.size(); n++) v[n] = literal(v, aig.fanin0(n)) & literal(v, aig.fanin1(n));
        return v;
    }

    /** The same input patterns through the mapped network's gates. */
    static long[] mappedValues(MappedNetwork m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] v = new long[m.numNodes()];
        for (int i = 0; i < m.numInputs(); i++) v[i] = rnd.nextLong();
        long[] args = new long[6];
        for (int g = 0; g < m.gates().size(); g++) {
            MappedNetwork.Gate gate = m.gates().get(g);
            for (int k = 0; k < gate.fanins().length(); k++) args[k] = v[gate.fanins().get(k)];
            v[m.numInputs() + g] = gate.primitive().eval(args);
        }
        return v;
    }

    static long literal(long[] values, int lit) {
        return Lit.isComplement(lit) ? ~values[Lit.node(lit)] : values[Lit.node(lit)];
    }

    /** An n-bit ripple-carry adder written with XOR3 sums and majority carries: n full adders. */
    static Aig rippleAdder(int n) {
        AigBuilder b = new AigBuilder();
        int[] a = new int[n], c = new int[n];
        for (int i = 0; i < n; i++) a[i] = b.addInput("a[" + i + "]");
        for (int i = 0; i < n; i++) c[i] = b.addInput("b[" + i + "]");
        int carry = b.addInput("cin");
        for (int i = 0; i < n; i++) {
            b.addOutput("s[" + i + "]", b.xor(b.xor(a[i], c[i]), carry));
            carry = b.maj(a[i], c[i], carry);
        }
        b.addOutput("cout", carry);
        return b.build();
    }
}
