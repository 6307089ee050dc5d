package kautz.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and unusual command lines, each as a user runs it: the error contract is one line naming the
 * place, exit 1 (2 for usage), nothing half-written, no hang.
 */
class TortureCasesTest {
    private static final String CONSTANT = "kernel k() -> (s: u<4>) { s = 5; }\n";
    private static final String ADD1 = "kernel k(a: u<4>) -> (s: u<4>) { s = a + 1; }\n";

    private static CliRun kautz(String... args) { return CliRun.of(args); }

    /** One line on stderr, starting with kautz:, and the exit code. */
    private static void fails(CliRun r, int code, String message) {
        assertEquals(code, r.code(), r.err());
        assertEquals("kautz: " + message + "\n", r.err());
    }

    @Test
    void aDesignWithoutInputsRunsOnMoreThan64Rows(@TempDir Path dir) throws Exception {
        Path k = Files.writeString(dir.resolve("k.kz"), CONSTANT);
        CliRun run = kautz("run", k.toString(), "--rows", "1000", "--json");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("\"rows\": 1000") && run.out().contains("\"mismatches\": 0"), run.out());
        CliRun plain = kautz("run", k.toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().startsWith("k: 1024 rows") || plain.out().contains("s=5"), plain.out());
        CliRun bench = kautz("bench", k.toString());
        assertEquals(0, bench.code(), bench.err());
        CliRun device = kautz("run", k.toString(), "--rows", "200", "--device", "rram-2bit-levy2021");
        assertEquals(0, device.code(), device.err());
        Path aag = Files.writeString(dir.resolve("c.aag"), "aag 0 0 0 1 0\n1\n");
        CliRun constant = kautz("run", aag.toString(), "--rows", "130", "--inputs", "random", "--json");
        assertEquals(0, constant.code(), constant.err());
        assertTrue(constant.out().contains("\"mismatches\": 0"), constant.out());
    }

    @Test
    void anInputOfTheCommandIsNotWrittenOver(@TempDir Path dir) throws Exception {
        Path x = Files.writeString(dir.resolve("x.kz"), ADD1);
        fails(kautz("compile", x.toString(), "-o", x.toString()), 1,
                x + ": is an input of this command; refusing to write over it (choose another output name)");
        fails(kautz("run", x.toString(), "--inputs", "a=1", "--vcd", x.toString()), 1,
                x + ": is an input of this command; refusing to write over it (choose another output name)");
        assertEquals(ADD1, Files.readString(x));
        try (var s = Files.list(dir)) { assertEquals(1, s.count(), "nothing else written"); }
    }

    @Test
    void anOutputWhoseExtensionNamesAnotherFormatIsWarnedAbout(@TempDir Path dir) throws Exception {
        Path x = Files.writeString(dir.resolve("x.kz"), ADD1);
        CliRun r = kautz("compile", x.toString(), "-o", dir.resolve("x.v").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("kautz: warning: " + dir.resolve("x.v") + ": writing kasm program text, but the name ends in '.v' (expected .kasm)\n", r.warnings());
    }

    @Test
    void badOptionValuesAndArgumentCountsAreUsageErrors(@TempDir Path dir) throws Exception {
        Path x = Files.writeString(dir.resolve("x.kz"), ADD1);
        fails(kautz("verify", x.toString(), x.toString(), x.toString()), 2, "verify takes one or two files (or --batch), got 3");
        fails(kautz("run", x.toString(), "--rows", "0"), 2, "--rows must be at least 1, got 0");
        assertEquals(2, kautz("run", x.toString(), "--rows", "abc").code());
        fails(kautz("compile", x.toString(), "--format", "nope"), 2, "--format: unknown format 'nope' (expected kasm, simpler, aritpim, blif or bench)");
    }

    @Test
    void fileProblemsSayWhatWentWrong(@TempDir Path dir) throws Exception {
        fails(kautz("run", dir.toString()), 1, dir + ": is a directory, not a file");
        fails(kautz("sim", dir.toString()), 1, dir + ": is a directory, not a file");
        Path bad = Files.write(dir.resolve("bad.kz"), new byte[] {'k', 'e', (byte) 0xff, '\n'});
        fails(kautz("run", bad.toString()), 1, bad + ": not UTF-8 text (invalid byte 0xff at byte offset 2)");
        Path x = Files.writeString(dir.resolve("x.kz"), ADD1);
        Path under = x.resolve("out.kasm");
        fails(kautz("compile", x.toString(), "-o", under.toString()), 1, under + ": cannot write: " + x.toAbsolutePath() + " is a file, not a directory");
        assertFalse(Files.exists(dir.resolve("out.kasm")));
    }

    @Test
    void aSyntaxErrorInAHugeLineEchoesOnlyAWindowAroundTheCaret(@TempDir Path dir) throws Exception {
        Path big = Files.writeString(dir.resolve("big.kz"), "kernel k(a: u<4>) -> (s: u<4>) { s = a" + " + a".repeat(100_000) + " + ; }\n");
        CliRun r = kautz("run", big.toString());
        assertEquals(1, r.code());
        String[] lines = r.err().split("\n");
        assertEquals(3, lines.length, r.err().length() > 2000 ? r.err().substring(0, 2000) : r.err());
        assertTrue(lines[0].startsWith("kautz: " + big + ":1:400042: syntax error at ';'"), lines[0]);
        assertTrue(r.err().length() < 600, "clipped: " + r.err().length() + " characters");
        assertEquals(lines[1].indexOf(" ; }"), lines[2].indexOf('^') - 1, "the caret still points at the ';'");
    }

    @Test
    void acceptedNonsenseIsRefused(@TempDir Path dir) throws Exception {
        Path cyclic = Files.writeString(dir.resolve("cyc.kz"), "const A = B + 1;\nconst B = A;\n" + ADD1);
        CliRun c = kautz("compile", cyclic.toString());
        assertEquals(1, c.code(), c.err());
        assertTrue(c.err().startsWith("kautz: " + cyclic + ":1:7: constant 'A' depends on itself"), c.err());

        Path prog = Files.writeString(dir.resolve("p.kasm"), ".kernel p\n.rowsize 4\n.output y[0] 1\n.output y[1] 2\nprog 0, 9\nsense 1, 2, 0\n.end 2 ops\n");
        fails(kautz("sim", prog.toString()), 1, prog + ":5: op 0 (prog 0, 9): level 9 is beyond the 4 levels of a multi-level cell (--levels)");
        assertEquals(0, kautz("sim", prog.toString(), "--levels", "16").code());

        Path mlc = Files.writeString(dir.resolve("mlc.kz"), "mem m: mlc<5>[2];\nkernel load() -> (y: u<3>) { y = m[0]; }\n");
        fails(kautz("run", mlc.toString(), "--inputs", "@m[0]=6"), 2, "--inputs: @m[0]=6 is beyond the 5 levels of the cell (0..4)");
        CliRun ok = kautz("run", mlc.toString(), "--inputs", "@m[0]=4");
        assertEquals("y=4\n", ok.out(), ok.err());

        Path bom = Files.write(dir.resolve("bom.kz"), ("\uFEFF" + ADD1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun b = kautz("run", bom.toString(), "--inputs", "a=3");
        assertEquals("s=4\n", b.out(), b.err());

        Path v = Files.writeString(dir.resolve("al.v"), "module m(a, y);\ninput a; output y;\nalways @(posedge a) y = a;\nendmodule\n");
        CliRun seq = kautz("run", v.toString()); // read by Kautz's own reader, or by Yosys where it is installed
        assertEquals(1, seq.code(), seq.err());
        assertTrue(seq.err().startsWith("kautz: " + v + ":") && seq.err().contains("sequential") && seq.err().split("\n").length == 1, seq.err());
    }

    @Test
    void aProgramCutShortIsWarnedAboutAndOneMissingOpsIsRefused(@TempDir Path dir) throws Exception {
        Path x = Files.writeString(dir.resolve("x.kz"), ADD1);
        Path kasm = dir.resolve("x.kasm");
        assertEquals(0, kautz("compile", x.toString(), "-o", kasm.toString()).code());
        java.util.List<String> lines = Files.readAllLines(kasm);
        assertTrue(lines.get(lines.size() - 1).matches("\\.end \\d+ ops"), lines.get(lines.size() - 1));
        CliRun whole = kautz("sim", kasm.toString());
        assertEquals(0, whole.code(), whole.err());
        assertEquals("", whole.warnings());

        Path cut = Files.write(dir.resolve("cut.kasm"), lines.subList(0, lines.size() - 3));
        CliRun c = kautz("sim", cut.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().startsWith("kautz: warning: " + cut + ": no '.end N ops' line at the end, so a file cut short cannot be told from a whole one"), c.err());

        java.util.List<String> missing = new java.util.ArrayList<>(lines);
        missing.remove(lines.size() - 3);
        Path edited = Files.write(dir.resolve("edited.kasm"), missing);
        CliRun e = kautz("sim", edited.toString());
        assertEquals(1, e.code(), e.err());
        assertTrue(e.err().startsWith("kautz: " + edited + ":" + (lines.size() - 1) + ":1: the program has "), e.err());
        assertTrue(e.err().contains("lines were lost or added"), e.err());
    }

    @Test
    void lintWarningsAreCappedAndSummarised(@TempDir Path dir) throws Exception {
        StringBuilder k = new StringBuilder(".kernel k\n.rowsize 4\n.input a 0\n.output y 1\n");
        for (int i = 0; i < 5000; i++) k.append("nor 1, 0\n"); // every nor after the first: output cell not initialised
        k.append(".end 5000 ops\n");
        Path kasm = Files.writeString(dir.resolve("k.kasm"), k);
        CliRun r = kautz("sim", kasm.toString(), "--rows", "64");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.warnings().split("\n");
        assertEquals(SimCommand.LINT_SHOWN + 1, lines.length, r.err());
        assertTrue(lines[lines.length - 1].matches("kautz: warning: " + java.util.regex.Pattern.quote(kasm.toString())
                + ": \\d+ more warnings not shown \\(\\d+ uninitialised output.*\\)"), lines[lines.length - 1]);
    }

    @Test
    void theRandomInputsOfARowDoNotDependOnTheNumberOfRows(@TempDir Path dir) throws Exception {
        Path x = Files.writeString(dir.resolve("x.kz"), "kernel k(a: u<8>, b: u<8>) -> (s: u<8>) { s = a + b; }\n");
        CliRun few = kautz("run", x.toString(), "--inputs", "random", "--rows", "8", "--seed", "5");
        CliRun many = kautz("run", x.toString(), "--inputs", "random", "--rows", "5000", "--seed", "5");
        assertEquals(0, few.code(), few.err());
        assertEquals(0, many.code(), many.err());
        java.util.List<String> a = few.out().lines().filter(l -> l.startsWith("row ")).toList();
        java.util.List<String> b = many.out().lines().filter(l -> l.startsWith("row ")).toList();
        assertEquals(8, a.size(), few.out());
        assertEquals(a, b);
    }

    @Test
    void simChecksAHandEditedProgramAgainstItsSource(@TempDir Path dir) throws Exception {
        Path x = Files.writeString(dir.resolve("x.kz"), ADD1);
        Path kasm = dir.resolve("x.kasm");
        assertEquals(0, kautz("compile", x.toString(), "-o", kasm.toString()).code());
        CliRun ok = kautz("sim", kasm.toString(), "--check", x.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.err().contains("mismatches 0 (rows whose outputs differ from " + x + ")"), ok.err());

        // the last gate reads the wrong cell: the edit keeps the op count, so only the check finds it
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(kasm));
        int last = lines.size() - 2;
        lines.set(last, lines.get(last).replaceAll(", (\\d+)$", ", 0"));
        Path edited = Files.write(dir.resolve("edited.kasm"), lines);
        CliRun bad = kautz("sim", edited.toString(), "--check", x.toString(), "--json");
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("\"mismatches\": "), bad.out());
        assertTrue(bad.err().matches("kautz: " + java.util.regex.Pattern.quote(edited.toString()) + ": \\d+ of 1024 rows differ from "
                + java.util.regex.Pattern.quote(x.toString()) + "\n"), bad.err());

        Path other = Files.writeString(dir.resolve("other.kz"), "kernel k(b: u<4>) -> (s: u<4>) { s = b; }\n");
        fails(kautz("sim", kasm.toString(), "--check", other.toString()), 1, other + ": input bit b[0] is not an input of " + kasm);
    }
}
