package kautz.mapping;

import kautz.mapped.MappedNetwork;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TechnologyMapperTest {
    static void assertSameFunction(Aig aig, MappedNetwork m, long seed) {
        long[][] in = BitPlanes.random(aig.numInputs(), 1024, seed);
        long[][] want = AigSimulator.simulate(aig, in);
        long[][] got = m.simulate(in);
        for (int o = 0; o < want.length; o++) assertArrayEquals(want[o], got[o], "output " + aig.outputName(o));
    }

    static void assertOnlyFamilyGates(MappedNetwork m, GateFamily f) {
        for (MappedNetwork.Gate g : m.gates()) {
            assertTrue(g.primitive().isConstant() || f.has(g.primitive()), g.primitive().name() + " is not in " + f.name());
        }
    }

    @Test
    void everyFamilyMapsRandomNetworksExactly() {
        for (GateFamily f : Families.builtIns()) {
            for (long seed = 1; seed <= 20; seed++) {
                Aig aig = RandomAigs.random(seed, 6 + (int) (seed % 5), 40, 8);
                MappedNetwork m = TechnologyMapper.map(aig, f, "r" + seed);
                assertOnlyFamilyGates(m, f);
                assertSameFunction(aig, m, seed);
            }
        }
    }

    @Test
    void wideNorMergesAndChains() {
        Aig aig = RandomAigs.random(7, 8, 60, 10);
        int nor2 = TechnologyMapper.map(aig, Families.magicNor(), "a").gates().size();
        int nor4 = TechnologyMapper.map(aig, Families.magicNorK(4), "a").gates().size();
        assertTrue(nor4 <= nor2, "nor4 " + nor4 + " vs nor2 " + nor2);
    }

    @Test
    void notAndMin3AloneMapEveryNetworkWithConstantLeaves() {
        GateFamily notMin3 = kautz.target.FamilyFile.parse("not-min3.family", "name not-min3\ngate nor 1\ngate min3\n");
        for (long seed = 1; seed <= 20; seed++) {
            Aig aig = RandomAigs.random(seed, 6 + (int) (seed % 5), 40, 8);
            MappedNetwork m = TechnologyMapper.map(aig, notMin3, "r" + seed);
            assertOnlyFamilyGates(m, notMin3);
            assertSameFunction(aig, m, seed);
        }
    }
}
