package kautz.isa;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class AssemblerTest {
    private static final String FA = """
            # a hand-written fragment
            .kernel fa   // the name
            .target magic-nor
            .rowsize 8
            .init single
            .input a 0
            .input b 1
            .output y 3
            init1 2, 3
            nor 2, 0, 1    # 2 = nor(a, b)
            nor 3, 2
            prog 4, 2
            sense 5, 6, 4
            """;

    @Test
    void assemblesTheHeaderAndOps() {
        Program p = Assembler.parse(FA, "fa.kasm");
        assertEquals("fa", p.kernel());
        assertEquals("magic-nor", p.target());
        assertEquals(8, p.rowSize());
        assertEquals(InitModel.SINGLE, p.initModel());
        assertEquals(ImmutableList.of(new IoBit("a", 0), new IoBit("b", 1)), p.inputs());
        assertEquals(ImmutableList.of(new IoBit("y", 3)), p.outputs());
        assertEquals(MicroOp.of(Opcode.INIT1, 2, 3), p.ops().get(0));
        assertEquals(MicroOp.of(Opcode.NOR, 2, 0, 1), p.ops().get(1));
        assertEquals(MicroOp.prog(4, 2), p.ops().get(3));
        assertEquals(MicroOp.of(Opcode.SENSE, 5, 6, 4), p.ops().get(4));
    }

    @Test
    void consumedInputsRoundTripAndTheLintFollowsTheHeader() {
        String text = """
                .kernel or2
                .target imply
                .rowsize 3
                .init single
                .consume-inputs
                .input a 0
                .input b 1
                .output y 1
                false 2
                imp 0, 2
                imp 2, 1    # b := a ∨ b, in b's own cell
                """;
        Program p = Assembler.parse(text, "or2.kasm");
        assertTrue(p.consumesInputs());
        assertEquals(p, Assembler.parse(Disassembler.toKasm(p), "again.kasm"));
        assertTrue(Disassembler.toKasm(p).contains("\n.consume-inputs\n"));
        assertTrue(ProgramLint.check(p).isEmpty(), ProgramLint.check(p).toString());
        Program intact = Assembler.parse(text.replace(".consume-inputs\n", ""), "or2.kasm");
        assertFalse(intact.consumesInputs());
        assertFalse(Disassembler.toKasm(intact).contains("consume"));
        assertEquals(ProgramLint.Kind.INPUT_OVERWRITTEN, ProgramLint.check(intact).get(0).kind());
        UserError twice = assertThrows(UserError.class, () -> Assembler.parse(text.replace(".consume-inputs\n", ".consume-inputs\n.consume-inputs\n"), "x.kasm"));
        assertTrue(twice.getMessage().startsWith("x.kasm:6:1: .consume-inputs is given twice"), twice.getMessage());
        UserError late = assertThrows(UserError.class, () -> Assembler.parse(text + ".consume-inputs\n", "x.kasm"));
        assertTrue(late.getMessage().contains("after the first op"), late.getMessage());
    }

    @Test
    void randomProgramsRoundTrip() {
        for (long seed = 1; seed <= 200; seed++) {
            Program p = RandomPrograms.generate(seed, 1 + (int) (seed % 7), 1 + (int) (seed % 5), (int) (seed % 60), 12 + (int) (seed % 30));
            String text = Disassembler.toKasm(p);
            assertEquals(p, Assembler.parse(text, "r.kasm"), text);
        }
    }

    @Test
    void oddNamesAreQuotedAndRoundTrip() {
        Program p = new Program("my kernel", "magic #1", 4, InitModel.BULK,
                ImmutableList.of(new IoBit("\\a b", 0), new IoBit("x\"y", 1), new IoBit("c,d//e", 2)),
                ImmutableList.of(new IoBit(".out\t1", 3)), ImmutableList.of(MicroOp.of(Opcode.INIT1, 3), MicroOp.of(Opcode.NOR, 3, 0)));
        assertEquals(p, Assembler.parse(Disassembler.toKasm(p), "q.kasm"));
    }

    @Test
    void writesThroughAtomicFiles(@TempDir Path dir) throws Exception {
        Program p = Assembler.parse(FA, "fa.kasm");
        Path f = dir.resolve("out/fa.kasm");
        Disassembler.write(p, ListingFormat.KASM, f);
        assertEquals(p, Assembler.read(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    private static UserError error(String text) {
        return assertThrows(UserError.class, () -> Assembler.parse(text, "bad.kasm"));
    }

    @Test
    void errorsNameTheLineAndColumnAndShowACaret() {
        UserError e = error(".kernel k\n.rowsize 8\nnro 2, 0\n");
        assertEquals("bad.kasm:3:1: unknown micro-op 'nro'; did you mean 'nor'?", e.getMessage());
        assertEquals("  nro 2, 0\n  ^", e.detail());

        e = error(".kernel k\n.rowsize 8\nnor 2, 9\n");
        assertTrue(e.getMessage().startsWith("bad.kasm:3:8: cell 9 is beyond the row size 8"), e.getMessage());

        e = error(".kernel k\n.rowsize 8\nimp 1, 2, 3\n");
        assertEquals("bad.kasm:3:1: imp takes 2 operands (imp p, q), got 3", e.getMessage());

        e = error(".kernel k\n.rowsize 8\nnor 2 0\n");
        assertEquals("bad.kasm:3:7: expected ',' between operands, found '0'", e.getMessage());

        e = error(".kernel k\n.rowsize 8\nnor 2, x\n");
        assertEquals("bad.kasm:3:8: expected a cell number, found 'x'", e.getMessage());

        e = error(".kernel k\n.rowsize 8\nnor 2,\n");
        assertEquals("bad.kasm:3:7: expected an operand after ','", e.getMessage());

        e = error(".kernel k\n.rowsize 8\n.input a 0\n.input b 0\n");
        assertEquals("bad.kasm:4:10: cell 0 already holds input 'a'", e.getMessage());

        e = error(".kernel k\n.rowsize 8\ninit1 2\n.input a 0\n");
        assertTrue(e.getMessage().startsWith("bad.kasm:4:1: header line .input after the first op"), e.getMessage());

        e = error(".kernel k\n.rowsize 8\n.init many\n");
        assertEquals("bad.kasm:3:7: unknown init model 'many' (expected bulk, single or op)", e.getMessage());

        e = error(".kernel k\n.rowsize 8\n.output \"y\n");
        assertEquals("bad.kasm:3:9: unterminated quoted name", e.getMessage());

        e = error(".kernel k\n.rowsize 8\nprog 3\n");
        assertEquals("bad.kasm:3:1: prog takes a cell and a level (prog c, L), got 1", e.getMessage());

        e = error(".rowsize 8\n");
        assertEquals("bad.kasm: missing the .kernel header (e.g. '.kernel add')", e.getMessage());

        e = error(".kernel k\n.rowsize 0\n");
        assertEquals("bad.kasm:2:10: row size 0 is outside 1..16777216", e.getMessage());
    }

    @Test
    void listingsNameCyclesAsTheirToolsDo() {
        Program p = Assembler.parse(FA.replace(".init single", ".init bulk"), "fa.kasm");
        String arit = Disassembler.render(p, ListingFormat.ARITPIM);
        assertTrue(arit.contains("T0: 2, 3 = INIT1\n"), arit);
        assertTrue(arit.contains("T1: 2 = NOR(0, 1)\n"), arit);
        assertTrue(arit.contains("T2: 3 = NOR(2)\n"), arit);
        assertTrue(arit.contains("T4: 5, 6 = SENSE(4)\n"), arit);
        String simpler = Disassembler.render(p, ListingFormat.SIMPLER);
        assertTrue(simpler.contains("Cycle0: Initialization(Ron){'INIT_CYCLE(2)','INIT_CYCLE(3)'}\n"), simpler);
        assertTrue(simpler.contains("Cycle1: n1(2)=nor2{a(0),b(1)}\n"), simpler);
        assertTrue(simpler.contains("Cycle2: y(3)=inv1{n1(2)}\n"), simpler);
        assertTrue(simpler.contains("Total cycles: 4\n"), simpler);

        String single = Disassembler.render(Assembler.parse(FA, "fa.kasm"), ListingFormat.ARITPIM);
        assertTrue(single.startsWith("// fa"), single);
        assertTrue(single.contains("T1: 2 = INIT1\nT2: 3 = INIT1\nT3: 2 = NOR(0, 1)\n"), single);
    }
}
