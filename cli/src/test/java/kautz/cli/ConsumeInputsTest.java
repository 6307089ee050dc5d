package kautz.cli;

import kautz.isa.Assembler;
import kautz.isa.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --consume-inputs}: in-place IMPs may overwrite input cells; everything stays checked. */
class ConsumeInputsTest {
    /** ¬a ∨ b is imp a, b: with consumed inputs, one op in b's own cell. */
    private static final String KERNEL = """
            kernel k(a: bit, b: bit, c: bit) -> (y: bit, z: bit) {
                y = ~a | b;
                z = (a ^ c) & b;
            }
            """;

    private static CliRun kautz(String... args) { return CliRun.of(args); }

    @Test
    void consumedInputsShortenTheProgramAndStayChecked(@TempDir Path dir) throws Exception {
        Path kz = dir.resolve("k.kz");
        Files.writeString(kz, KERNEL);
        Path intact = dir.resolve("intact.kasm");
        Path consumed = dir.resolve("consumed.kasm");
        assertEquals(0, kautz("compile", kz.toString(), "--target", "imply", "--init", "single", "-o", intact.toString()).code());
        CliRun c = kautz("compile", kz.toString(), "--target", "imply", "--init", "single", "--consume-inputs", "-o", consumed.toString());
        assertEquals(0, c.code(), c.err());
        Program pi = Assembler.read(intact);
        Program pc = Assembler.read(consumed);
        assertFalse(pi.consumesInputs());
        assertTrue(pc.consumesInputs());
        assertTrue(Files.readString(consumed).contains("\n.consume-inputs\n"));
        assertTrue(pc.stats().cycles() < pi.stats().cycles(), pc.stats() + " vs " + pi.stats());
        // the lint does not flag the declared input writes; sim's answer is computed from the loaded inputs
        CliRun s = kautz("sim", consumed.toString(), "--inputs", "a=1,b=0,c=0");
        assertEquals("", s.warnings());
        assertTrue(s.out().contains("-> y=0 z=0"), s.out());
        // the same ops without the header are flagged
        Path undeclared = dir.resolve("undeclared.kasm");
        Files.writeString(undeclared, Files.readString(consumed).replace(".consume-inputs\n", ""));
        assertTrue(kautz("sim", undeclared.toString(), "--inputs", "a=1,b=0,c=0").err().contains("overwrites input"));
        for (String init : new String[] {"single", "bulk"}) {
            for (String engine : new String[] {"interp", "jit"}) {
                CliRun r = kautz("run", kz.toString(), "--target", "imply", "--init", init, "--consume-inputs", "--engine", engine, "--json");
                assertEquals(0, r.code(), r.err());
                assertTrue(r.out().contains("\"mismatches\": 0"), r.out());
            }
        }
        CliRun v = kautz("verify", kz.toString(), "--target", "imply", "--consume-inputs");
        assertEquals(0, v.code(), v.out() + v.err());
    }

    @Test
    void exactSynthesisOfATinyKernel(@TempDir Path dir) throws Exception {
        Path kz = dir.resolve("x.kz");
        Files.writeString(kz, "kernel x(a: bit, b: bit) -> (y: bit) {\n    y = a ^ b;\n}\n");
        CliRun r = kautz("run", kz.toString(), "--target", "imply", "--init", "single", "--consume-inputs", "--exact");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("scheduler exact, init single: gates 6, logic cycles 6, init cycles 3, cycles 9"), r.err());
        assertTrue(r.err().contains("mismatches 0"), r.err());
        CliRun bulk = kautz("run", kz.toString(), "--target", "imply", "--exact");
        assertEquals(2, bulk.code());
        assertEquals("kautz: --exact: the search counts every false, the --init single model; add --init single\n", bulk.err());
    }

    @Test
    void aTargetWithoutInPlaceGatesIsAnError() {
        CliRun r = kautz("run", "../samples/add8.kz", "--consume-inputs");
        assertEquals(2, r.code());
        assertEquals("kautz: --consume-inputs: target magic-nor has no in-place gate (imp), so no gate could overwrite an input\n", r.err());
    }
}
