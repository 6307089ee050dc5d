package kautz.cli;

import kautz.flow.Flow;
import kautz.frontend.DesignLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule for every command and input form: results on stdout, summaries on stderr; and a row that differs
 * from the reference evaluation makes {@code run} exit 1, as it does {@code bench} and {@code sim --check}.
 */
class OutputStreamsTest {
    private static final String AND = "kernel k(a: u<4>, b: u<4>) -> (s: u<4>) { s = a & b; }\n";
    private static final String OR = "kernel k(a: u<4>, b: u<4>) -> (s: u<4>) { s = a | b; }\n";

    @Test
    void runPutsResultsOnStdoutAndItsSummaryOnStderrWithExplicitAndRandomInputs(@TempDir Path dir) throws IOException {
        Path and = Files.writeString(dir.resolve("and.kz"), AND);
        CliRun explicit = CliRun.of("run", and.toString(), "--inputs", "a=12,b=10");
        assertEquals(0, explicit.code(), explicit.err());
        assertEquals("s=8\n", explicit.out());
        assertTrue(explicit.err().contains("gates ") && explicit.err().contains("mismatches 0 "), explicit.err());

        CliRun random = CliRun.of("run", and.toString(), "--rows", "20");
        assertEquals(0, random.code(), random.err());
        assertTrue(random.out().lines().allMatch(l -> l.startsWith("row ") || l.startsWith("… ")), random.out());
        assertTrue(random.err().contains("20 rows of random inputs") && random.err().contains("gates ")
                && random.err().contains("mismatches 0 "), random.err());
    }

    @Test
    void simAndCompileFollowTheSameRule(@TempDir Path dir) throws IOException {
        Path and = Files.writeString(dir.resolve("and.kz"), AND);
        Path kasm = dir.resolve("and.kasm");
        CliRun compile = CliRun.of("compile", and.toString(), "-o", kasm.toString());
        assertEquals(0, compile.code(), compile.err());
        assertEquals("", compile.out(), "the program went to -o");
        assertTrue(compile.err().contains("-> " + kasm), compile.err());

        for (String inputs : new String[] {"a=12,b=10", "random"}) {
            CliRun sim = CliRun.of("sim", kasm.toString(), "--inputs", inputs, "--check", and.toString());
            assertEquals(0, sim.code(), sim.err());
            assertTrue(sim.out().lines().allMatch(l -> l.startsWith("row 0: ")), sim.out());
            assertTrue(sim.err().contains("gates ") && sim.err().contains("mismatches 0 "), sim.err());
        }
        CliRun unchecked = CliRun.of("sim", kasm.toString());
        assertEquals(0, unchecked.code(), unchecked.err());
        assertTrue(unchecked.err().contains("mismatches not checked (--check SOURCE"), "sim says what it did not check: " + unchecked.err());
    }

    /** Runs {@code kautz run} on the AND kernel with a compiler that compiles the OR kernel instead: every check must catch it. */
    private static CliRun runMiscompiled(Path dir, String... more) throws IOException {
        Path and = Files.writeString(dir.resolve("and.kz"), AND);
        Path or = Files.writeString(dir.resolve("or.kz"), OR);
        String[] args = new String[more.length + 2];
        args[0] = "run";
        args[1] = and.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err),
                (design, options) -> Flow.compile(DesignLoader.load(or, null), options).withDesign(design));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void runExitsOneWhenRowsDifferFromTheSource(@TempDir Path dir) throws IOException {
        CliRun explicit = runMiscompiled(dir, "--inputs", "a=12,b=10");
        assertEquals(1, explicit.code(), explicit.err());
        assertEquals("s=14\n", explicit.out(), "the outputs are still shown");
        assertTrue(explicit.err().endsWith(": 1 of 1 rows differ from the reference evaluation of the source\n"), explicit.err());

        CliRun random = runMiscompiled(dir, "--rows", "64");
        assertEquals(1, random.code(), random.err());
        assertFalse(random.err().contains("mismatches 0 "), random.err());

        CliRun json = runMiscompiled(dir, "--rows", "64", "--json");
        assertEquals(1, json.code(), json.err());
        assertTrue(json.out().startsWith("{") && !json.out().contains("\"mismatches\": 0,"), json.out());
    }
}
