package kautz.flow;

import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.opt.SymmetricCircuits;
import kautz.opt.SymmetricPass;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Schedulers;
import kautz.sim.Interpreter;
import kautz.target.Families;
import kautz.target.GateFamily;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Set;


import static org.junit.jupiter.api.Assertions.*;

/**
 * When a program does not fit the row, the flow rebuilds symmetric outputs as serial counters: rows that the
 * adder tree cannot use then work, every family included, and the program is right on every weight.
 */
@Tag("slow")
class SymmetricResynthesisTest {
    @Test
    void aMajorityFitsRowsItsAdderTreeCannot() {
        int n = 31;
        Design d = Design.ofNetwork("maj31", SymmetricCircuits.majority(n));
        int adderTreeRow = Flow.compile(d, FlowOptions.defaults().withScript(FlowOptions.NO_SCRIPT).withRowSize(RowSize.min())).program().rowSize();
        int counterRow = counterRow(d, Families.resolve(Families.DEFAULT));
        assertTrue(counterRow < adderTreeRow, "counter " + counterRow + " cells, adder tree " + adderTreeRow);
        assertTrue(counterRow <= n + 16, counterRow + " cells");
        Compiled c = Flow.compileRecorded(d, FlowOptions.defaults().withRowSize(RowSize.of(counterRow)));
        assertEquals("symmetric", c.resynthesis());
        Derivation.Resynthesised r = assertInstanceOf(Derivation.Resynthesised.class, c.derivation().orElseThrow());
        assertEquals(Set.of("maj"), r.symmetric(), "the rebuilt output, for the verifier's symmetry argument");
        assertEquals(c.mapped(), TechnologyMapper.map(r.network(), c.family(), d.name()));
        assertTrue(Reports.summary(c).contains("same function by a different structure"), Reports.summary(c));
        assertEquals("symmetric", Reports.program(c).toString().replaceAll(".*\"resynthesis\": \"([a-z]+)\".*", "$1"));
        assertRightOnEveryWeightAndRandomRows(c, d.network(), n, 16);
        // a row the counter does not fit either: no program (compile then reports the network as given's error)
        assertTrue(Flow.resynthesise(d, Families.resolve(Families.DEFAULT), Schedulers.defaultScheduler(),
                ScheduleOptions.defaults().withRowSize(n + 3), false).isEmpty());
    }

    @Test
    void everyFamilyRunsTheCounterInTheRowItsMinimumNames() {
        int n = 15;
        Design d = Design.ofNetwork("maj15", SymmetricCircuits.majority(n));
        for (GateFamily family : Families.builtIns()) {
            int counterRow = counterRow(d, family);
            assertTrue(counterRow <= n + 12, family.name() + ": " + counterRow + " cells");
            // the step the flow takes once the network as given failed at this row
            Compiled c = Flow.resynthesise(d, family, Schedulers.defaultScheduler(), ScheduleOptions.defaults().withRowSize(counterRow), false).orElseThrow();
            assertEquals(counterRow, c.program().rowSize(), family.name());
            assertRightOnEveryWeightAndRandomRows(c, d.network(), n, 16);
        }
    }

    @Test
    void voterFitsTheThousandCellRowSimplerCannot() {
        var dir = SharedBenchmarks.dir();
        Assumptions.assumeTrue(dir.isPresent(), SharedBenchmarks.MISSING);
        Design d = DesignLoader.load(dir.get().resolve("nor-mapped/epfl/voter.v"), null);
        assertEquals(1001, d.network().numInputs());
        // the resynthesis step as the flow takes it after the netlist failed at 1024 (that failure costs a minute of search)
        GateFamily family = Families.resolve(Families.DEFAULT);
        Compiled c = Flow.resynthesise(d, family, Schedulers.defaultScheduler(), ScheduleOptions.defaults().withRowSize(1024), false).orElseThrow();
        assertTrue(c.program().rowSize() <= 1024);
        assertRightOnEveryWeightAndRandomRows(c, d.network(), 1001, 2);
    }

    /** The least row of the rebuilt network, as the flow maps it. */
    private static int counterRow(Design d, GateFamily family) {
        MappedNetwork m = TechnologyMapper.map(new SymmetricPass().run(d.network()), family, d.name());
        return Schedulers.defaultScheduler().scheduleMinRow(m, family, ScheduleOptions.defaults()).rowSize();
    }

    private static void assertRightOnEveryWeightAndRandomRows(Compiled c, Aig network, int n, int perWeight) {
        int rows = SymmetricCircuits.rows(n, perWeight);
        long[][] weights = SymmetricCircuits.rowsOfEveryWeight(n, perWeight, 7);
        assertEquals(0, RowCheck.run(c.program(), network, new Interpreter(), weights, rows).mismatches(), c.family().name() + ": rows of every weight");
        assertEquals(0, RowCheck.random(c.program(), network, new Interpreter(), 1024, 3).mismatches(), c.family().name() + ": random rows");
    }
}
