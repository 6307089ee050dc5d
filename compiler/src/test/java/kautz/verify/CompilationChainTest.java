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
            List<kautz.opt.Pipeline.Step> steps = new java.util.ArrayList<>();
            Scripts.defaultPipeline().run(a, steps::add);
            int rounds = steps.stream().mapToInt(s -> Math.max(0, s.checkpoints().size() - 1)).sum();
            assertEquals(steps.size() + 1 + rounds, stages.size(),
                    "a, each pass but the last (a resub's rounds before its result too), b");
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
        Compiled c = Flow.compileRecorded(Design.ofNetwork("k", aig), fo);
        List<Stage> stages = CompilationChain.stages(c, "src");
        int passes = Scripts.defaultPipeline().passes().size();
        assertTrue(stages.size() >= passes + 3, "the chain went through the passes: " + stages.size() + " stages");
        assertClaimsHold(stages, 1, passes + 1, "compiled");
        assertInstanceOf(CecResult.Equivalent.class, ProofChain.check(stages, OPTIONS).overall());
    }

    @Test
    void nodesMarkedInnerNeverChangeTheAnswer() {
        for (long seed = 1; seed <= 3; seed++) {
            Aig a = EquivalenceCheckerTest.randomAig(seed, 10, 300, 8);
            Aig b = Scripts.defaultPipeline().run(a);
            int[] allInner = new int[b.size()];
            java.util.Arrays.fill(allInner, Partners.INNER);
            assertInstanceOf(CecResult.Equivalent.class,
                    EquivalenceChecker.check(a, b, "a", "b", OPTIONS, Budget.start(OPTIONS), allInner), "seed " + seed);
            Aig other = EquivalenceCheckerTest.randomAig(seed + 100, 10, 300, 8);
            int[] otherInner = new int[other.size()];
            java.util.Arrays.fill(otherInner, Partners.INNER);
            assertInstanceOf(CecResult.NotEquivalent.class,
                    EquivalenceChecker.check(a, other, "a", "other", OPTIONS, Budget.start(OPTIONS), otherInner), "seed " + seed);
        }
    }

    /**
     * Stages from..to-1 claim a partner for every output's node, every claim is true by simulation, and
     * every AND without a claim is marked inner: no node of the stage before maps to it.
     */
    private static void assertClaimsHold(List<Stage> stages, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            Stage s = stages.get(i), prev = stages.get(i - 1);
            int[] p = s.partners();
            assertNotNull(p, what + ": " + s.name());
            assertEquals(s.network().size(), p.length, what + ": " + s.name());
            for (int o = 0; o < s.network().numOutputs(); o++) {
                assertTrue(p[Lit.node(s.network().output(o))] >= 0, what + ": " + s.name() + " output " + o + " has a partner");
            }
            int[] claims = p.clone();
            for (int n = 0; n < claims.length; n++) {
                assertTrue(claims[n] >= 0 || claims[n] == Partners.INNER && n >= s.network().firstAnd(),
                        what + ": " + s.name() + " node " + n + " is claimed or inner: " + claims[n]);
                if (claims[n] < 0) claims[n] = Partners.NONE;
            }
            NodeClaims.assertTrue(s.network(), prev.network(), claims, what + ": " + s.name());
        }
    }

    private static Aig roundTrip(Aig aig) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AigerWriter.writeBinary(aig, out);
        return AigerReader.read("b.aig", out.toByteArray()).aig();
    }
}
