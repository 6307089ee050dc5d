package kautz.target;

import kautz.diag.UserError;
import kautz.isa.Opcode;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamiliesTest {
    @Test
    void builtInsResolveByName() {
        for (GateFamily f : Families.builtIns()) assertEquals(f, Families.resolve(f.name()));
        assertEquals(Families.rm3(), Families.resolve("rm3"));
        GateFamily nor5 = Families.resolve("magic-nor-5");
        assertTrue(nor5.has(Primitives.nor(5)) && nor5.has(Primitives.INV1));
        assertEquals(1, Families.magic().implOf(Primitives.NAND2).orElseThrow().destPrestate());
        assertEquals(0, Families.magic().implOf(Primitives.OR2).orElseThrow().destPrestate());
        GateImpl nand = Families.imply().implOf(Primitives.NAND2).orElseThrow();
        assertTrue(nand.serial());
        assertEquals(2, nand.cycles());
        assertTrue(Families.imply().implOf(Primitives.IMP2).orElseThrow().inPlace());
    }

    @Test
    void unknownTargetListsTheBuiltIns() {
        UserError e = assertThrows(UserError.class, () -> Families.resolve("nand-only"));
        assertTrue(e.getMessage().contains("magic-nor") && e.getMessage().contains("felix"), e.getMessage());
        assertThrows(UserError.class, () -> Families.resolve("magic-nor-9"));
    }

    /** A family file using every keyword; also the seed of FamilyFileFuzzTest. */
    static final String MAGIC3 = """
            # three-input MAGIC
            name magic3
            description NOR and NAND with three inputs
            gate nor 1     # NOT
            gate nor 3
            gate nand 3
            gate min3
            gate imp-nand 2
            """;

    @Test
    void familyFileIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.family");
        Files.writeString(f, MAGIC3);
        GateFamily g = Families.resolve(f.toString());
        assertEquals("magic3", g.name());
        assertEquals(5, g.gates().size());
        assertEquals(Opcode.NAND, g.implOf(Primitives.nand(3)).orElseThrow().opcode());
        assertTrue(g.implOf(Primitives.NAND2).orElseThrow().serial());
    }

    @Test
    void badFamilyFilesNameTheLine() {
        assertError("x.family:2: unknown gate kind 'xor'", "name a\ngate xor 2\n");
        assertError("x.family:2: fan-in of nor must be between 1 and 6", "name a\ngate nor 9\n");
        assertError("x.family:1: unknown keyword 'gates'", "gates nor 2\n");
        assertError("x.family:3: gate nor2 is listed twice", "name a\ngate nor 2\ngate nor 2\n");
        assertError("x.family: the family has no 'name' line", "gate nor 2\n");
        assertError("x.family: the family cannot invert", "name a\ngate or 2\ngate and 2\n");
        assertError("x.family:2: fan-in 'two' is not a number", "name a\ngate nor two\n");
        assertError("x.family:3: gate maj (RM3) keeps its output cell's old value", "name a\ncell unipolar\ngate maj\n");
        assertError("x.family:2: gate maj (RM3) keeps its output cell's old value", "name a\ngate maj\ncell unipolar\n");
        assertError("x.family:2: gate maj takes no fan-in", "name a\ngate maj 3\n");
        assertError("x.family:2: cost energy='cheap' is not a number", "name a\ngate nor 2 energy=cheap\n");
        assertError("x.family:2: cost cycles='1.5' is not a number", "name a\ngate nor 2 cycles=1.5\n");
        assertError("x.family:2: unknown cost 'area'", "name a\ngate nor 2 area=3\n");
        assertError("x.family:2: the gates do not form a complete set", "name a\ngate nor 1\n");
        assertError("x.family:3: a family mixing in-place imp with MAGIC gates needs a two-input NAND", "name a\ngate nor 2\ngate imp\n");
    }

    @Test
    void mixedFamiliesCarryCosts() {
        GateFamily g = FamilyFile.parse("x.family", "name mix\ngate nor 1\ngate nor 2 cycles=2 energy=0.75\ngate imp\ngate imp-nand 2\n");
        GateImpl nor = g.implOf(Primitives.NOR2).orElseThrow();
        assertEquals(2, nor.mapCost());
        assertEquals(0.75, nor.energyPJ());
        assertEquals(2, g.implOf(Primitives.INV1).orElseThrow().mapCost()); // its ops: one cycle and an init
        assertEquals(0, g.implOf(Primitives.IMP2).orElseThrow().energyPJ());
    }

    @Test
    void majIsRm3InPlace() {
        GateFamily g = FamilyFile.parse("x.family", "name r\ncell bipolar\ngate maj\n");
        GateImpl maj = g.implOf(Primitives.RM3).orElseThrow();
        assertEquals(Opcode.MAJ, maj.opcode());
        assertTrue(maj.inPlace());
        assertEquals(Families.rm3().gates(), g.gates());
    }

    private static void assertError(String prefix, String text) {
        UserError e = assertThrows(UserError.class, () -> FamilyFile.parse("x.family", text));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
