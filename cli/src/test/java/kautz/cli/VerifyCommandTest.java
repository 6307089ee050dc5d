package kautz.cli;

import kautz.netlist.NetlistWriters;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class VerifyCommandTest {
    /** The 9-NOR MAGIC full adder compiler's SymbolicExecutionTest checks too; {@code nor 9, 2, 7} is the op the broken variant changes. */
    private static final String FULL_ADDER = readSample();

    private static String readSample() {
        try {
            return Files.readString(Path.of("..", "samples", "verify", "full_adder.kasm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CliRun verify(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    private static Path fullAdderAig(Path dir, boolean xorAsMux) {
        AigBuilder b = new AigBuilder();
        int a = b.addInput("a"), x = b.addInput("b"), c = b.addInput("cin");
        int p = xorAsMux ? b.mux(a, kautz.network.Lit.not(x), x) : b.xor(a, x);
        b.addOutput("sum", b.xor(p, c));
        b.addOutput("cout", b.maj(a, x, c));
        Aig aig = b.build();
        Path f = dir.resolve(xorAsMux ? "fa2.aig" : "fa.aig");
        NetlistWriters.write(f, aig, "fa");
        return f;
    }

    @Test
    void anAssembledProgramIsProvenAgainstItsSource(@TempDir Path dir) throws Exception {
        Path prog = Files.writeString(dir.resolve("fa.kasm"), FULL_ADDER);
        CliRun r = verify(prog.toString(), fullAdderAig(dir, false).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("equivalent"), r.out());
    }

    @Test
    void oneChangedOpIsCaughtWithACounterexampleAndExitCode1(@TempDir Path dir) throws Exception {
        Path prog = Files.writeString(dir.resolve("bad.kasm"), FULL_ADDER.replace("nor 9, 2, 7", "nor 9, 1, 7"));
        CliRun r = verify(prog.toString(), fullAdderAig(dir, false).toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("not equivalent\ncounterexample: a="), r.out());
        assertTrue(r.out().contains("sum: "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void anUninitialisedOutputCellIsNamedInTheCounterexample(@TempDir Path dir) throws Exception {
        Path prog = Files.writeString(dir.resolve("uninit.kasm"), FULL_ADDER.replace("10, 11\n", "10\n"));
        CliRun r = verify(prog.toString(), fullAdderAig(dir, false).toString(), "--json");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"result\": \"not equivalent\""), r.out());
        CliRun text = verify(prog.toString(), fullAdderAig(dir, false).toString());
        assertTrue(text.out().contains("uninitialised cells read by the program (their values in this counterexample): c11=0"), text.out());
    }

    @Test
    void twoNetworksAndACompiledNetlist(@TempDir Path dir) {
        Path a = fullAdderAig(dir, false), b = fullAdderAig(dir, true);
        assertEquals(0, verify(a.toString(), b.toString()).code());
        for (String target : new String[] {"magic-nor", "magic", "imply", "felix"}) {
            CliRun r = verify(a.toString(), "--target", target);
            assertEquals(0, r.code(), target + ": " + r.out() + r.err());
        }
        CliRun r = verify(a.toString(), "--scheduler", "simpler", "--init", "single", "--row-size", "min");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void aCompilationIsProvenLinkByLinkAndDirectlyOnRequest(@TempDir Path dir) {
        Path a = fullAdderAig(dir, true);
        CliRun chain = verify(a.toString());
        assertEquals(0, chain.code(), chain.out() + chain.err());
        assertTrue(chain.out().contains("so by transitivity"), chain.out());
        // the optimised network maps to no fewer gates, so the flow kept the source's mapping: the chain is the flow's
        assertTrue(chain.out().contains(a + " ≡ the network mapped to magic-nor ("), chain.out());
        assertTrue(chain.out().contains("  the network mapped to magic-nor ≡ the program compiled for magic-nor ("), chain.out());
        CliRun direct = verify(a.toString(), "--direct");
        assertEquals(0, direct.code(), direct.out() + direct.err());
        assertFalse(direct.out().contains("transitivity"), direct.out());
    }

    @Test
    void statsPrintWhatEachProofStepDidAndJsonCarriesThem(@TempDir Path dir) {
        Path a = fullAdderAig(dir, true), b = dir.resolve("opt.aig");
        assertEquals(0, CliRun.of("opt", a.toString(), "-o", b.toString()).code());
        CliRun text = verify(a.toString(), b.toString(), "--stats");
        assertEquals(0, text.code(), text.out() + text.err());
        assertTrue(text.out().contains("proof steps (hits / misses / ms):"), text.out());
        assertTrue(text.out().matches("(?s).*\n  simulation +0 / +[1-9][0-9]* / .*"), "every link simulated, none differed: " + text.out());
        CliRun noSim = verify(a.toString(), b.toString(), "--stats", "--without", "simulation,class-sat");
        assertEquals(0, noSim.code(), noSim.out() + noSim.err());
        assertFalse(noSim.out().contains("  simulation "), noSim.out());
        CliRun bad = verify(a.toString(), b.toString(), "--without", "magic");
        assertEquals(1, bad.code(), bad.err());
        assertTrue(bad.err().startsWith("kautz: --without: no proof step 'magic'; the steps are simulation, claim-tables"), bad.err());
        CliRun json = verify(a.toString(), b.toString(), "--json");
        assertTrue(json.out().matches("(?s).*\"steps\": \\{\"simulation\": \\{\"hits\": 0, \"misses\": [1-9].*"), json.out());
    }

    @Test
    void anOptimisedNetworkIsProvenThroughEachPassOfTheScriptThatMadeIt(@TempDir Path dir) {
        Path a = fullAdderAig(dir, true), b = dir.resolve("opt.aig");
        assertEquals(0, CliRun.of("opt", a.toString(), "-o", b.toString()).code());
        CliRun r = verify(a.toString(), b.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"to\": \"the network after `strash`\""), r.out());
        assertTrue(r.out().contains("\"to\": \"" + b + "\""), r.out());
        CliRun other = verify(a.toString(), b.toString(), "--opt", "balance");
        assertEquals(0, other.code());
        assertFalse(other.out().contains("transitivity"), "another script does not make b, so the check is direct: " + other.out());
    }

    @Test
    void batchProvesEveryFileForEveryFamilyOneLineEach(@TempDir Path dir) throws Exception {
        Path a = fullAdderAig(dir, false), b = fullAdderAig(dir, true);
        CliRun r = verify("--batch", a.toString(), b.toString(), "--families", "magic-nor,imply");
        assertEquals(0, r.code(), r.out() + r.err());
        String[] lines = r.out().split("\n");
        assertEquals(5, lines.length, r.out());
        assertEquals("file\tfamily\tresult\tlinks\tcheckCpuMs\tcpuMs\twallMs", lines[0]);
        assertTrue(lines[1].startsWith(a + "\tmagic-nor\tequivalent\t"), lines[1]);
        assertTrue(lines[4].startsWith(b + "\timply\tequivalent\t"), lines[4]);
        Path prog = Files.writeString(dir.resolve("fa.kasm"), FULL_ADDER);
        CliRun bad = verify("--batch", prog.toString(), "--families", "magic-nor");
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("\terror: " + prog + ": --batch compiles sources"), bad.out());
        assertEquals(2, verify(a.toString(), b.toString(), a.toString()).code(), "three files without --batch: a usage error");
    }

    @Test
    void aProgramAloneIsAUserError(@TempDir Path dir) throws Exception {
        Path prog = Files.writeString(dir.resolve("fa.kasm"), FULL_ADDER);
        CliRun r = verify(prog.toString());
        assertEquals(1, r.code());
        assertEquals("kautz: " + prog + ": a program needs its source to be verified against: kautz verify " + prog + " SRC\n", r.err());
    }

    @Test
    void budgetsAreCpuSecondsWithAWallClockGuardAndBadOnesAreUserErrors(@TempDir Path dir) {
        Path a = fullAdderAig(dir, false);
        CliRun help = verify("--help");
        assertTrue(help.out().contains("--wall-timeout") && help.out().contains("CPU time"), help.out());
        CliRun ok = verify(a.toString(), "--timeout", "30", "--wall-timeout", "300");
        assertEquals(0, ok.code(), ok.err());
        CliRun bad = verify(a.toString(), "--wall-timeout", "0");
        assertEquals(2, bad.code(), "a bad option value is a usage error");
        assertEquals("kautz: --wall-timeout must be a positive number of seconds, got 0.0\n", bad.err());
    }
}
