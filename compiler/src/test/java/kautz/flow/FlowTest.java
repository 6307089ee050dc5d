package kautz.flow;

import kautz.isa.InitModel;
import kautz.load.Design;
import kautz.mapping.RootedMapping;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.schedule.RowTooSmallException;
import kautz.sim.Interpreter;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowTest {
    /** Seeded random networks of ANDs, XORs, MUXes and majorities, with a constant and a pass-through output. */
    static Aig random(long seed, int inputs, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AigBuilder b = new AigBuilder();
        List<Integer> sigs = new ArrayList<>();
        for (int i = 0; i < inputs; i++) sigs.add(b.addInput("x[" + i + "]"));
        for (int s = 0; s < steps; s++) {
            int x = pick(rnd, sigs), y = pick(rnd, sigs), z = pick(rnd, sigs);
            sigs.add(switch (rnd.nextInt(4)) {
                case 0 -> b.and(x, y);
                case 1 -> b.xor(x, y);
                case 2 -> b.mux(x, y, z);
                default -> b.maj(x, y, z);
            });
        }
        for (int o = 0; o < 6; o++) b.addOutput("y[" + o + "]", pick(rnd, sigs.subList(inputs, sigs.size())));
        b.addOutput("one", Lit.TRUE);
        b.addOutput("same", sigs.get(0));
        b.addOutput("flip", Lit.not(sigs.get(1)));
        return b.build();
    }

    private static int pick(SplittableRandom rnd, List<Integer> sigs) {
        int s = sigs.get(sigs.size() - 1 - rnd.nextInt(Math.min(sigs.size(), 10)));
        return rnd.nextBoolean() ? Lit.not(s) : s;
    }

    @Test
    void everyFamilyAndInitModelRunsWithoutMismatches() {
        for (GateFamily f : Families.builtIns()) {
            for (InitModel init : InitModel.values()) {
                for (long seed = 1; seed <= 6; seed++) {
                    Design d = Design.ofNetwork("r" + seed, random(seed, 5 + (int) seed, 30));
                    FlowOptions o = FlowOptions.defaults().withTarget(f.name()).withInit(init).withScheduler("topo"); // fast; schedulers are tested by their owner
                    Compiled c = Flow.compile(d, seed == 1 ? o : o.withScript(FlowOptions.NO_SCRIPT));
                    RowCheck check = RowCheck.random(c.program(), d.network(), new Interpreter(), 1024, seed);
                    assertEquals(0, check.mismatches(), f.name() + " " + init + " seed " + seed);
                }
            }
        }
    }

    @Test
    void minimalRowIsTheSmallestThatWorks() {
        Design d = Design.ofNetwork("r", random(3, 8, 40));
        FlowOptions topo = FlowOptions.defaults().withScheduler("topo").withScript(FlowOptions.NO_SCRIPT);
        Compiled min = Flow.compile(d, topo.withRowSize(RowSize.min()));
        int c = min.program().rowSize();
        assertEquals(0, RowCheck.random(min.program(), d.network(), new Interpreter(), 256, 1).mismatches());
        assertThrows(RowTooSmallException.class, () -> Flow.compile(d, topo.withRowSize(RowSize.of(c - 1))));
        assertTrue(c <= Flow.compile(d, topo).program().stats().cells());
    }

    @Test
    void aRecordedCompilationIsTheSameProgramWithTheKeptCandidatesDerivation() {
        boolean sawSteps = false;
        for (String target : List.of("magic-nor", "imply", "felix")) {
            for (long seed = 1; seed <= 4; seed++) {
                Design d = Design.ofNetwork("r" + seed, random(seed, 6, 60));
                FlowOptions o = FlowOptions.defaults().withTarget(target).withScheduler("topo");
                if (seed == 4) o = o.withScript(FlowOptions.NO_SCRIPT);
                Compiled plain = Flow.compile(d, o), recorded = Flow.compileRecorded(d, o);
                assertTrue(plain.derivation().isEmpty(), "only a recorded compilation keeps its networks");
                assertEquals(plain.mapped(), recorded.mapped(), target + " seed " + seed);
                assertEquals(plain.program(), recorded.program(), target + " seed " + seed);
                Derivation.Mapped m = assertInstanceOf(Derivation.Mapped.class, recorded.derivation().orElseThrow());
                // the mapping is the mapper's output for the last step's network (or the source), rooted in it
                Aig mappedFrom = m.steps().isEmpty() ? d.network() : m.steps().get(m.steps().size() - 1).after();
                RootedMapping again = TechnologyMapper.mapRooted(mappedFrom, Families.resolve(target), d.name(), false);
                assertEquals(recorded.mapped(), again.network(), target + " seed " + seed);
                assertEquals(again.roots(), m.roots());
                if (seed == 4) assertTrue(m.steps().isEmpty(), "no script: the source itself was mapped");
                sawSteps |= !m.steps().isEmpty();
            }
        }
        assertTrue(sawSteps, "some compilation kept the optimised network's mapping");
    }
}
