package kautz.cli;

import kautz.flow.CompileCache;
import kautz.flow.FlowCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run} and {@code compile} print exactly the same with a cache of compiled programs as without one. */
class CompileCacheCliTest {
    @TempDir Path dir;

    private static CliRun run(FlowCompiler compiler, List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), compiler);
        return new CliRun(code, out.toString(), err.toString());
    }

    private static void assertSameBothWays(CompileCache cache, List<String> args) {
        CliRun direct = run(FlowCompiler.DIRECT, args);
        assertEquals(direct, run(cache, args), args.toString());
    }

    @Test
    void monteCarloPointsPrintWhatUncachedRunsPrintFromOneCompilation() throws Exception {
        Path f = Files.writeString(dir.resolve("add.kz"), "kernel add(a: u<6>, b: u<6>) -> (y: u<7>) { y = u<7>(a) + u<7>(b); }\n");
        CompileCache cache = new CompileCache(8, 1_000_000);
        int points = 0;
        for (String device : List.of("hfo2-1t1r", "ito-bisno2-tin")) {
            for (int seed = 1; seed <= 2; seed++) {
                List<String> args = List.of("run", f.toString(), "--scheduler", "simpler", "--rows", "8", "--runs", "3",
                        "--device", device, "--seed", Integer.toString(seed), "--json");
                assertSameBothWays(cache, args);
                points++;
            }
        }
        assertEquals(new CompileCache.Stats(points - 1, 1, 1, cache.stats().weight()), cache.stats());
        // the functional engines and compile --json, every output format
        for (List<String> extra : List.<List<String>>of(List.of("--json"), List.of(), List.of("--inputs", "a=5,b=7"), List.of("--engine", "jit", "--json"))) {
            List<String> args = new ArrayList<>(List.of("run", f.toString(), "--scheduler", "simpler", "--rows", "64"));
            args.addAll(extra);
            assertSameBothWays(cache, args);
        }
        assertSameBothWays(cache, List.of("compile", f.toString(), "--scheduler", "simpler", "--json"));
        assertSameBothWays(cache, List.of("compile", f.toString(), "--scheduler", "simpler"));
        assertEquals(1, cache.stats().compiles());
    }

    @Test
    void anEditedFileAndAFailingPointAreNotServedFromTheCache() throws Exception {
        Path f = dir.resolve("k.kz");
        Files.writeString(f, "kernel k(a: u<4>, b: u<4>) -> (y: u<4>) { y = a & b; }\n");
        CompileCache cache = new CompileCache(8, 1_000_000);
        List<String> args = List.of("compile", f.toString(), "--scheduler", "simpler", "--opt", "none", "--json");
        CliRun before = run(cache, args);
        Files.writeString(f, "kernel k(a: u<4>, b: u<4>) -> (y: u<4>) { y = a + b; }\n");
        CliRun after = run(cache, args);
        assertNotEquals(before, after);
        assertEquals(run(FlowCompiler.DIRECT, args), after);
        assertEquals(2, cache.stats().compiles());

        List<String> tooSmall = List.of("run", f.toString(), "--scheduler", "simpler", "--opt", "none", "--row-size", "9", "--json");
        assertSameBothWays(cache, tooSmall);
        assertSameBothWays(cache, tooSmall);
        CliRun failed = run(cache, tooSmall);
        assertEquals(1, failed.code());
        assertTrue(failed.err().startsWith("kautz: "), failed.err());
    }
}
