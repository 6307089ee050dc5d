package kautz.mapping;

import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.verify.SymbolicExecution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 4's IMPLY anchor (at most 23 steps, the published serial adders overwrite their inputs): the search behind
 * {@code --exact --consume-inputs} finds the full adder in 20 steps. {@code --exact} walks the lengths up from 0
 * (about a minute of CPU); this test searches length 20 alone (about 30 s), so a regression of the search, of the
 * program it builds or of the output relocation fails here.
 */
@Tag("slow")
class ExactImplyFullAdderTest {
    @Test
    void fullAdderIn20StepsWhenInputsMayBeOverwritten() {
        AigBuilder b = new AigBuilder();
        int a = b.addInput("a"), c = b.addInput("b"), ci = b.addInput("cin");
        b.addOutput("s", b.xor(b.xor(a, c), ci));
        b.addOutput("cout", b.maj(a, c, ci));
        Aig fa = b.build();

        var outcome = ImplySynthesis.search(3, ExactImply.goals(fa),
                new ImplySynthesis.Options(5, 20, 20, true, false, ExactImply.NODE_LIMIT));
        assertTrue(outcome.result().isPresent(), "a 20-step program exists with 5 cells in all");
        Program p = ExactImply.outputsWrittenOnce(ImplySynthesis.program("fa", 3, outcome.result().get(), fa.inputNames(), fa.outputNames()));
        p = new Program(p.kernel(), "imply", p.rowSize(), InitModel.SINGLE, p.inputs(), p.outputs(), p.ops(), true);

        assertEquals(20, p.stats().cycles(), "every imp and every false counted (--init single)");
        assertTrue(p.stats().cycles() <= 23, "within the published 22-23 steps");
        assertTrue(ProgramLint.check(p).isEmpty(), ProgramLint.check(p).toString());
        Aig executed = SymbolicExecution.network(p);
        long[][] in = {{0xAA}, {0xCC}, {0xF0}};
        assertArrayEquals(AigSimulator.simulate(fa, in), AigSimulator.simulate(executed, in), "sum and carry on all 8 inputs");
    }
}
