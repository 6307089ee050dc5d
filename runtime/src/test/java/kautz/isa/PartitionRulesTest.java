package kautz.isa;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Each rule of the three partition models: a legal cycle passes, a violation is refused with its rule named. */
class PartitionRulesTest {
    /** A program on {@code spec} partitions (8 cells each) under {@code model} whose last line is {@code cycle}. */
    private static Program program(String spec, PartitionModel model, String cycle) {
        int rowSize = Partitions.parse(spec).rowSize();
        return Assembler.parse(".kernel k\n.rowsize " + rowSize + "\n.init op\n.partitions " + spec + "\n.model " + model.label()
                + "\n" + cycle + "\n", "k.kasm");
    }

    private static PartitionRules.Violation violation(String spec, PartitionModel model, String cycle) {
        var all = PartitionRules.check(program(spec, model, cycle));
        assertEquals(1, all.size(), cycle + " under " + model + ": " + all);
        return all.get(0);
    }

    private static void legal(String spec, PartitionModel model, String cycle) {
        Program p = program(spec, model, cycle);
        assertEquals(java.util.List.of(), PartitionRules.check(p), cycle + " under " + model);
        assertTrue(PartitionRules.isLegal(p));
    }

    /** Breaks {@code rule} under its model and every stronger one, and is legal under the weaker ones. */
    private static void breaks(PartitionRules.Rule rule, String spec, String cycle, String detail) {
        for (PartitionModel m : PartitionModel.values()) {
            if (m.compareTo(rule.model()) < 0) {
                legal(spec, m, cycle);
                continue;
            }
            PartitionRules.Violation v = violation(spec, m, cycle);
            if (m == rule.model()) {
                assertEquals(rule, v.rule(), cycle + " under " + m + ": " + v.message(m));
                assertEquals(0, v.cycle());
                assertEquals(detail, v.detail());
                assertTrue(v.message(m).startsWith("cycle breaks rule '" + rule.label() + "' of the " + m.label() + " model ("), v.message(m));
            }
        }
    }

    @Test
    void legalCyclesPassEveryModel() {
        for (PartitionModel m : PartitionModel.values()) {
            legal("4x8", m, "nor 2, 0, 1 | nor 10, 8, 9 | nor 18, 16, 17 | nor 26, 24, 25");  // within each partition
            legal("4x8", m, "nor 10, 2 | nor 26, 18");                                      // two left-to-right NOTs, one partition apart
            legal("4x8", m, "init1 2 | init1 11, 12");                                      // init only: no index rules
            legal("4x8", m, "init1 2, 10, 18, 26");                                         // one init op across partitions
            legal("4x8", m, "nor 31, 0, 1");                                                // one op may span the row
            legal("16", m, "nor 2, 0, 1");                                                  // the undivided row
        }
    }

    @Test
    void overlap() {
        breaks(PartitionRules.Rule.OVERLAP, "4x8", "nor 2, 0 | nor 3, 1",
                "'nor 2, 0' occupies partition 0 and 'nor 3, 1' occupies partition 0");
        breaks(PartitionRules.Rule.OVERLAP, "4x8", "nor 26, 24 | nor 10, 2 | nor 18, 9",
                "'nor 10, 2' occupies partitions 0..1 and 'nor 18, 9' occupies partitions 1..2");
        breaks(PartitionRules.Rule.OVERLAP, "16", "init1 2 | init1 3",
                "'init1 2' occupies partition 0 and 'init1 3' occupies partition 0");
    }

    @Test
    void opcode() {
        breaks(PartitionRules.Rule.OPCODE, "4x8", "nor 2, 0, 1 | or 10, 8, 9", "'nor 2, 0, 1' and 'or 10, 8, 9' differ in opcode");
        breaks(PartitionRules.Rule.OPCODE, "4x8", "nor 2, 0 | nor 10, 8, 9", "'nor 2, 0' and 'nor 10, 8, 9' differ in arity");
        breaks(PartitionRules.Rule.OPCODE, "4x8", "init1 2 | init0 10", "'init1 2' and 'init0 10' differ in opcode");
        breaks(PartitionRules.Rule.OPCODE, "4x8", "nor 2, 0 | init1 10", "'nor 2, 0' and 'init1 10' differ in opcode");
    }

    @Test
    void inputsSplit() {
        breaks(PartitionRules.Rule.INPUTS_SPLIT, "4x8", "nor 10, 0, 9",
                "'nor 10, 0, 9' reads cell 0 in partition 0 and cell 9 in partition 1");
    }

    @Test
    void index() {
        breaks(PartitionRules.Rule.INDEX, "4x8", "nor 2, 0 | nor 11, 8",
                "operand 1 is index 2 of its partition in 'nor 2, 0' but index 3 in 'nor 11, 8'");
        breaks(PartitionRules.Rule.INDEX, "4x8", "nor 2, 0 | nor 10, 9",
                "operand 2 is index 0 of its partition in 'nor 2, 0' but index 1 in 'nor 10, 9'");
    }

    @Test
    void direction() {
        breaks(PartitionRules.Rule.DIRECTION, "4x8", "nor 10, 2 | nor 18, 26",
                "'nor 10, 2' goes left to right (input partition 0, output 1) but 'nor 18, 26' goes right to left (input partition 3, output 2)");
        breaks(PartitionRules.Rule.DIRECTION, "4x8", "nor 10, 2 | nor 26, 26",
                "'nor 10, 2' goes left to right (input partition 0, output 1) but 'nor 26, 26' goes within partition 3");
    }

    @Test
    void distance() {
        breaks(PartitionRules.Rule.DISTANCE, "8x8", "nor 10, 2 | nor 34, 18",
                "'nor 10, 2' spans -1 partitions (input 0, output 1) but 'nor 34, 18' spans -2 partitions (input 2, output 4)");
    }

    @Test
    void spacing() {
        breaks(PartitionRules.Rule.SPACING, "8x8", "nor 2, 0 | nor 34, 32 | nor 10, 8",
                "input partitions 0, 1 and 4 of 'nor 2, 0', 'nor 10, 8' and 'nor 34, 32' are 1 and 3 apart");
        legal("8x8", PartitionModel.MINIMAL, "nor 34, 32 | nor 2, 0 | nor 18, 16"); // 0, 2, 4 in any line order
    }

    @Test
    void everyCycleIsCheckedAndNamed() {
        Program p = Assembler.parse("""
                .kernel k
                .rowsize 32
                .partitions 4x8
                .model standard
                nor 2, 0 | nor 10, 8
                nor 3, 0 | nor 4, 1
                nor 5, 0 | nor 13, 9
                """, "k.kasm");
        var v = PartitionRules.check(p);
        assertEquals(2, v.size());
        assertEquals(PartitionRules.Rule.OVERLAP, v.get(0).rule());
        assertEquals(1, v.get(0).cycle());
        assertEquals(com.google.common.primitives.ImmutableIntArray.of(2, 3), v.get(0).ops());
        assertEquals(PartitionRules.Rule.INDEX, v.get(1).rule());
        assertEquals(2, v.get(1).cycle());
    }
}
