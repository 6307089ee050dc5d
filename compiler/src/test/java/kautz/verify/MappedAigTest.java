package kautz.verify;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.flow.RowSize;
import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.mapped.MappedNetwork;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.network.Lit;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import kautz.schedule.TestNetworks;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;
import kautz.mapped.Primitive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The mapped network as an AIG is built as the program's ops build each gate, so the mapped ≡ program link of
 * a proof chain is proven by structural hashing alone, for every family and the schedules that complicate it
 * (in-place IMPLY gates, consumed inputs, single inits, recomputation in a small row).
 */
class MappedAigTest {
    private static final String[] FAMILIES = {"magic-nor", "magic-nor-4", "magic", "imply", "felix"};
    /**
     * Neither the optimisation script nor the length of the scheduler's search changes how a program relates to its
     * mapping: both cut short where they do not matter.
     */
    private static final FlowOptions FAST = new FlowOptions(Families.DEFAULT, null, RowSize.unlimited(), InitModel.BULK, 1,
            Duration.ofMillis(100), false, FlowOptions.NO_SCRIPT);

    @Test
    void everyFamilysProgramHashesOntoItsMappedNetwork() {
        Aig aig = EquivalenceCheckerTest.randomAig(21, 10, 150, 8);
        for (String target : FAMILIES) {
            for (InitModel init : InitModel.values()) {
                if (init == InitModel.SINGLE && !target.equals("magic-nor") && !target.equals("imply")) continue;
                Compiled c = Flow.compile(Design.ofNetwork("k", aig), FAST.withTarget(target).withInit(init));
                assertHashes(c, target + " " + init);
            }
        }
    }

    @Test
    void everySchedulersProgramHashesOntoItsMappedNetwork() {
        Aig aig = EquivalenceCheckerTest.randomAig(26, 9, 120, 6);
        for (Scheduler scheduler : Schedulers.undivided()) {
            for (String target : new String[] {"magic-nor", "imply"}) {
                FlowOptions fo = FAST.withTarget(target).withScheduler(scheduler.name());
                assertHashes(Flow.compile(Design.ofNetwork("k", aig), fo), scheduler.name() + " " + target);
            }
        }
    }

    @Test
    void inPlaceImplyGatesThatConsumeInputsHashToo() {
        Aig aig = EquivalenceCheckerTest.randomAig(22, 9, 180, 6);
        Compiled c = Flow.compile(Design.ofNetwork("k", aig), FlowOptions.defaults().withTarget("imply").withConsumeInputs(true));
        assertTrue(c.mapped().gates().stream().anyMatch(g -> g.primitive().name().equals("imp2")), "the mapping has in-place gates");
        assertTrue(c.program().consumesInputs(), "some gate overwrites an input");
        assertHashes(c, "imply --consume-inputs");
    }

    @Test
    void aProgramThatRecomputesValuesInASmallRowHashesToo() {
        MappedNetwork net = TestNetworks.twoWayChains(16); // as written about k/2 values stay alive
        GateFamily nor = Families.magicNor();
        Scheduler live = Schedulers.defaultScheduler();
        ScheduleOptions o = ScheduleOptions.defaults();
        int row = net.numInputs() + 8;
        Program p = live.schedule(net, nor, o.withRowSize(row));
        assertTrue(p.stats().gates() > net.gates().size(), "the program computes some gates more than once");
        assertHashes(net, nor, p, "row " + row);
    }

    @Test
    void theFamilysFormComputesWhatTheMappedNetworkSimulates() {
        Aig aig = EquivalenceCheckerTest.randomAig(24, 10, 200, 6);
        for (String target : FAMILIES) {
            Compiled c = Flow.compile(Design.ofNetwork("k", aig), FAST.withTarget(target));
            MappedNetwork m = c.mapped();
            long[][] in = new long[m.numInputs()][4];
            SplittableRandom rnd = new SplittableRandom(5);
            for (long[] row : in) for (int w = 0; w < row.length; w++) row[w] = rnd.nextLong();
            assertArrayEquals(m.simulate(in), AigSimulator.simulate(MappedAig.of(m, c.family()), in), target);
            assertArrayEquals(m.simulate(in), AigSimulator.simulate(MappedAig.of(m), in), target + " as truth tables");
        }
    }

    @Test
    void theMappedStagesClaimsAreTrueAndTheChainUsesThem() {
        Aig aig = EquivalenceCheckerTest.randomAig(25, 10, 200, 8);
        int byPartner = 0;
        for (String target : FAMILIES) {
            FlowOptions fo = FlowOptions.defaults().withTarget(target);
            Compiled c = Flow.compileRecorded(Design.ofNetwork("k", aig), fo);
            List<ProofChain.Stage> stages = CompilationChain.stages(c, "src");
            ProofChain.Stage before = stages.get(stages.size() - 3), mapped = stages.get(stages.size() - 2);
            assertNotNull(mapped.partners(), target + ": the mapping is rooted in " + before.name());
            assertEquals(mapped.network().size(), mapped.partners().length);
            long[] left = nodeValues(before.network(), 9), right = nodeValues(mapped.network(), 9);
            int claims = 0;
            for (int n = 0; n < right.length; n++) {
                int p = mapped.partners()[n];
                if (p < 0) continue; // no claim, or inner logic
                long v = left[Lit.node(p)];
                assertEquals(Lit.isComplement(p) ? ~v : v, right[n], target + ": node " + n + " claimed to be " + p);
                claims++;
            }
            assertTrue(claims > 0, target);
            ProofChain.Result r = ProofChain.check(stages, CecOptions.defaults().withTimeout(Duration.ofSeconds(20)));
            assertInstanceOf(CecResult.Equivalent.class, r.overall(), target);
            byPartner += r.links().get(r.links().size() - 2).result().stats().byPartner();
        }
        assertTrue(byPartner > 0, "the sweeper merged some claimed pairs");
    }

    @Test
    void aWrongMappingIsCaughtWhateverItsStageClaims() {
        Aig aig = EquivalenceCheckerTest.randomAig(27, 10, 200, 8);
        FlowOptions fo = FlowOptions.defaults().withTarget("magic-nor-4");
        Compiled c = Flow.compileRecorded(Design.ofNetwork("k", aig), fo);
        List<ProofChain.Stage> stages = CompilationChain.stages(c, "src");
        ProofChain.Stage before = stages.get(stages.size() - 3);
        int[] claimed = stages.get(stages.size() - 2).partners();
        // the gate of the first output computes its complement: NOR2 -> OR2 (or OR2 -> NOR2, NOT -> buffer-free OR of x, x)
        MappedNetwork m = c.mapped();
        int out = m.outputNodes().get(0);
        MappedNetwork.Gate g = m.gate(out);
        Primitive flipped = new Primitive(g.primitive().name() + "-flipped", g.primitive().arity(),
                ~g.primitive().truthTable() & (g.primitive().arity() == 6 ? -1L : (1L << (1 << g.primitive().arity())) - 1));
        List<MappedNetwork.Gate> gates = new ArrayList<>(m.gates());
        gates.set(out - m.numInputs(), new MappedNetwork.Gate(flipped, g.fanins()));
        MappedNetwork wrong = new MappedNetwork(m.name(), m.inputNames(), ImmutableList.copyOf(gates), m.outputNames(), m.outputNodes());
        MappedAig.Built built = MappedAig.build(wrong, c.family());
        // the right mapping's claims, now partly wrong, and every other node claimed to be inner logic
        int[] partners = Arrays.copyOf(claimed, built.network().size());
        for (int n = built.network().firstAnd(); n < partners.length; n++) if (n >= claimed.length || partners[n] < 0) partners[n] = Partners.INNER;
        ProofChain.Result r = ProofChain.check(List.of(before, new ProofChain.Stage("wrong", built.network(), partners)),
                CecOptions.defaults().withTimeout(Duration.ofSeconds(20)));
        CecResult.NotEquivalent ne = assertInstanceOf(CecResult.NotEquivalent.class, r.overall());
        assertEquals(m.outputNames().get(0), ne.outputs().get(0).output());
    }

    /** One 64-pattern word of every node; inputs in order (the stages of a chain keep the source's input order). */
    private static long[] nodeValues(Aig aig, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] v = new long[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) v[i + 1] = rnd.nextLong();
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            long a = v[Lit.node(aig.fanin0(n))], b = v[Lit.node(aig.fanin1(n))];
            v[n] = (Lit.isComplement(aig.fanin0(n)) ? ~a : a) & (Lit.isComplement(aig.fanin1(n)) ? ~b : b);
        }
        return v;
    }

    /** Every output of the program is the mapped network's literal and the program adds no logic of its own. */
    private static void assertHashes(Compiled c, String what) {
        assertHashes(c.mapped(), c.family(), c.program(), what);
    }

    private static void assertHashes(MappedNetwork net, GateFamily family, Program p, String what) {
        Miter m = Miter.of(MappedAig.of(net, family), SymbolicExecution.network(p), "mapped", "program");
        for (int i = 0; i < m.pairs(); i++) assertEquals(m.left(i), m.right(i), what + ": output " + m.outputNames().get(i));
        assertEquals(m.aig().size(), m.firstRightNode(), what + ": the program's nodes all hash onto the mapped network's");
    }
}
