package kautz.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthImplyCommandTest {
    @Test
    void findsTheShortestNandAndWritesItsProgram(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nand.kasm");
        CliRun r = CliRun.of("synth-imply", "--function", "nand2", "--cells", "2", "--max-steps", "6", "--node-limit", "100000", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("nand2, 2 cells, inputs intact: 3 steps"), r.out());
        CliRun sim = CliRun.of("sim", out.toString(), "--inputs", "a=1,b=1");
        assertEquals(0, sim.code(), sim.err());
        assertTrue(Files.readString(out).contains("imp 0, 2"), Files.readString(out));
    }

    @Test
    void aProgramThatOverwritesItsInputsSaysSo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("xor.kasm");
        CliRun r = CliRun.of("synth-imply", "--function", "xor2", "--cells", "4", "--consume-inputs", "--max-steps", "12", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("xor2, 4 cells, inputs consumed: 9 steps"), r.out());
        assertTrue(Files.readString(out).contains("\n.consume-inputs\n"), Files.readString(out));
        CliRun sim = CliRun.of("sim", out.toString(), "--inputs", "a=1,b=0");
        assertEquals(0, sim.code(), sim.err());
        assertEquals("", sim.warnings(), "no lint finding: the input writes are declared");
        assertTrue(sim.out().contains("-> x=1"), sim.out());
    }

    @Test
    void reportsWhenNoProgramIsShortEnough() {
        CliRun r = CliRun.of("synth-imply", "--function", "xor2", "--cells", "3", "--max-steps", "10", "--node-limit", "100000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("no program of at most 10 steps"), r.out());
    }

    @Test
    void mistakesAreOneLineErrors() {
        CliRun r = CliRun.of("synth-imply", "--function", "sum9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--function: unknown function 'sum9'"), r.err());
        assertEquals(2, CliRun.of("synth-imply", "--cells", "2", "--consume-inputs").code());
    }
}
