package kautz.isa;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ProgramLintTest {
    private static List<ProgramLint.Finding> lint(String ops) {
        return ProgramLint.check(Assembler.parse(".kernel k\n.rowsize 10\n.input a 0\n.input b 1\n.output y 3\n" + ops, "t.kasm"));
    }

    @Test
    void aCorrectProgramIsClean() {
        assertEquals(List.of(), lint("init1 2, 3\nnor 2, 0, 1\nnor 3, 2\n"));
    }

    @Test
    void aGateOnAnUninitialisedCellIsNamed() {
        List<ProgramLint.Finding> f = lint("init1 2\nnor 2, 0, 1\nnor 3, 2\n");
        assertEquals(1, f.size(), f.toString());
        assertEquals(ProgramLint.Kind.UNINITIALISED_OUTPUT, f.get(0).kind());
        assertEquals(2, f.get(0).op());
        assertEquals(3, f.get(0).cell());
        assertEquals("op 2 (nor 3, 2): output cell 3 was never initialised, but nor needs it to hold 1 first (init1 3)", f.get(0).message());
    }

    @Test
    void constantPropagationProvesOrRefutesThePreState() {
        // 4 := nor(1-cell) = 0 is provable; or needs 0, so using 4 as an OR output is fine
        assertEquals(List.of(), lint("init1 2, 4, 3\nnor 4, 2\nor 4, 0, 1\nnor 3, 4\n"));
        // a nor result is unknown: a second gate on it is flagged, naming who wrote it
        List<ProgramLint.Finding> f = lint("init1 2, 3\nnor 2, 0, 1\nnor 2, 0\nnor 3, 2\n");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).message().contains("is not known to hold 1 (last written by op 1)"), f.get(0).message());
        // init0 where init1 was needed
        f = lint("init0 3\nnor 3, 0\n");
        assertTrue(f.get(0).message().contains("holds 0"), f.toString());
    }

    @Test
    void aGateOverADeadValueItImpliesIsExact() {
        // cell 2 holds ¬a; NOR(a, b) → ¬a, so the second nor needs no init1 of cell 2 (X-MAGIC)
        assertEquals(List.of(), lint("init1 2, 3\nnor 2, 0\nnor 2, 0, 1\nnor 3, 2\n"));
        // NOR(b) does not imply ¬a: flagged
        List<ProgramLint.Finding> f = lint("init1 2, 3\nnor 2, 0\nnor 2, 1\nnor 3, 2\n");
        assertEquals(1, f.size(), f.toString());
        assertEquals(2, f.get(0).op());
        // dually an OR over a value that implies it: cell 2 := a ∧ b (nor of the complements), then a ∨ b into it
        assertEquals(List.of(), lint("init1 4, 5, 2, 3\nnor 4, 0\nnor 5, 1\nnor 2, 4, 5\nor 2, 0, 1\nnor 3, 2\n"));
    }

    @Test
    void readsOfUnwrittenCellsAndOverwrittenIoAreFound() {
        List<ProgramLint.Finding> f = lint("init1 3\nnor 3, 7\n");
        assertEquals(ProgramLint.Kind.READ_UNWRITTEN, f.get(0).kind());
        assertEquals(7, f.get(0).cell());

        f = lint("init1 0, 3\nnor 3, 1\n");
        assertEquals(ProgramLint.Kind.INPUT_OVERWRITTEN, f.get(0).kind());
        assertEquals(0, f.get(0).op());

        f = lint("init1 3\nnor 3, 1\ninit1 3\nnor 3, 0\n");
        assertEquals(ProgramLint.Kind.OUTPUT_OVERWRITTEN, f.get(0).kind());
        assertEquals(2, f.get(0).op());

        f = lint("init1 2\n");
        assertEquals(ProgramLint.Kind.READ_UNWRITTEN, f.get(0).kind());
        assertEquals(1, f.get(0).op());
        assertTrue(f.get(0).message().startsWith("output y is read from cell 3"));

        f = lint("false 4\nimp 0, 4\nimp 1, 5\n");
        assertEquals(ProgramLint.Kind.READ_UNWRITTEN, f.get(0).kind());
        assertEquals(2, f.get(0).op());
    }

    @Test
    void cellsBeyondARowLimitAreFound() {
        Program p = Assembler.parse(".kernel k\n.rowsize 10\n.input a 0\n.output y 8\ninit1 8\nnor 8, 0\n", "t.kasm");
        List<ProgramLint.Finding> f = ProgramLint.check(p, 6);
        assertEquals(3, f.size(), f.toString());
        assertTrue(f.stream().allMatch(x -> x.kind() == ProgramLint.Kind.BEYOND_ROW && x.cell() == 8));
    }
}
