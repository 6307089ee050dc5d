package kautz.opt;

import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The node maps passes report for the verifier ({@link Pass.Result#oldToNew}) are true and cover what
 * matters: every claimed pair computes the same function on random patterns, every output's node has an
 * image, and tracking never changes the network a pass produces.
 */
class PassTrackingTest {
    private static final List<String> PASSES = List.of("strash", "cleanup", "constprop", "balance", "rewrite",
            "rewrite{zero=1}", "rewrite{cuts=4}", "refactor", "refactor{zero=1}", "resub", "resub{nodes=2}",
            "resub{leaves=12, nodes=3}", "resub{nodes=0}", "symmetric{min=3}");

    @Test
    void everyRegisteredPassIsCovered() {
        for (PassInfo info : Passes.ALL) {
            assertTrue(PASSES.stream().anyMatch(p -> p.startsWith(info.name())), info.name() + " has no tracking test");
        }
    }

    @Test
    @Tag("slow")
    void claimsHoldOnRandomNetworks() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 15; trial++) {
            Aig aig = PassesTest.randomNetwork(rnd, 2 + rnd.nextInt(12), 20 + rnd.nextInt(400), 1 + rnd.nextInt(8));
            checkEveryPassAndTheDefaultScript(aig, "random trial " + trial);
        }
    }

    @Test
    void claimsHoldOnArithmetic() {
        checkEveryPassAndTheDefaultScript(ArithmeticCircuits.multiplier(6), "multiplier 6x6");
        checkEveryPassAndTheDefaultScript(ArithmeticCircuits.divider(6), "divider 6/6");
        checkEveryPassAndTheDefaultScript(SymmetricCircuits.majority(9), "majority of 9");
    }

    @Test
    void claimsHoldOnSmallSharedBenchmarks() {
        var dir = SharedBenchmarks.dir();
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.isPresent(), SharedBenchmarks.MISSING);
        for (String f : List.of("ctrl", "int2float", "router", "cavlc", "dec", "adder")) {
            Aig aig = DesignLoader.load(dir.get().resolve("epfl/" + f + ".aig"), null).network();
            checkEveryPassAndTheDefaultScript(aig, f);
        }
    }

    @Test
    void strashAndCleanupGiveEveryKeptNodeAPartner() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 10; trial++) {
            Aig aig = PassesTest.randomNetwork(rnd, 8, 300, 4);
            for (String pass : List.of("strash", "cleanup")) {
                Pass.Result r = Pipeline.parse(pass).passes().get(0).runTracked(aig);
                boolean[] hit = new boolean[r.network().size()];
                for (int lit : r.oldToNew()) if (lit >= 0) hit[Lit.node(lit)] = true;
                for (int n = 0; n < hit.length; n++) assertTrue(hit[n], pass + " trial " + trial + ": node " + n + " has no partner");
            }
        }
    }

    @Test
    void balanceMapsEverySupergateRootToItsNewTree() {
        AigBuilder b = new AigBuilder();
        int[] x = new int[8];
        for (int i = 0; i < 8; i++) x[i] = b.addInput("x" + i);
        int chain = x[0];
        for (int i = 1; i < 8; i++) chain = b.and(chain, x[i]);
        int shared = b.and(chain, x[0]); // chain has two readers: a supergate root inside the logic
        b.addOutput("a", Lit.not(b.and(shared, x[3])));
        b.addOutput("b", b.and(chain, Lit.not(x[4])));
        Aig aig = b.build();
        Pass.Result r = new BalancePass().runTracked(aig);
        assertTrue(r.network().depth() < aig.depth());
        assertTrue(r.oldToNew()[Lit.node(chain)] >= 0, "the shared root of the chain has its new tree");
        checkClaims(aig, r, "balance of a chain");
    }

    @Test
    void resubWorksInRoundsOfIndependentEditsWithACheckpointEach() {
        Random rnd = new Random(23);
        int multiRound = 0;
        for (int trial = 0; trial < 12; trial++) {
            Aig aig = new StrashPass().run(PassesTest.randomNetwork(rnd, 6 + rnd.nextInt(8), 200 + rnd.nextInt(600), 1 + rnd.nextInt(8)));
            for (String spec : List.of("resub", "resub{nodes=2}", "resub{leaves=12, nodes=3}")) {
                Pass.Result r = Pipeline.parse(spec).passes().get(0).runTracked(aig);
                String what = "trial " + trial + " / " + spec;
                if (r.network() == aig) {
                    assertTrue(r.checkpoints().isEmpty(), what);
                    continue;
                }
                assertFalse(r.checkpoints().isEmpty(), what + ": a pass that replaced something has checkpoints");
                Aig before = aig;
                for (int k = 0; k < r.checkpoints().size(); k++) {
                    Pass.Checkpoint c = r.checkpoints().get(k);
                    String at = what + " / checkpoint " + (k + 1);
                    NodeClaims.assertTrue(c.network(), before, c.claims(), at);
                    for (int o = 0; o < c.network().numOutputs(); o++) {
                        assertTrue(c.claims()[Lit.node(c.network().output(o))] >= 0, at + ": output " + o + " is claimed");
                    }
                    NodeClaims.assertSameOutputs(before, c.network(), at);
                    before = c.network();
                }
                assertSame(r.network(), before, what + ": the last checkpoint is the result");
                if (r.checkpoints().size() > 1) multiRound++;
            }
        }
        assertTrue(multiRound > 0, "some resubstitution needed more than one round");
    }

    private static void checkEveryPassAndTheDefaultScript(Aig aig, String what) {
        for (String spec : PASSES) {
            Pass p = Pipeline.parse(spec).passes().get(0);
            Pass.Result r = p.runTracked(aig);
            assertSameNetwork(p.run(aig), r.network(), what + " / " + spec);
            checkClaims(aig, r, what + " / " + spec);
            Aig before = aig;
            for (Pass.Checkpoint c : r.checkpoints()) {
                NodeClaims.assertTrue(c.network(), before, c.claims(), what + " / " + spec + ": checkpoint claims");
                before = c.network();
            }
        }
        List<Pipeline.Step> steps = new ArrayList<>();
        Aig before = aig, end = Scripts.defaultPipeline().run(aig, steps::add);
        int[] sourceToEnd = NodeMaps.identity(aig.size());
        for (Pipeline.Step s : steps) {
            checkClaims(before, new Pass.Result(s.after(), s.oldToNew()), what + " / default script: " + s.pass());
            sourceToEnd = NodeMaps.compose(sourceToEnd, s.oldToNew());
            before = s.after();
        }
        checkClaims(aig, new Pass.Result(end, sourceToEnd), what + " / the default script end to end");
    }

    /** Every claim is true on random patterns; inputs map to themselves; every output's node has an image. */
    static void checkClaims(Aig before, Pass.Result r, String what) {
        int[] map = r.oldToNew();
        assertEquals(before.size(), map.length, what + ": one entry per node of the input");
        assertEquals(Lit.FALSE, map[0], what + ": the constant");
        for (int i = 0; i < before.numInputs(); i++) assertEquals(Lit.of(i + 1, false), map[i + 1], what + ": input " + i);
        for (int o = 0; o < before.numOutputs(); o++) {
            assertTrue(NodeMaps.image(map, before.output(o)) >= 0, what + ": output " + before.outputName(o) + " has no image");
        }
        int claims = NodeClaims.assertTrue(before, r.network(), map, what);
        assertTrue(claims > before.numInputs() || before.numAnds() == 0, what + ": no AND claimed");
    }

    private static void assertSameNetwork(Aig a, Aig b, String what) {
        assertEquals(a.size(), b.size(), what);
        for (int n = a.firstAnd(); n < a.size(); n++) {
            assertEquals(a.fanin0(n), b.fanin0(n), what);
            assertEquals(a.fanin1(n), b.fanin1(n), what);
        }
        for (int o = 0; o < a.numOutputs(); o++) assertEquals(a.output(o), b.output(o), what);
    }
}
