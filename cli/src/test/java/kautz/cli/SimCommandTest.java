package kautz.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SimCommandTest {
    /** y = a XOR b from five NORs; the last gate's output cell is never set to 1 first. */
    static final String XOR = """
            .kernel xor
            .target magic-nor
            .rowsize 8
            .input a 0
            .input b 1
            .output y 6
            init1 2, 3, 4, 5
            nor 2, 0, 1
            nor 3, 0, 2
            nor 4, 1, 2
            nor 5, 3, 4
            nor 6, 5          # cell 6 was never initialised
            """;

    /** Two NOT gates in one cycle, each in its own partition. */
    private static final String NOTS = """
            .kernel nots
            .rowsize 32
            .init op
            .partitions 4x8
            .model standard
            .input a 0
            .input b 8
            .output x 2
            .output y 10
            init1 2 | init1 10
            nor 2, 0 | nor 10, 8
            """;

    private static CliRun sim(String... args) { return CliRun.of(args); }

    @Test
    void anUninitialisedOutputGivesAWrongResultAndAWarningNamingTheOp(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("xor.kasm");
        Files.writeString(bad, XOR);
        for (String engine : new String[]{"interp", "jit"}) {
            CliRun r = sim("sim", bad.toString(), "--inputs", "a=1,b=0", "--rows", "70", "--engine", engine);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("row 0: a=1 b=0 -> y=0"), "1 xor 0 comes out 0, as on a chip: " + r.out());
            assertTrue(r.err().contains("kautz: warning: " + bad + ":12: op 5 (nor 6, 5): output cell 6 was never initialised, but nor needs it to hold 1 first (init1 6)"), r.err());
        }
        Path good = dir.resolve("good.kasm");
        Files.writeString(good, XOR.replace("init1 2, 3, 4, 5", "init1 2, 3, 4, 5, 6") + ".end 6 ops\n");
        CliRun r = sim("sim", good.toString(), "--inputs", "a=1,b=0");
        assertTrue(r.out().contains("-> y=1"), r.out());
        assertEquals("", r.warnings());
        assertTrue(r.err().contains("gates 5, logic cycles 5, init cycles 0, cycles 5, cells 7, io cycles 3"), r.err());

        r = sim("sim", good.toString(), "--inputs", "a=1,b=1", "--json");
        assertTrue(r.out().contains("\"engine\": \"interp\""), "the default (auto) names the engine it chose: " + r.out());
        r = sim("sim", good.toString(), "--inputs", "a=1,b=1", "--json", "--engine", "interp");
        assertEquals("{\"kernel\": \"xor\", \"target\": \"magic-nor\", \"rowSize\": 8, \"rows\": 1, \"engine\": \"interp\", \"init\": \"bulk\", "
                + "\"gates\": 5, \"logicCycles\": 5, \"initCycles\": 0, \"programCycles\": 0, \"cycles\": 5, \"cells\": 7, \"ioCycles\": 3, "
                + "\"partitions\": 1, \"partitionSpec\": \"8\", \"model\": \"unlimited\", \"parallelism\": 1.0, "
                + "\"outputs\": {\"y\": 0}}\n", r.out());
    }

    @Test
    void partitionedProgramsReportTheirPartitionsModelAndParallelism(@TempDir Path dir) throws Exception {
        Path nots = dir.resolve("nots.kasm");
        Files.writeString(nots, NOTS);
        CliRun r = sim("sim", nots.toString(), "--inputs", "a=1,b=0", "--json", "--engine", "jit");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"gates\": 2, \"logicCycles\": 1, \"initCycles\": 1, \"programCycles\": 0, \"cycles\": 2, "
                + "\"cells\": 11, \"ioCycles\": 4, \"partitions\": 4, \"partitionSpec\": \"4x8\", \"model\": \"standard\", "
                + "\"parallelism\": 2.0, \"outputs\": {\"x\": 0, \"y\": 1}}"), r.out());
        r = sim("sim", nots.toString(), "--inputs", "a=1,b=0");
        assertTrue(r.err().contains("cycles 2, cells 11, io cycles 4, partitions 4x8 (standard), parallelism 2.00"), r.err());
    }

    @Test
    void mistakesAreOneLineUserErrors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("typo.kasm");
        Files.writeString(bad, ".kernel k\n.rowsize 4\nnro 1, 0\n");
        CliRun r = sim("sim", bad.toString());
        assertEquals(1, r.code());
        assertEquals("kautz: " + bad + ":3:1: unknown micro-op 'nro'; did you mean 'nor'?\n  nro 1, 0\n  ^\n", r.err());

        Files.writeString(bad, ".kernel k\n.rowsize 4\n.input a 0\n.end 0 ops\n");
        r = sim("sim", bad.toString(), "--engine", "fast");
        assertEquals(2, r.code());
        assertEquals("kautz: --engine: unknown engine 'fast' (known: auto, interp, jit)\n", r.err());
        r = sim("sim", bad.toString(), "--inputs", "a=2");
        assertEquals("kautz: --inputs: a=2 does not fit in 1 bit\n", r.err());
    }

    @Test
    void aProgramThatBreaksItsModelIsRefusedNamingTheRuleTheLineAndTheOps(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.kasm");
        Files.writeString(bad, """
                .kernel k
                .rowsize 32
                .partitions 4x8
                .model standard
                .input a 0
                .output y 2
                init1 2 | init1 10
                nor 2, 0 | nor 11, 8
                """);
        for (String cmd : new String[] {"sim", "trace"}) {
            CliRun r = sim(cmd, bad.toString());
            assertEquals(1, r.code(), r.err());
            assertEquals("kautz: " + bad + ":8: cycle breaks rule 'index' of the standard model (each operand position has the same index"
                    + " within its partition in every op of a logic cycle): operand 1 is index 2 of its partition in 'nor 2, 0' but index 3"
                    + " in 'nor 11, 8'\n", r.err().replaceFirst("^kautz: warning: [^\n]*'\\.end N ops'[^\n]*\n", ""));
            assertEquals("", r.out());
        }
        Files.writeString(bad, Files.readString(bad).replace(".model standard", ".model unlimited"));
        assertEquals(0, sim("sim", bad.toString()).code());
    }

    @Test
    void traceShowsTheOpsOfACycleSideBySideWithTheirPartitions(@TempDir Path dir) throws Exception {
        Path nots = dir.resolve("nots.kasm");
        Files.writeString(nots, NOTS);
        CliRun r = sim("trace", nots.toString(), "--inputs", "a=1,b=0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("partitions 4x8 (standard model): P0 0..7, P1 8..15, P2 16..23, P3 24..31\n"), r.out());
        assertTrue(r.out().contains("    1      1  P0: init1 2 | P1: init1 10   c2 0->1 c10 0->1\n"), r.out());
        assertTrue(r.out().contains("    2      2  P0: nor 2, 0 | P1: nor 10, 8   c2 1->0 c10 1->1\n"), r.out());
        assertTrue(r.out().contains("outputs: x=0 y=1"), r.out());
    }
}
