package kautz.flow;

import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.load.Design;
import kautz.network.Aig;
import kautz.schedule.WearBalance;
import kautz.sim.Interpreter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** --scheduler wear: the default schedule with writes spread over the row, same ops and row, still correct. */
class WearSchedulerTest {
    @Test
    @Tag("slow")
    void wearKeepsCyclesAndRowAndNeverRaisesTheHottestCell() {
        int better = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Aig aig = FlowTest.random(seed, 10, 150);
            for (String target : List.of("magic-nor", "imply", "felix")) {
                for (InitModel init : new InitModel[] {InitModel.BULK, InitModel.SINGLE}) {
                    FlowOptions o = FlowOptions.defaults().withTarget(target).withInit(init).withRowSize(RowSize.min());
                    Program live = Flow.compile(Design.ofNetwork("r" + seed, aig), o).program();
                    Program wear = Flow.compile(Design.ofNetwork("r" + seed, aig), o.withScheduler("wear")).program();
                    String what = target + " " + init + " seed " + seed;
                    assertEquals(live.stats(), wear.stats(), what);
                    assertEquals(0, RowCheck.random(wear, aig, new Interpreter(), 512, seed).mismatches(), what);
                    // the lint's one heuristic that renaming can trip, as the default schedule at its least row does:
                    // an output's cell that held other values before (the run still ends with the output there)
                    for (ProgramLint.Finding f : ProgramLint.check(wear)) assertEquals(ProgramLint.Kind.OUTPUT_OVERWRITTEN, f.kind(), what + ": " + f);
                    assertTrue(WearBalance.maxWrites(wear) <= WearBalance.maxWrites(live), what);
                    if (WearBalance.maxWrites(wear) < WearBalance.maxWrites(live)) better++;
                }
            }
        }
        assertTrue(better > 0, "the balance never lowered the hottest cell");
    }
}
