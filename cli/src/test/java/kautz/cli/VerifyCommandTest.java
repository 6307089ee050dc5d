package kautz.cli;

import kautz.netlist.NetlistWriters;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class VerifyCommandTest {
    /** The 9-NOR MAGIC full adder; {@code nor 9, 2, 7} is the op the broken variant changes. */
    private static final String FULL_ADDER = """
            .kernel fa
            .target magic-nor
            .rowsize 12
            .input a 0
            .input b 1
            .input cin 2
            .output sum 10
            .output cout 11
            init1 3, 4, 5, 6, 7, 8, 9, 10, 11
            nor 3, 0, 1
            nor 4, 0, 3
            nor 5, 1, 3
            nor 6, 4, 5
            nor 7, 6, 2
            nor 8, 6, 7
            nor 9, 2, 7
            nor 10, 8, 9
            nor 11, 3, 7
            """;

    private record Run(int code, String out, String err) {}

    private static Run verify(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
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
        Run r = verify(prog.toString(), fullAdderAig(dir, false).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("equivalent"), r.out());
    }

    @Test
    void oneChangedOpIsCaughtWithACounterexampleAndExitCode1(@TempDir Path dir) throws Exception {
        Path prog = Files.writeString(dir.resolve("bad.kasm"), FULL_ADDER.replace("nor 9, 2, 7", "nor 9, 1, 7"));
        Run r = verify(prog.toString(), fullAdderAig(dir, false).toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("not equivalent\ncounterexample: a="), r.out());
        assertTrue(r.out().contains("sum: "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void anUninitialisedOutputCellIsNamedInTheCounterexample(@TempDir Path dir) throws Exception {
        Path prog = Files.writeString(dir.resolve("uninit.kasm"), FULL_ADDER.replace("10, 11\n", "10\n"));
        Run r = verify(prog.toString(), fullAdderAig(dir, false).toString(), "--json");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("\"result\": \"not equivalent\""), r.out());
        Run text = verify(prog.toString(), fullAdderAig(dir, false).toString());
        assertTrue(text.out().contains("uninitialised cells read by the program (their values in this counterexample): c11=0"), text.out());
    }

    @Test
    void twoNetworksAndACompiledNetlist(@TempDir Path dir) {
        Path a = fullAdderAig(dir, false), b = fullAdderAig(dir, true);
        assertEquals(0, verify(a.toString(), b.toString()).code());
        for (String target : new String[] {"magic-nor", "magic", "imply", "felix"}) {
            Run r = verify(a.toString(), "--target", target);
            assertEquals(0, r.code(), target + ": " + r.out() + r.err());
        }
        Run r = verify(a.toString(), "--scheduler", "simpler", "--init", "single", "--row-size", "min");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    void aProgramAloneIsAUserError(@TempDir Path dir) throws Exception {
        Path prog = Files.writeString(dir.resolve("fa.kasm"), FULL_ADDER);
        Run r = verify(prog.toString());
        assertEquals(1, r.code());
        assertEquals("kautz: " + prog + ": a program needs its source to be verified against: kautz verify " + prog + " SRC\n", r.err());
    }
}
