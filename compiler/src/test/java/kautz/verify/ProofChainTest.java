package kautz.verify;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.sim.Interpreter;
import kautz.target.Families;
import kautz.verify.ProofChain.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ProofChainTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(20));

    @Test
    void aCompilationIsProvenLinkByLinkThroughEveryPassTheMappingAndTheProgram() {
        Aig aig = EquivalenceCheckerTest.randomAig(11, 10, 250, 8);
        for (String target : new String[] {"magic-nor", "imply"}) {
            FlowOptions fo = FlowOptions.defaults().withTarget(target);
            Compiled c = Flow.compileRecorded(Design.ofNetwork("k", aig), fo);
            List<Stage> stages = CompilationChain.stages(c, "src");
            ProofChain.Result r = ProofChain.check(stages, OPTIONS);
            assertInstanceOf(CecResult.Equivalent.class, r.overall(), target);
            assertEquals(stages.size() - 1, r.links().size());
            assertFalse(r.direct());
            for (ProofChain.Link l : r.links()) assertInstanceOf(CecResult.Equivalent.class, l.result(), l.to().name());
        }
    }

    @Test
    void aBrokenProgramAtTheEndOfTheChainGivesACounterexampleOfTheSourceThatTheInterpreterConfirms() {
        Aig aig = EquivalenceCheckerTest.randomAig(5, 9, 200, 6);
        FlowOptions fo = FlowOptions.defaults();
        Compiled c = Flow.compileRecorded(Design.ofNetwork("k", aig), fo);
        List<Stage> stages = new ArrayList<>(CompilationChain.stages(c, "src"));
        Random rnd = new Random(9);
        int caught = 0;
        for (int trial = 0; trial < 8; trial++) {
            Program bad = BrokenProgramTest.changeOneOp(c.program(), rnd);
            stages.set(stages.size() - 1, new Stage("bad", SymbolicExecution.network(bad)));
            ProofChain.Result r = ProofChain.check(stages, OPTIONS);
            if (r.overall() instanceof CecResult.Equivalent) continue; // a harmless change (a dead gate)
            CecResult.NotEquivalent ne = assertInstanceOf(CecResult.NotEquivalent.class, r.overall());
            long[][] progIn = new long[bad.inputs().size()][1];
            for (int i = 0; i < progIn.length; i++) progIn[i][0] = ne.inputs().getOrDefault(bad.inputs().get(i).name(), false) ? 1 : 0;
            long[][] progOut = new Interpreter().prepare(bad).run(progIn, 1);
            long[][] srcIn = new long[aig.numInputs()][1];
            for (int i = 0; i < srcIn.length; i++) srcIn[i][0] = ne.inputs().getOrDefault(aig.inputName(i), false) ? 1 : 0;
            long[][] srcOut = AigSimulator.simulate(aig, srcIn);
            for (CecResult.Difference d : ne.outputs()) {
                int po = bad.outputs().stream().map(b -> b.name()).toList().indexOf(d.output());
                assertEquals(d.right(), (progOut[po][0] & 1) != 0, "the interpreter's value of " + d.output());
                assertEquals(d.left(), (srcOut[aig.outputNames().indexOf(d.output())][0] & 1) != 0, "the source's value");
                assertNotEquals(d.left(), d.right());
            }
            caught++;
        }
        assertTrue(caught >= 4, "most single-op changes are caught: " + caught);
    }

    @Test
    void aWrongIntermediateThatALaterStageUndoesFallsBackToTheDirectCheck() {
        Aig aig = EquivalenceCheckerTest.randomAig(3, 8, 120, 5);
        Aig wrong = EquivalenceCheckerTest.randomAig(4, 8, 120, 5); // same names, another function
        ProofChain.Result r = ProofChain.check(List.of(new Stage("a", aig), new Stage("wrong", wrong), new Stage("a again", aig)), OPTIONS);
        assertInstanceOf(CecResult.Equivalent.class, r.overall());
        assertTrue(r.direct());
        assertInstanceOf(CecResult.NotEquivalent.class, r.links().get(0).result());
    }

    @Test
    void aMappedNetworkAsAnAigComputesWhatTheMappedNetworkSimulates() {
        Aig aig = EquivalenceCheckerTest.randomAig(8, 10, 200, 6);
        for (var family : List.of(Families.magicNor(), Families.resolve("magic"), Families.resolve("felix"))) {
            MappedNetwork m = TechnologyMapper.map(aig, family, "k");
            Aig back = MappedAig.of(m);
            long[][] in = new long[m.numInputs()][4];
            SplittableRandom rnd = new SplittableRandom(2);
            for (long[] row : in) for (int w = 0; w < row.length; w++) row[w] = rnd.nextLong();
            assertArrayEquals(m.simulate(in), AigSimulator.simulate(back, in), family.name());
        }
    }
}
