package kautz.verify;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.load.Design;
import kautz.netlist.AigerReader;
import kautz.netlist.AigerWriter;
import kautz.network.Aig;
import kautz.network.Lit;
import kautz.opt.ArithmeticCircuits;
import kautz.opt.NodeClaims;
import kautz.opt.Scripts;
import kautz.verify.ProofChain.Stage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The pass stages of a chain carry the passes' own partner claims, and they are true and used. */
class CompilationChainTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(20));

    @Test
    void anOptimisedFileIsCheckedThroughPassStagesThatClaimTheirPartners() throws IOException {
        for (Aig a : List.of(ArithmeticCircuits.multiplier(8), ArithmeticCircuits.divider(8))) {
            Aig b = roundTrip(Scripts.defaultPipeline().run(a)); // as `kautz opt` writes it and `verify` reads it
            List<Stage> stages = CompilationChain.stages(new Stage("a", a), new Stage("b", b), Scripts.DEFAULT);
            assertEquals(Scripts.defaultPipeline().passes().size() + 1, stages.size(), "a, each pass but the last, b");
            assertNull(stages.get(0).partners());
            assertClaimsHold(stages, 1, stages.size(), "circuit " + a.numOutputs());
            ProofChain.Result r = ProofChain.check(stages, OPTIONS);
            assertInstanceOf(CecResult.Equivalent.class, r.overall(), "circuit " + a.numOutputs());
            assertTrue(r.overall().stats().byPartner() > 0, "claims were used: " + r.overall().stats());
        }
    }

    @Test
    void aCompilationsPassStagesClaimTheirPartners() {
        Aig aig = EquivalenceCheckerTest.randomAig(4, 10, 300, 8);
        FlowOptions fo = FlowOptions.defaults();
        Compiled c = Flow.compile(Design.ofNetwork("k", aig), fo);
        List<Stage> stages = CompilationChain.stages(c, fo, "src");
        int passes = Scripts.defaultPipeline().passes().size();
        assertTrue(stages.size() >= passes + 3, "the chain went through the passes: " + stages.size() + " stages");
        assertClaimsHold(stages, 1, passes + 1, "compiled");
        assertInstanceOf(CecResult.Equivalent.class, ProofChain.check(stages, OPTIONS).overall());
    }

    /** Stages from..to-1 claim a partner for every output's node, and every claim is true by simulation. */
    private static void assertClaimsHold(List<Stage> stages, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            Stage s = stages.get(i), prev = stages.get(i - 1);
            int[] p = s.partners();
            assertNotNull(p, what + ": " + s.name());
            assertEquals(s.network().size(), p.length, what + ": " + s.name());
            for (int o = 0; o < s.network().numOutputs(); o++) {
                assertTrue(p[Lit.node(s.network().output(o))] >= 0, what + ": " + s.name() + " output " + o + " has a partner");
            }
            NodeClaims.assertTrue(s.network(), prev.network(), p, what + ": " + s.name());
        }
    }

    private static Aig roundTrip(Aig aig) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AigerWriter.writeBinary(aig, out);
        return AigerReader.read("b.aig", out.toByteArray()).aig();
    }
}
