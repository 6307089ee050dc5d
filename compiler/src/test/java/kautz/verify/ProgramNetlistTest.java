package kautz.verify;

import com.google.common.collect.ImmutableList;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.isa.Disassembler;
import kautz.isa.ListingFormat;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.netlist.BenchReader;
import kautz.netlist.BlifReader;
import kautz.network.Aig;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kautz compile --format blif|bench} writes the program as a netlist op by op; read back by Kautz's own
 * readers, it is proven equivalent to the source for every family, and a program with an op removed is not.
 * (AbcCrossCheckTest checks the same files with ABC.)
 */
class ProgramNetlistTest {
    private static final List<String> SOURCES = List.of("samples/add8.kz", "samples/mul8.kz");

    @Test
    @Tag("slow")
    void everyFamilysProgramAsANetlistIsEquivalentToItsSource() {
        for (String s : SOURCES) {
            Design d = DesignLoader.load(root().resolve(s), null);
            for (GateFamily fam : Families.builtIns()) {
                Program p = Flow.compile(d, FlowOptions.defaults().withTarget(fam.name())).program();
                for (Aig netlist : readBack(p)) {
                    CecResult r = EquivalenceChecker.check(d.network(), netlist, s, "netlist", CecOptions.defaults());
                    assertInstanceOf(CecResult.Equivalent.class, r, s + " on " + fam.name() + ": " + r);
                }
            }
        }
    }

    @Test
    void aProgramMissingAGateIsNotEquivalent() {
        Design d = DesignLoader.load(root().resolve("samples/add8.kz"), null);
        for (String target : List.of("magic-nor", "imply", "felix")) {
            Program p = Flow.compile(d, FlowOptions.defaults().withTarget(target)).program();
            List<MicroOp> ops = new ArrayList<>(p.ops());
            int last = ops.size() - 1;
            while (ops.get(last).opcode().kind() != Opcode.Kind.LOGIC) last--;
            ops.remove(last);
            Program broken = new Program(p.kernel(), p.target(), p.rowSize(), p.initModel(), p.inputs(), p.outputs(),
                    ImmutableList.copyOf(ops), p.consumesInputs());
            for (Aig netlist : readBack(broken)) {
                CecResult r = EquivalenceChecker.check(d.network(), netlist, "add8", "netlist", CecOptions.defaults());
                assertInstanceOf(CecResult.NotEquivalent.class, r, target);
            }
        }
    }

    private static List<Aig> readBack(Program p) {
        String blif = Disassembler.render(p, ListingFormat.BLIF), bench = Disassembler.render(p, ListingFormat.BENCH);
        assertTrue(blif.endsWith(".end\n"));
        return List.of(BlifReader.read("p.blif", blif).network(), BenchReader.read("p.bench", bench).network());
    }

    private static Path root() {
        Path d = Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(d.resolve("samples"))) d = d.getParent();
        return d;
    }
}
