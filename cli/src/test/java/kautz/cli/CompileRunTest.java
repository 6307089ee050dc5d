package kautz.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.Assembler;
import kautz.isa.Disassembler;
import kautz.isa.IoBit;
import kautz.isa.ListingFormat;
import kautz.isa.MicroOp;
import kautz.isa.Program;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kautz compile} and {@code kautz run} as a user sees them. */
class CompileRunTest {
    private static final Path ADD8 = Path.of("..", "samples", "add8.kz");

    private static CliRun kautz(String... args) { return CliRun.of(args); }

    @Test
    void runChecksEveryRowInEveryFamilyAndInitModel() {
        for (GateFamily f : Families.builtIns()) {
            for (String init : new String[] {"bulk", "single"}) {
                CliRun r = kautz("run", ADD8.toString(), "--target", f.name(), "--init", init, "--json");
                assertEquals(0, r.code(), r.err());
                assertTrue(r.out().contains("\"rows\": 1024") && r.out().contains("\"mismatches\": 0"), f.name() + ": " + r.out());
                assertTrue(r.out().startsWith("{\"kernel\": \"add\", \"target\": \"" + f.name() + "\", \"rowSize\": "), r.out());
            }
        }
        CliRun r = kautz("run", ADD8.toString(), "--inputs", "a=200,b=100", "--engine", "jit", "--row-size", "min");
        assertEquals(0, r.code(), r.err());
        assertEquals("sum=300\n", r.out());
        assertTrue(r.err().startsWith("add on magic-nor"), r.err());
    }

    @Test
    void compiledProgramReadsBackAndRunsInSim(@TempDir Path dir) throws Exception {
        Path kasm = dir.resolve("add.kasm");
        CliRun c = kautz("compile", ADD8.toString(), "-o", kasm.toString(), "--init", "single", "--scheduler", "simpler");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("add on magic-nor") && c.err().contains("-> " + kasm), c.err());
        assertEquals("", c.out(), "the program is written to -o; its counts are a summary, on stderr");
        CliRun s = kautz("sim", kasm.toString(), "--inputs", "a=200,b=100");
        assertTrue(s.out().contains("-> sum=300"), s.out());
        assertEquals("", s.warnings());
        CliRun j = kautz("compile", ADD8.toString(), "--json", "--target", "imply");
        assertTrue(j.out().startsWith("{\"kernel\": \"add\", \"target\": \"imply\""), j.out());
        CliRun listing = kautz("compile", ADD8.toString(), "--format", "aritpim");
        assertEquals(0, listing.code(), listing.err());
        assertFalse(listing.out().isBlank());
    }

    /** Issue 4: an output cell left uninitialised gives a wrong result in sim, with a warning naming the op. */
    @Test
    void droppingAnOutputsInitGivesAWrongResultAndAWarning(@TempDir Path dir) throws Exception {
        Path kasm = dir.resolve("add.kasm");
        // simpler without a row limit initialises every cell once, in T0, so the output's init is one operand
        assertEquals(0, kautz("compile", ADD8.toString(), "-o", kasm.toString(), "--scheduler", "simpler").code());
        Program p = Assembler.read(kasm);
        int carryCell = -1;
        for (IoBit b : p.outputs()) if (b.name().equals("sum[8]")) carryCell = b.cell();
        List<MicroOp> ops = new ArrayList<>();
        for (MicroOp op : p.ops()) {
            if (!op.opcode().isInit()) {
                ops.add(op);
                continue;
            }
            int cell = carryCell;
            int[] kept = op.operands().stream().filter(x -> x != cell).toArray();
            if (kept.length > 0) ops.add(new MicroOp(op.opcode(), ImmutableIntArray.copyOf(kept), 0));
        }
        Program broken = new Program(p.kernel(), p.target(), p.rowSize(), p.initModel(), p.inputs(), p.outputs(), ImmutableList.copyOf(ops));
        Path bad = dir.resolve("bad.kasm");
        Disassembler.write(broken, ListingFormat.KASM, bad);
        CliRun s = kautz("sim", bad.toString(), "--inputs", "a=200,b=100");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("-> sum=44"), "the carry is lost, as on a chip: " + s.out());
        assertTrue(s.err().contains("kautz: warning: " + bad + ":") && s.err().contains("output cell " + carryCell + " was never initialised"), s.err());
    }

    @Test
    void mistakesAreOneLineErrors() {
        CliRun r = kautz("compile", ADD8.toString(), "--target", "nand-only");
        assertEquals(2, r.code());  // a bad option value is a usage error, whichever option it is
        assertTrue(r.err().startsWith("kautz: unknown target 'nand-only'"), r.err());
        r = kautz("compile", ADD8.toString(), "--row-size", "4");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("row size 4 is too small") && r.err().contains("cells are needed (a lower bound") && r.err().contains("it fits in "), r.err());
        r = kautz("compile", ADD8.toString(), "--row-size", "wide");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("kautz: --row-size: 'wide' is neither"), r.err());
        r = kautz("compile", ADD8.toString(), "--format", "json");
        assertEquals(2, r.code());
        r = kautz("compile", ADD8.toString(), "--scheduler", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("kautz: unknown scheduler 'nope'"), r.err());
    }
}
