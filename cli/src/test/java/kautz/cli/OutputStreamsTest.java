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
        CliRun toStdout = CliRun.of("compile", and.toString());
        assertTrue(toStdout.out().startsWith("# Kautz micro-op program"), toStdout.out());
        assertEquals(counts(compile.err()).replace(" -> " + kasm, ""), counts(toStdout.err()), "the same counts on stderr, wherever the program goes");

        for (String inputs : new String[] {"a=12,b=10", "random"}) {
            CliRun sim = CliRun.of("sim", kasm.toString(), "--inputs", inputs, "--check", and.toString());
            assertEquals(0, sim.code(), sim.err());
            assertTrue(sim.out().lines().allMatch(l -> l.startsWith("row ") || l.startsWith("… ")), sim.out());
            assertTrue(sim.err().contains("gates ") && sim.err().contains("mismatches 0 "), sim.err());
        }
        CliRun unchecked = CliRun.of("sim", kasm.toString());
        assertEquals(0, unchecked.code(), unchecked.err());
        assertTrue(unchecked.err().contains("mismatches not checked (--check SOURCE"), "sim says what it did not check: " + unchecked.err());
    }

    @Test
    void simShowsTheRowsRunShowsAndDefaultsToOneRowForExplicitInputs(@TempDir Path dir) throws IOException {
        Path and = Files.writeString(dir.resolve("and.kz"), AND);
        Path kasm = dir.resolve("and.kasm");
        assertEquals(0, CliRun.of("compile", and.toString(), "-o", kasm.toString()).code());
        CliRun run = CliRun.of("run", and.toString(), "--rows", "20");
        CliRun sim = CliRun.of("sim", kasm.toString(), "--rows", "20");
        assertEquals(0, sim.code(), sim.err());
        assertEquals(run.out(), sim.out(), "the same random rows, printed alike");
        assertTrue(sim.out().endsWith("… 12 more rows\n"), sim.out());

        CliRun one = CliRun.of("sim", kasm.toString(), "--inputs", "a=12,b=10", "--json");
        assertTrue(one.out().contains("\"rows\": 1,"), "one row with explicit inputs, as run: " + one.out());
        assertEquals("row 0: a=12 b=10 -> s=8\n", CliRun.of("sim", kasm.toString(), "--inputs", "a=12,b=10").out());
    }

    @Test
    void aRunOnADevicePrintsItsRowsAsAFunctionalRunDoesAndItsCountsOnStderr() {
        CliRun functional = CliRun.of("run", "../samples/add8.kz", "--inputs", "a=1,b=2");
        CliRun device = CliRun.of("run", "../samples/add8.kz", "--inputs", "a=1,b=2", "--device", "hfo2-1t1r");
        assertEquals(0, device.code(), device.err());
        assertTrue(device.out().startsWith(functional.out()), "the outputs first, as without a device:\n" + device.out());
        assertTrue(device.out().contains("\nmismatches 0 (") && device.out().contains("energy "), "the device's report is a result: " + device.out());
        String summary = functional.err().lines().filter(l -> l.contains("gates ")).findFirst().orElseThrow();
        assertTrue(device.err().contains(summary), "the program's counts on stderr: " + device.err());

        CliRun randomFunctional = CliRun.of("run", "../samples/add8.kz", "--rows", "12");
        CliRun randomDevice = CliRun.of("run", "../samples/add8.kz", "--rows", "12", "--device", "hfo2-1t1r");
        assertEquals(0, randomDevice.code(), randomDevice.err());
        assertTrue(randomDevice.out().startsWith(randomFunctional.out()), "the same rows as without a device:\n" + randomDevice.out());
        assertTrue(randomDevice.err().contains(summary), randomDevice.err());
    }

    @Test
    void optionsOnlyADeviceReadsAreRefusedWithoutOne(@TempDir Path dir) throws IOException {
        Path kasm = dir.resolve("add8.kasm");
        assertEquals(0, CliRun.of("compile", "../samples/add8.kz", "-o", kasm.toString()).code());
        String[][] cases = {{"--device-set", "rOnOhm=2e4"}, {"--gate-voltage-scale", "0.9"}, {"--variation", "2"}, {"--array", "passive"}, {"--cols", "128"}, {"--runs", "3"}, {"--wear-levelling"}, {"--write-scheme", "fixed"}, {"--read-delay", "1"}};
        for (String[] c : cases) {
            for (String[] command : new String[][] {{"run", "../samples/add8.kz"}, {"sim", kasm.toString()}}) {
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.Arrays.stream(c)).toArray(String[]::new);
                CliRun r = CliRun.of(args);
                assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
                assertEquals("kautz: " + c[0] + " sets up the device engine; add --device PRESET (kautz devices lists them)\n", r.err());
                assertEquals("", r.out());
            }
        }
        CliRun once = CliRun.of("run", "../samples/add8.kz", "--device", "hfo2-1t1r", "--wear-levelling");
        assertEquals(2, once.code(), once.err());
        assertEquals("kautz: --wear-levelling rotates cells between repeated runs; add --runs N (N at least 2)\n", once.err());
        assertEquals(0, CliRun.of("run", "../samples/add8.kz", "--rows", "2", "--levels", "4").code(), "--levels also sets the functional engines' levels");
    }

    /** The line of the program's counts (progress lines of a slow stage left out). */
    private static String counts(String stderr) {
        return stderr.lines().filter(l -> l.contains("gates ")).findFirst().orElse("(no counts in: " + stderr + ")");
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
