package kautz.cli;

import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** {@code kautz run} and {@code kautz stats} as a user sees them (the golden corpus covers the language). */
class RunAndStatsCommandTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static GoldenTest.Result kautz(String... args) { return GoldenTest.kautz(List.of(args)); }

    @Test
    void unknownKernelListsTheKernels() throws IOException {
        Path f = write("two.kz", "kernel a(x: bit) -> (y: bit) { y = x; }\nkernel b(x: bit) -> (y: bit) { y = ~x; }\n");
        GoldenTest.Result r = kautz("run", f.toString(), "--kernel", "c", "--inputs", "x=1");
        assertEquals(1, r.code());
        assertEquals("kautz: " + f + ": no kernel named 'c' (kernels: a, b)", r.err().strip());
    }

    @Test
    void outputsWiderThan63BitsAreJsonStrings() throws IOException {
        Path f = write("wide.kz", "kernel w(x: u<70>) -> (y: u<70>, z: u<8>) { y = ~x; z = x[7:0]; }\n");
        GoldenTest.Result r = kautz("run", f.toString(), "--inputs", "x=0", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"outputs\": {\"y\": \"1180591620717411303423\", \"z\": 0}"), r.out());
        assertTrue(r.out().contains("\"mismatches\": 0"), r.out());
    }

    @Test
    void randomRowsReportNoOutputsInJsonAndSeedIsReproducible() throws IOException {
        Path f = write("inc.kz", "kernel inc(x: u<8>) -> (y: u<8>) { y = x + 1; }\n");
        GoldenTest.Result r = kautz("run", f.toString(), "--rows", "100", "--json");
        assertTrue(r.out().startsWith("{\"kernel\": \"inc\""), r.out());
        assertTrue(r.out().contains("\"rows\": 100") && r.out().contains("\"mismatches\": 0"), r.out());
        assertFalse(r.out().contains("\"outputs\""), "random rows have no single output values: " + r.out());
        String text1 = kautz("run", f.toString(), "--rows", "3", "--seed", "7").out();
        String text2 = kautz("run", f.toString(), "--rows", "3", "--seed", "7").out();
        assertEquals(text1, text2);
        for (String line : text1.lines().filter(l -> l.startsWith("row ")).toList()) {
            int x = Integer.parseInt(line.replaceAll(".*x=(\\d+).*", "$1"));
            int y = Integer.parseInt(line.replaceAll(".*y=(\\d+).*", "$1"));
            assertEquals((x + 1) & 255, y, line);
        }
    }

    @Test
    void badInputsAndUsageErrors() throws IOException {
        Path f = write("inc.kz", "kernel inc(x: u<8>) -> (y: u<8>) { y = x + 1; }\n");
        GoldenTest.Result tooWide = kautz("run", f.toString(), "--inputs", "x=256");
        assertEquals(2, tooWide.code());
        assertEquals("kautz: --inputs: x=256 does not fit in 8 bits", tooWide.err().strip());
        assertEquals(2, kautz("run", f.toString(), "--bogus").code(), "unknown option is a usage error");
        assertEquals(2, kautz("stats").code(), "missing file is a usage error");
        GoldenTest.Result missing = kautz("stats", dir.resolve("nope.kz").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void statsJsonHasTheSchemaKeys() throws IOException {
        Path f = write("and.kz", "kernel k(a: u<2>) -> (y: bit) { y = &a; }\n");
        GoldenTest.Result r = kautz("stats", f.toString(), "--json");
        assertEquals("{\"inputs\": 2, \"outputs\": 1, \"ands\": 1, \"depth\": 1}", r.out().strip());
    }

    @Test
    void statsTimesRepeatedLoads() throws IOException {
        Path f = write("and.kz", "kernel k(a: u<2>) -> (y: bit) { y = &a; }\n");
        GoldenTest.Result r = kautz("stats", f.toString(), "--time", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\n  load     first [0-9.]+ ms, median [0-9.]+ ms wall.* over 3 runs\n"), r.out());
        assertEquals(2, kautz("stats", f.toString(), "--time", "-1").code(), "a bad option value is a usage error");
    }

    @Test
    void statsOfAMappedNetlistCountsItsGates() {
        Optional<Path> shared = SharedBenchmarks.dir();
        Assumptions.assumeTrue(shared.isPresent(), SharedBenchmarks.MISSING);
        Path c17 = shared.get().resolve("nor-mapped").resolve("c17.v");
        Assumptions.assumeTrue(Files.isRegularFile(c17), "no nor-mapped/c17.v");
        GoldenTest.Result r = kautz("stats", c17.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("\\{\"inputs\": 5, \"outputs\": 2, \"ands\": \\d+, \"depth\": \\d+, \"gates\": \\{.*\"nor2\": \\d+.*}}\\s*"), r.out());
    }
}
