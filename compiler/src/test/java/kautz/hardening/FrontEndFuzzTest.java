package kautz.hardening;

import kautz.diag.UserError;
import kautz.lang.KautzCompiler;
import kautz.lang.elab.Limits;
import kautz.util.Fuzz;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The .kz front end on damaged input: random mutations and truncations of real sources (the samples and
 * the examples below) either compile or fail with a one-line {@link UserError}; never another exception,
 * a hang or running out of memory. Also checks that the limits of {@link Limits} stop runaway programs.
 */
@Tag("slow")
class FrontEndFuzzTest {
    private static final int MUTATIONS_PER_FILE = 250;

    /** Sources covering the language: functions with width parameters, loops, if, slices, concatenation, mem. */
    private static final List<String> OWN = List.of("""
            const W = 8;
            fn full_add(a: bit, b: bit, c: bit) -> (s: bit, co: bit) {
                s  = a ^ b ^ c;
                co = maj(a, b, c);
            }
            fn inc<N>(x: u<N>) -> u<N> { return x + 1; }
            kernel add(a: u<W>, b: u<W>) -> (sum: u<W+1>) {
                var carry: bit = 0;
                for i in 0..W { (sum[i], carry) = full_add(a[i], b[i], carry); }
                sum[W] = carry;
            }
            kernel misc(a: u<4>, b: u<4>, s: bit) -> (y: u<8>, z: bit, w: u<4>) {
                y = {a, b} * 3;
                if s { w = inc(a); } else { w = a - b; }
                z = (a < b) | &a ^ |b | nor(a[0], b[1]) | imp(a[2], b[3]) | xnor(a[3], s);
                w[1:0] = s ? a[3:2] : ~b[1:0];
            }
            """, """
            mem m: mlc<4>[2];
            kernel store(x: u<4>) { m[0] = x[1:0]; m[1] = x[3:2] >> 1; }
            kernel load() -> (y: u<4>) { y = {m[1], m[0]} << 1; }
            """);

    @Test
    void mutatedSourcesGiveOnlyOneLineUserErrors() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String src : OWN) seeds.add(src.getBytes(StandardCharsets.UTF_8));
        Path samples = Path.of("..", "samples");
        if (Files.isDirectory(samples)) {
            try (Stream<Path> s = Files.list(samples)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".kz")).sorted().toList()) seeds.add(Files.readAllBytes(p));
            }
        }
        // a hang is any input that takes longer than this; the whole run takes what the inputs take
        Fuzz.run("fuzz.kz", seeds, MUTATIONS_PER_FILE, 9, Fuzz.SYNTAX, Duration.ofSeconds(30),
                b -> KautzCompiler.compile("fuzz.kz", new String(b, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void limitsStopRunawayProgramsWithAMessage() {
        assertLimit("kernel k(a: u<100000>) -> (y: bit) { y = a[0]; }", "exceeds the limit of " + Limits.MAX_WIDTH);
        assertLimit("kernel k(a: bit) -> (y: bit) { var x: bit = a; for i in 0..1000000000 { x = ~x; } y = x; }",
                "loops unroll to more than " + Limits.MAX_LOOP_TRIPS);
        assertLimit("kernel k(a: bit) -> (y: bit) { var x: bit = a; " + "if a { ".repeat(20_000) + "x = ~x;" + " }".repeat(20_000) + " y = x; }",
                "brackets nest deeper than " + Limits.MAX_NESTING + " levels (the limit)");
        assertLimit("kernel k(a: bit) -> (y: bit) { var x: bit = a; " + "if a { ".repeat(Limits.MAX_NESTING) + "x = ~x;" + " }".repeat(Limits.MAX_NESTING) + " y = x; }",
                "brackets nest deeper than");
        int deepest = Limits.MAX_NESTING - 1; // the kernel's body is one level
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> KautzCompiler.compile("deep.kz",
                "kernel k(a: u<8>) -> (y: u<8>) { var x: u<8> = a; " + "if a[0] { x = x + 1; ".repeat(deepest) + " }".repeat(deepest) + " y = x; }"));
        assertLimit("fn f(x: bit) -> bit { return f(x); } kernel k(a: bit) -> (y: bit) { y = f(a); }",
                "recursion is not allowed");
    }

    private static void assertLimit(String src, String expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                KautzCompiler.compile("lim.kz", src);
                fail("accepted: " + src);
            } catch (UserError e) {
                assertTrue(e.getMessage().startsWith("lim.kz:"), e.getMessage());
                assertTrue(e.getMessage().contains(expected), e.getMessage());
            }
        });
    }
}
