package kautz.isa;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.diag.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Cycle lines, partitions and the counts they give (docs/isa.md, "Partitions"). */
class ProgramCyclesTest {
    /** Two NOT gates in one cycle in a row of four partitions of 8 cells, then a NOR reading both. */
    private static final String TWO_NOTS = """
            .kernel nots
            .rowsize 32
            .init %s
            .partitions 4x8
            .model standard
            .input a 0
            .input b 8
            .output x 2
            .output y 10
            .output z 20
            init1 2 | init1 10
            nor 2, 0 | nor 10, 8
            init1 20
            nor 20, 2, 10
            """;

    private static Program twoNots(InitModel init) {
        return Assembler.parse(TWO_NOTS.formatted(init.label()), "nots.kasm");
    }

    @Test
    void linesAreCycles() {
        Program p = twoNots(InitModel.OP);
        assertEquals(6, p.ops().size());
        assertEquals(4, p.cycleCount());
        assertEquals(ImmutableIntArray.of(0, 2, 4, 5), p.cycleStarts());
        assertEquals(List.of(MicroOp.of(Opcode.NOR, 2, 0), MicroOp.of(Opcode.NOR, 10, 8)), p.cycle(1));
        assertEquals(p.cycle(3), p.cycles().get(3));
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 3}, p.cycleOfOps());
        assertTrue(p.isParallel());
        assertEquals(Partitions.parse("4x8"), p.partitions());
        assertEquals(PartitionModel.STANDARD, p.model());
    }

    @Test
    void countsFollowTheInitModel() {
        ProgramStats op = twoNots(InitModel.OP).stats();
        assertEquals(3, op.gates());
        assertEquals(2, op.logicCycles());
        assertEquals(2, op.initCycles()); // every init line is a cycle, the first included
        assertEquals(4, op.cycles());
        assertEquals(1.5, op.parallelism());
        assertEquals(21, op.cells());

        ProgramStats bulk = twoNots(InitModel.BULK).stats();
        assertEquals(1, bulk.initCycles()); // the first line is T0
        assertEquals(3, bulk.cycles());

        ProgramStats single = twoNots(InitModel.SINGLE).stats();
        assertEquals(2, single.initCycles()); // one cell in each partition named: one cycle a line
        assertEquals(4, single.cycles());
    }

    @Test
    void singleInitCostsTheMostCellsSetInOnePartition() {
        Program p = Program.ofCycles("k", "t", 16, InitModel.SINGLE, ImmutableList.of(), ImmutableList.of(),
                List.of(List.of(MicroOp.of(Opcode.INIT1, 1, 2, 9)), List.of(MicroOp.of(Opcode.INIT0, 3), MicroOp.of(Opcode.INIT0, 11, 12, 13))),
                false, Partitions.parse("2x8"), PartitionModel.UNLIMITED);
        assertArrayEquals(new long[] {2, 3}, ProgramStats.cycleCosts(p));
        assertEquals(5, p.stats().initCycles());
        assertEquals(0, p.stats().parallelism());
        // On the undivided row each cell costs a cycle, as before.
        Program flat = new Program("k", "t", 16, InitModel.SINGLE, ImmutableList.of(), ImmutableList.of(), p.ops());
        assertEquals(7, flat.stats().initCycles());
        assertEquals(3, flat.cycleCount());
    }

    @Test
    void aCycleWithALogicOpCostsOneLogicCycle() {
        Program p = Program.ofCycles("k", "t", 16, InitModel.SINGLE, ImmutableList.of(), ImmutableList.of(),
                List.of(List.of(MicroOp.of(Opcode.NOR, 1, 0), MicroOp.of(Opcode.INIT1, 9, 10))),
                false, Partitions.parse("2x8"), PartitionModel.UNLIMITED);
        ProgramStats s = p.stats();
        assertEquals(1, s.logicCycles());
        assertEquals(1, s.initCycles()); // two cells of partition 1: one more cycle
        assertEquals(2, s.cycles());
    }

    @Test
    void existingConstructorsMeanOneOpPerCycleOnOnePartition() {
        Program p = new Program("k", "t", 8, InitModel.BULK, ImmutableList.of(), ImmutableList.of(),
                ImmutableList.of(MicroOp.of(Opcode.INIT1, 2), MicroOp.of(Opcode.NOR, 2, 0)));
        assertEquals(Partitions.single(8), p.partitions());
        assertEquals(PartitionModel.UNLIMITED, p.model());
        assertEquals(ImmutableIntArray.of(0, 1), p.cycleStarts());
        assertFalse(p.isParallel());
        assertEquals(1.0, p.stats().parallelism());
    }

    @Test
    void badCycleStructuresAreRefused() {
        ImmutableList<MicroOp> ops = ImmutableList.of(MicroOp.of(Opcode.INIT1, 2), MicroOp.of(Opcode.NOR, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new Program("k", "t", 8, InitModel.BULK, ImmutableList.of(), ImmutableList.of(),
                ops, false, Partitions.single(8), PartitionModel.UNLIMITED, ImmutableIntArray.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new Program("k", "t", 8, InitModel.BULK, ImmutableList.of(), ImmutableList.of(),
                ops, false, Partitions.single(8), PartitionModel.UNLIMITED, ImmutableIntArray.of(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Program("k", "t", 8, InitModel.BULK, ImmutableList.of(), ImmutableList.of(),
                ops, false, Partitions.parse("2x3"), PartitionModel.UNLIMITED, ImmutableIntArray.of(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> Program.ofCycles("k", "t", 8, InitModel.BULK, ImmutableList.of(), ImmutableList.of(),
                List.of(List.of()), false, Partitions.single(8), PartitionModel.UNLIMITED));
    }

    @Test
    void cyclesRoundTripThroughKasm() {
        for (InitModel init : InitModel.values()) {
            Program p = twoNots(init);
            String text = Disassembler.toKasm(p);
            assertTrue(text.contains(".partitions 4x8\n.model standard\n"), text);
            assertTrue(text.contains("\nnor 2, 0 | nor 10, 8\n"), text);
            assertTrue(text.contains("parallelism 1.50"), text);
            assertEquals(p, Assembler.parse(text, "again.kasm"));
        }
        Program odd = Program.ofCycles("k", "t", 16, InitModel.OP, ImmutableList.of(new IoBit("a|b", 0)), ImmutableList.of(),
                List.of(List.of(MicroOp.of(Opcode.INIT1, 1, 2), MicroOp.of(Opcode.INIT0, 9)), List.of(MicroOp.prog(3, 2))),
                false, Partitions.parse("3,5,8"), PartitionModel.MINIMAL);
        assertEquals(odd, Assembler.parse(Disassembler.toKasm(odd), "odd.kasm"));
        // Undivided programs are written as before: no new headers.
        Program flat = new Program("k", "t", 8, InitModel.BULK, ImmutableList.of(), ImmutableList.of(), ImmutableList.of(MicroOp.of(Opcode.INIT1, 2)));
        assertFalse(Disassembler.toKasm(flat).contains(".partitions"));
        assertFalse(Disassembler.toKasm(flat).contains(".model"));
    }

    @Test
    void listingsGiveTheOpsOfOneLineItsCycleNumber() {
        String aritpim = ListingFormat.ARITPIM.render(twoNots(InitModel.OP));
        assertTrue(aritpim.contains("T1: 2 = INIT1\nT1: 10 = INIT1\nT2: 2 = NOR(0)\nT2: 10 = NOR(8)\nT3: 20 = INIT1\nT4: 20 = NOR(2, 10)\n"), aritpim);
        String simpler = ListingFormat.SIMPLER.render(twoNots(InitModel.BULK));
        assertTrue(simpler.contains("Cycle1: x(2)=inv1{a(0)}\nCycle1: y(10)=inv1{b(8)}\nCycle2: Initialization"), simpler);
    }

    @Test
    void opLinesNameTheCycleLine() {
        Assembler.Assembled a = Assembler.assemble(TWO_NOTS.formatted("op"), "nots.kasm");
        assertEquals(ImmutableIntArray.of(11, 11, 12, 12, 13, 14), a.opLines());
    }

    private static UserError error(String text) {
        return assertThrows(UserError.class, () -> Assembler.parse(text, "bad.kasm"));
    }

    @Test
    void badPartitionInputNamesTheLine() {
        assertEquals("bad.kasm:3:13: partitions 4x7 hold 28 cells, but the row has 32 (.rowsize on line 2)",
                error(".kernel k\n.rowsize 32\n.partitions 4x7\n").getMessage());
        assertEquals("bad.kasm:2:13: partitions 8,8 hold 16 cells, but the row has 32 (.rowsize on line 3)",
                error(".kernel k\n.partitions 8, 8\n.rowsize 32\ninit1 1\n").getMessage());
        assertTrue(error(".kernel k\n.rowsize 32\n.partitions four\n").getMessage().startsWith("bad.kasm:3:13: bad partitions 'four': expected KxW"));
        assertEquals("bad.kasm:3:1: .partitions is given twice (first on line 2)",
                error(".kernel k\n.partitions 4x8\n.partitions 4x8\n.rowsize 32\n").getMessage());
        assertEquals("bad.kasm:2:8: unknown partition model 'fast' (expected unlimited, standard or minimal)",
                error(".kernel k\n.model fast\n").getMessage());
        assertEquals("bad.kasm:3:11: expected a micro-op after '|'", error(".kernel k\n.rowsize 8\nnor 2, 0 | \n").getMessage());
        assertEquals("bad.kasm:3:12: expected a micro-op after '|'", error(".kernel k\n.rowsize 8\nnor 2, 0 | | nor 3, 0\n").getMessage());
        assertEquals("bad.kasm:3:1: expected a micro-op before '|'", error(".kernel k\n.rowsize 8\n| nor 2, 0\n").getMessage());
        assertEquals("bad.kasm:3:8: expected an operand after ','", error(".kernel k\n.rowsize 8\nnor 2, | nor 3, 0\n").getMessage());
        assertEquals("bad.kasm:3:12: unknown micro-op 'nro'; did you mean 'nor'?", error(".kernel k\n.rowsize 8\nnor 2, 0 | nro 3, 0\n").getMessage());
        assertEquals("bad.kasm:1:11: unexpected '|' at the end of the line", error(".kernel k | nor 2, 0\n").getMessage());
    }
}
