package kautz.flow;

import kautz.isa.InitModel;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.load.Design;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.network.Lit;
import kautz.network.Mig;
import kautz.network.MigBuilder;
import kautz.opt.MigRewriting;
import kautz.schedule.PlimCompiler;
import kautz.sim.Interpreter;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.EquivalenceChecker;
import kautz.verify.SymbolicExecution;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** AIG ⇄ MIG, MIG rewriting and the RM3 compilation: every result computes the source's function. */
class MigRouteTest {
    private static void assertSameFunction(Aig want, Aig got, long seed, String what) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[][] in = new long[want.numInputs()][4];
        for (long[] plane : in) for (int w = 0; w < plane.length; w++) plane[w] = rnd.nextLong();
        assertArrayEquals(AigSimulator.simulate(want, in), AigSimulator.simulate(got, in), what);
    }

    @Test
    void conversionAndRewritingKeepTheFunction() {
        for (long seed = 1; seed <= 25; seed++) {
            Aig aig = FlowTest.random(seed, 8, 80);
            Mig mig = Mig.fromAig(aig, "r" + seed);
            assertSameFunction(aig, mig.toAig(), seed, "MIG of AIG, seed " + seed);
            Mig d = MigRewriting.distributivity(mig);
            assertSameFunction(aig, d.toAig(), seed, "Ω.D, seed " + seed);
            assertTrue(d.numMajs() <= mig.numMajs(), "Ω.D right to left never adds nodes");
            assertSameFunction(aig, MigRewriting.associativity(mig).toAig(), seed, "Ω.A, seed " + seed);
            Mig opt = MigRewriting.optimise(mig);
            assertSameFunction(aig, opt.toAig(), seed, "optimised, seed " + seed);
            assertTrue(opt.numMajs() <= mig.numMajs());
        }
    }

    @Test
    void builderKeepsAtMostOneComplementedFaninAndAppliesTheMajorityAxiom() {
        MigBuilder b = new MigBuilder();
        int x = b.addInput("x"), y = b.addInput("y"), z = b.addInput("z");
        assertEquals(x, b.maj(x, x, y));
        assertEquals(z, b.maj(x, Lit.not(x), z));
        assertEquals(y, b.maj(Lit.FALSE, Lit.TRUE, y));
        int m = b.maj(Lit.not(x), Lit.not(y), z);   // = ¬maj(x, y, ¬z)
        assertTrue(Lit.isComplement(m));
        int complemented = 0;
        for (int k = 0; k < 3; k++) if (Lit.isComplement(b.fanin(Lit.node(m), k))) complemented++;
        assertEquals(1, complemented);
        assertEquals(m, Lit.not(b.maj(x, y, Lit.not(z))));
    }

    @Test
    void distributivityRightToLeftRemovesANode() {
        MigBuilder b = new MigBuilder();
        int x = b.addInput("x"), y = b.addInput("y"), u = b.addInput("u"), v = b.addInput("v"), z = b.addInput("z");
        b.addOutput("o", b.maj(b.maj(x, y, u), b.maj(x, y, v), z));
        Mig m = b.build("d");
        assertEquals(3, m.numMajs());
        Mig d = MigRewriting.distributivity(m);
        assertEquals(2, d.numMajs());
        assertSameFunction(m.toAig(), d.toAig(), 3, "Ω.D");
    }

    @Test
    void rm3ProgramsAreCorrectOnRandomRowsAndProvenEqual() {
        for (long seed = 1; seed <= 20; seed++) {
            Aig aig = FlowTest.random(seed, 7, 60);
            Mig mig = MigRewriting.optimise(Mig.fromAig(aig, "r"));
            for (InitModel init : new InitModel[] {InitModel.BULK, InitModel.SINGLE}) {
                Program p = PlimCompiler.compile(mig, "r", "rm3", init);
                for (MicroOp op : p.ops()) assertTrue(op.opcode() == Opcode.MAJ || op.opcode().isInit(), op.toString());
                assertEquals(0, RowCheck.random(p, aig, new Interpreter(), 1024, seed).mismatches(), "seed " + seed);
                assertEquals(java.util.List.of(), ProgramLint.check(p), "seed " + seed);
            }
            Program p = PlimCompiler.compile(mig, "r", "rm3", InitModel.BULK);
            CecResult r = EquivalenceChecker.check(aig, SymbolicExecution.network(p), "source", "program", CecOptions.defaults());
            assertInstanceOf(CecResult.Equivalent.class, r, "seed " + seed);
        }
    }

    @Test
    void theFlowCompilesForRm3() {
        AigBuilder b = new AigBuilder();
        int x = b.addInput("a"), y = b.addInput("b"), c = b.addInput("c");
        b.addOutput("s", b.xor(b.xor(x, y), c));
        b.addOutput("cout", b.maj(x, y, c));
        Aig fa = b.build();
        Compiled compiled = Flow.compile(Design.ofNetwork("fa", fa), FlowOptions.defaults().withTarget("rm3"));
        assertEquals("plim", compiled.scheduler());
        Program p = compiled.program();
        assertEquals(0, RowCheck.random(p, fa, new Interpreter(), 64, 1).mismatches());
        for (MicroOp op : p.ops()) assertTrue(op.opcode() == Opcode.MAJ || op.opcode().isInit(), op.toString());
        assertEquals(java.util.List.of(), ProgramLint.check(p));
    }
}
