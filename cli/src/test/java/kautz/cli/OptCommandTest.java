package kautz.cli;

import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.opt.RandomSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** kautz opt, passes and optbench as a user sees them. */
class OptCommandTest {
    private static CliRun kautz(String... args) { return CliRun.of(args); }

    @TempDir
    Path tmp;

    /** A 2-bit ripple adder with a redundant term, written as BLIF. */
    private Path adder() throws Exception {
        Path f = tmp.resolve("add2.blif");
        Files.writeString(f, """
                .model add2
                .inputs a[0] a[1] b[0] b[1]
                .outputs s[0] s[1] c
                .names a[0] b[0] s[0]
                10 1
                01 1
                .names a[0] b[0] c0
                11 1
                .names a[1] b[1] c0 s[1]
                100 1
                010 1
                001 1
                111 1
                .names a[1] b[1] c0 c
                11- 1
                1-1 1
                -11 1
                111 1
                .end
                """);
        return f;
    }

    @Test
    void optPrintsStatsAndWritesEveryFormat() throws Exception {
        Path in = adder();
        Aig original = DesignLoader.load(in, null).network();
        for (String ext : new String[]{"aig", "aag", "blif", "v"}) {
            Path out = tmp.resolve("out." + ext);
            CliRun r = kautz("opt", in.toString(), "-p", "strash; balance; rewrite", "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("input ") && r.out().contains("rewrite") && r.out().contains("result"), r.out());
            Aig back = DesignLoader.load(out, null).network();
            assertEquals(original.outputNames(), back.outputNames());
            assertEquals(-1, RandomSimulation.firstDifference(original, back, 4, 1), ext);
        }
    }

    @Test
    void userMistakesAreOneLineErrors() throws Exception {
        Path in = adder();
        CliRun r = kautz("opt", in.toString(), "-p", "strash; nosuchpass");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("kautz: unknown pass 'nosuchpass'"), r.err());
        r = kautz("opt", in.toString(), "-o", tmp.resolve("x.txt").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot write '.txt' files"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.txt")));
        Path bad = tmp.resolve("bad.aig");
        Files.write(bad, "aig 3 2 0 1 1\n6\n\u0082".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        r = kautz("opt", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("kautz: " + bad + ": byte "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void passesAreListedAndExplained() {
        CliRun r = kautz("passes");
        assertEquals(0, r.code());
        for (String p : new String[]{"strash", "cleanup", "constprop", "balance", "rewrite", "default script:"}) {
            assertTrue(r.out().contains(p), p);
        }
        assertEquals(r.out(), kautz("opt", "--list").out());
        r = kautz("passes", "rewrite");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("cuts"), r.out());
    }

    @Test
    void optbenchChecksEveryResult() throws Exception {
        CliRun r = kautz("optbench", "--repeat", "1", adder().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("add2") && r.out().contains("yes"), r.out());
        r = kautz("optbench", "--repeat", "1", "--prove", adder().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("proven"), r.out());
    }
}
