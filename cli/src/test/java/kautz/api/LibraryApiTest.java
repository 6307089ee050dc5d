package kautz.api;

import kautz.diag.UserError;
import kautz.netlist.Yosys;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The library entry point against what the command line reports for the same work. */
class LibraryApiTest {
    private static final Path ADD8 = Path.of("..", "samples", "add8.kz");

    @Test
    void compileReportsTheKeysOfCompileJson() {
        Compilation c = Kautz.compile(ADD8, Options.defaults().set("target", "felix").set("row_size", "min"));
        java.io.StringWriter out = new java.io.StringWriter();
        assertEquals(0, kautz.cli.Main.run(new String[]{"compile", ADD8.toString(), "--target", "felix", "--row-size", "min", "--json"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter())));
        assertEquals(out.toString().strip(), c.reportJson(), "the same report as compile --json");
        assertEquals("felix", c.report().get("target"));
        assertEquals(c.program().rowSize(), ((Number) c.report().get("rowSize")).intValue());
        assertTrue(c.kasm().contains(".kernel add"), c.kasm());
        assertEquals(List.of("a", "b"), c.inputs().stream().map(kautz.ports.Port::name).toList());
    }

    @Test
    void runTakesPerRowValuesAndChecksEveryRow() {
        Compilation c = Kautz.compileSource("""
                kernel mac(a: u<8>, b: u<8>, c: u<16>) -> (y: u<16>) { y = u<16>(a) * u<16>(b) + c; }
                """, Options.defaults());
        int rows = 1000;
        Random rnd = new Random(3);
        long[] a = new long[rows], b = new long[rows];
        for (int r = 0; r < rows; r++) { a[r] = rnd.nextInt(256); b[r] = rnd.nextInt(256); }
        RunResult res = Kautz.run(c, Map.of("a", a, "b", b, "c", new long[]{65535}), rows);
        for (int r = 0; r < rows; r++) assertEquals((a[r] * b[r] + 65535) & 0xffff, res.outputs().get("y")[r]);
        assertEquals(0L, res.mismatches());
        assertEquals(rows, ((Number) res.report().get("rows")).intValue());
        assertTrue(res.report().containsKey("engine"));

        UserError e = assertThrows(UserError.class, () -> Kautz.run(c, Map.of("a", new long[]{1}, "b", new long[]{1}), 1));
        assertEquals("input 'c' is not given", e.getMessage());
        e = assertThrows(UserError.class, () -> Kautz.run(c, Map.of("a", new long[]{256}, "b", new long[]{1}, "c", new long[]{0}), 1));
        assertEquals("input 'a': 256 does not fit in 8 bits", e.getMessage());
        e = assertThrows(UserError.class, () -> Kautz.run(c, Map.of("a", new long[]{1, 2}, "b", new long[]{1}, "c", new long[]{0}), 3));
        assertEquals("input 'a' has 2 values for 3 rows", e.getMessage());
    }

    @Test
    void deviceRunsReportEnergy() {
        Compilation c = Kautz.compile(ADD8, Options.defaults());
        RunResult r = Kautz.runRandom(c, 256, 7, "auto", "hfo2-1t1r");
        assertEquals("device", r.report().get("engine"));
        assertEquals(256, r.outputs().get("sum").length);
        assertTrue(r.report().keySet().stream().anyMatch(k -> k.toLowerCase().contains("energy")), r.report().toString());
    }

    @Test
    void verifyAndBatch() {
        Verification v = Kautz.verify(Kautz.compile(ADD8, Options.defaults().set("target", "imply")));
        assertTrue(v.equivalent(), v.text());
        assertTrue(v.text().startsWith("equivalent"));

        List<Map<String, Object>> rows = Kautz.batch(List.of(ADD8, Path.of("no-such.aig")),
                List.of(Options.defaults(), Options.defaults().set("scheduler", "simpler"), Options.defaults().set("scheduler", "nope")));
        assertEquals(6, rows.size());
        assertEquals("simpler", rows.get(1).get("scheduler"));
        assertTrue(((Number) rows.get(0).get("cycles")).longValue() > 0);
        assertTrue(((String) rows.get(2).get("error")).startsWith("unknown scheduler 'nope'"));
        assertEquals("no-such.aig: no such file", rows.get(3).get("error"));
    }

    @Test
    void writeVerifyPerScheme() {
        for (String scheme : Kautz.writeSchemes()) {
            Map<String, Object> m = Kautz.writeVerify("rram-2bit-levy2021", scheme, 4, 2000, 1);
            assertTrue(((Number) m.get("meanPulses")).doubleValue() >= 1, m.toString());
            assertTrue(m.containsKey("readBER"));
        }
    }

    @Test
    void partitionsAndTheirModelAsOnTheCommandLine() {
        Compilation c = Kautz.compile(ADD8, Options.defaults().set("partitions", "8").set("model", "standard").set("init", "op"));
        Map<String, Object> report = c.report();
        assertEquals(8, ((Number) report.get("partitions")).intValue(), report.toString());
        assertEquals("standard", report.get("model"));
        RunResult r = Kautz.run(c, Map.of("a", new long[] {5, 200}, "b", new long[] {7, 100}), 2);
        assertArrayEquals(new long[] {12, 300}, r.outputs().get("sum"));
        assertEquals(0, r.mismatches());
        UserError e = assertThrows(UserError.class, () -> Kautz.compile(ADD8, Options.defaults().set("model", "minimal")));
        assertTrue(e.getMessage().endsWith("add --partitions"), e.getMessage());
    }

    @Test
    void portsWiderThan64BitsAsBigIntegers() {
        Compilation c = Kautz.compileSource("kernel wide(x: u<100>, y: u<100>) -> (s: u<100>) { s = x + y; }", Options.defaults());
        java.math.BigInteger big = java.math.BigInteger.ONE.shiftLeft(99).add(java.math.BigInteger.valueOf(12345));
        java.math.BigInteger seven = java.math.BigInteger.valueOf(7);
        RunResult r = Kautz.runWide(c, Map.of("x", new java.math.BigInteger[] {big, seven}, "y", new java.math.BigInteger[] {big}), 2,
                "auto", null, 1);
        java.math.BigInteger mod = java.math.BigInteger.ONE.shiftLeft(100);
        assertArrayEquals(new java.math.BigInteger[] {big.add(big).mod(mod), seven.add(big)}, r.values().get("s"));
        assertFalse(r.outputs().containsKey("s"), "a port wider than 64 bits is not truncated into a long");
        assertEquals(0, r.mismatches());
        UserError tooWide = assertThrows(UserError.class, () -> Kautz.run(c, Map.of("x", new long[] {1}, "y", new long[] {1}), 1));
        assertTrue(tooWide.getMessage().contains("100 bits wide"), tooWide.getMessage());
        UserError overflow = assertThrows(UserError.class, () -> Kautz.runWide(c,
                Map.of("x", new java.math.BigInteger[] {java.math.BigInteger.ONE.shiftLeft(100)}, "y", new java.math.BigInteger[] {seven}), 1, "auto", null, 1));
        assertTrue(overflow.getMessage().contains("does not fit in 100 bits"), overflow.getMessage());
    }

    @Test
    void optionsAreCheckedByName() {
        UserError e = assertThrows(UserError.class, () -> Options.defaults().set("colour", "red"));
        assertTrue(e.getMessage().startsWith("unknown option 'colour'"));
        assertThrows(UserError.class, () -> Options.defaults().set("seed", "x"));
    }

    @Test
    void rtlThroughTheLibrary() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Yosys.executable().isPresent(), "yosys is not installed");
        Verification v = Kautz.verify(Path.of("..", "samples", "rtl", "alu.v"), Path.of("..", "samples", "rtl", "alu.kz"),
                Options.defaults(), 60);
        assertTrue(v.equivalent(), v.text());
    }
}
