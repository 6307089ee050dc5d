package kautz.flow;

import kautz.diag.UserError;
import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.load.Design;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.network.Lit;
import kautz.verify.SymbolicExecution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --exact}: tiny kernels compiled by exact IMPLY synthesis (the full adder takes a minute: see PERFORMANCE.md). */
class ExactImplyFlowTest {
    private static Design xor2() {
        AigBuilder b = new AigBuilder();
        int a = b.addInput("a"), c = b.addInput("b");
        b.addOutput("y", b.xor(a, c));
        return Design.ofNetwork("x", b.build());
    }

    private static Design maj3() {
        AigBuilder b = new AigBuilder();
        int a = b.addInput("a"), c = b.addInput("b"), d = b.addInput("c");
        b.addOutput("y", b.maj(a, c, d));
        return Design.ofNetwork("m", b.build());
    }

    private static FlowOptions exact(boolean consume) {
        return FlowOptions.defaults().withTarget("imply").withInit(InitModel.SINGLE).withExact(true).withConsumeInputs(consume);
    }

    /** The program's outputs on every input combination, by symbolic execution from the original inputs. */
    private static void assertComputes(Design d, Program p) {
        Aig executed = SymbolicExecution.network(p);
        assertEquals(d.network().numInputs(), executed.numInputs(), "no cell is read before it is written");
        int n = d.network().numInputs();
        long[][] in = new long[n][1];
        for (int i = 0; i < n; i++) for (int m = 0; m < 1 << n; m++) in[i][0] |= (long) (m >>> i & 1) << m;
        assertArrayEquals(AigSimulator.simulate(d.network(), in), AigSimulator.simulate(executed, in));
    }

    @Test
    void exactProgramsBeatTheScheduledOnesAndComputeTheFunction() {
        // minima proven by the search: XOR2 11 steps intact (3 work cells), 9 consumed (4 cells);
        // MAJ3 13 intact (3 work cells), 11 consumed (5 cells); the mapper and scheduler give 13 and 14
        Object[][] cases = {{xor2(), 11, 9}, {maj3(), 13, 11}};
        for (Object[] c : cases) {
            Design d = (Design) c[0];
            long scheduled = Flow.compile(d, exact(false).withExact(false)).program().stats().cycles();
            for (boolean consume : new boolean[] {false, true}) {
                Compiled compiled = Flow.compile(d, exact(consume));
                Program p = compiled.program();
                assertEquals(Flow.EXACT, compiled.scheduler());
                assertEquals((int) c[consume ? 2 : 1], p.stats().cycles(), d.name() + " consume " + consume);
                assertTrue(p.stats().cycles() < scheduled);
                assertEquals(consume, p.consumesInputs(), d.name());
                assertTrue(ProgramLint.check(p).isEmpty(), ProgramLint.check(p).toString());
                assertComputes(d, p);
            }
        }
    }

    @Test
    void optionMistakesAreUserErrors() {
        assertEquals("--exact: target magic-nor has no imp gate (exact synthesis writes IMPLY programs)",
                assertThrows(UserError.class, () -> Flow.compile(xor2(), exact(false).withTarget("magic-nor"))).getMessage());
        assertEquals("--exact: the search counts every false, the --init single model; add --init single",
                assertThrows(UserError.class, () -> Flow.compile(xor2(), exact(false).withInit(InitModel.BULK))).getMessage());
        Design wide = AnchorsTest.rippleCarry(2);
        assertEquals("--exact: exact synthesis takes kernels of 1 to 3 input bits and 1 to 3 output bits; this one has 4 and 3",
                assertThrows(UserError.class, () -> Flow.compile(wide, exact(false))).getMessage());
        AigBuilder b = new AigBuilder();
        int a = b.addInput("a"), c = b.addInput("b");
        b.addOutput("y", b.and(a, c));
        b.addOutput("z", Lit.FALSE);
        Design constant = Design.ofNetwork("k", b.build());
        assertEquals("--exact: output z is constant",
                assertThrows(UserError.class, () -> Flow.compile(constant, exact(true))).getMessage());
    }
}
