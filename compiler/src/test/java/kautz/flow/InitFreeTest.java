package kautz.flow;

import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.load.Design;
import kautz.network.AigBuilder;
import kautz.sim.Interpreter;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.EquivalenceChecker;
import kautz.verify.SymbolicExecution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gates written over a dead value they imply need no init under --init single, and the program stays exact. */
class InitFreeTest {
    /** An n×n array multiplier as a front end writes it: partial products added row by row with ripple adders. */
    static Design multiplier(int n) {
        AigBuilder b = new AigBuilder();
        int[] x = new int[n], y = new int[n];
        for (int i = 0; i < n; i++) x[i] = b.addInput("x[" + i + "]");
        for (int i = 0; i < n; i++) y[i] = b.addInput("y[" + i + "]");
        int[] acc = new int[2 * n];
        java.util.Arrays.fill(acc, kautz.network.Lit.FALSE);
        for (int i = 0; i < n; i++) {
            int c = kautz.network.Lit.FALSE;
            for (int j = 0; j < n; j++) {
                int p = b.and(x[j], y[i]);
                int s = b.xor(b.xor(acc[i + j], p), c);
                c = b.maj(acc[i + j], p, c);
                acc[i + j] = s;
            }
            acc[i + n] = c;
        }
        for (int k = 0; k < 2 * n; k++) b.addOutput("p[" + k + "]", acc[k]);
        return Design.ofNetwork("mul" + n, b.build());
    }

    @Test
    void singleInitLeavesOutSomeInitsAndStaysExact() {
        for (Design d : List.of(AnchorsTest.rippleCarry(16), multiplier(6))) {
            Compiled single = Flow.compile(d, FlowOptions.defaults().withInit(InitModel.SINGLE));
            Program p = single.program();
            long inits = p.ops().stream().filter(op -> op.opcode().isInit()).mapToLong(op -> op.targets().length()).sum();
            long gates = p.ops().stream().filter(op -> op.opcode().isLogic()).count();
            assertTrue(inits < gates, d.name() + ": " + inits + " inits for " + gates + " gates");
            assertEquals(p.stats().cycles(), p.stats().gates() + p.stats().initCycles());
            assertEquals(List.of(), ProgramLint.check(p), d.name());
            assertEquals(0, RowCheck.random(p, d.network(), new Interpreter(), 1024, 11).mismatches(), d.name());
            CecResult r = EquivalenceChecker.check(d.network(), SymbolicExecution.network(p), "source", "program", CecOptions.defaults());
            assertInstanceOf(CecResult.Equivalent.class, r, d.name());
            // the cells are the order's peak: never more than the allocation for a bulk init uses
            Compiled bulk = Flow.compile(d, FlowOptions.defaults());
            assertTrue(p.stats().cells() <= bulk.program().stats().cells(), p.stats() + " vs " + bulk.program().stats());
        }
    }
}
