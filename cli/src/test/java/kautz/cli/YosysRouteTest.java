package kautz.cli;

import kautz.netlist.Yosys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** RTL Verilog through Yosys from the command line: the sample ALU proven equal to the same ALU in Kautz. */
class YosysRouteTest {
    private static final Path RTL = Path.of("..", "samples", "rtl");

    record Result(int code, String out, String err) {}

    private static Result kautz(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void needYosys() {
        if (Yosys.executable().isEmpty()) System.err.println("YosysRouteTest: skipped: yosys is not installed (apt-get install yosys)");
        Assumptions.assumeTrue(Yosys.executable().isPresent(), "yosys is not installed");
    }

    @Test
    void rtlAluEqualsTheKautzAlu() {
        Result r = kautz("verify", RTL.resolve("alu.v").toString(), RTL.resolve("alu.kz").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("equivalent"), r.out());
    }

    @Test
    void aDifferentAluIsNotEquivalent(@TempDir Path dir) throws Exception {
        Path mutant = dir.resolve("alu.v");
        Files.writeString(mutant, Files.readString(RTL.resolve("alu.v")).replace("(a < b)", "(a <= b)"));
        Result r = kautz("verify", mutant.toString(), RTL.resolve("alu.kz").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("not equivalent"), r.out());
    }

    @Test
    @Tag("slow")
    void compileRunAndVerifyTheProgram() {
        String alu = RTL.resolve("alu.v").toString();
        Result run = kautz("run", alu, "--inputs", "a=200,b=100,op=0", "--top", "alu");
        assertEquals(0, run.code(), run.err());
        assertEquals("y=44\nzero=0\n", run.out());
        Result json = kautz("run", alu, "--rows", "4096", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"mismatches\": 0"), json.out());
        Result verify = kautz("verify", alu, "--target", "felix");
        assertEquals(0, verify.code(), verify.err());
    }
}
