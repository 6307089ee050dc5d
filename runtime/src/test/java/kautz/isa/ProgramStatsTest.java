package kautz.isa;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ProgramStatsTest {
    private static Program program(InitModel model) {
        return new Program("k", "magic-nor", 8, model,
                ImmutableList.of(new IoBit("a", 0), new IoBit("b", 1)),
                ImmutableList.of(new IoBit("y", 3)),
                ImmutableList.of(
                        MicroOp.of(Opcode.INIT1, 2, 3),      // T0
                        MicroOp.of(Opcode.NOR, 2, 0, 1),
                        MicroOp.of(Opcode.INIT1, 4),         // a re-initialisation
                        MicroOp.of(Opcode.NOR, 4, 2),
                        MicroOp.of(Opcode.NOR, 3, 4)));
    }

    @Test
    void bulkModelLeavesT0Free() {
        ProgramStats s = program(InitModel.BULK).stats();
        assertEquals(3, s.gates());
        assertEquals(3, s.logicCycles());
        assertEquals(1, s.initCycles());
        assertEquals(4, s.cycles());
        assertEquals(5, s.cells());
        assertEquals(3, s.ioCycles());
    }

    @Test
    void singleModelCountsEveryInitialisedCell() {
        ProgramStats s = program(InitModel.SINGLE).stats();
        assertEquals(3, s.initCycles());
        assertEquals(6, s.cycles());
    }

    @Test
    void cellsBeyondTheRowAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Program("k", "t", 2, InitModel.BULK,
                ImmutableList.of(), ImmutableList.of(), ImmutableList.of(MicroOp.of(Opcode.INIT1, 5))));
        assertTrue(e.getMessage().contains("beyond the row size"));
    }

    @Test
    void operandCountsFollowTheTable() {
        assertThrows(IllegalArgumentException.class, () -> MicroOp.of(Opcode.IMP, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> MicroOp.of(Opcode.NOR, 1));
        assertEquals(3, MicroOp.of(Opcode.IMP, 1, 3).dest());
    }
}
