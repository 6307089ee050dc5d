package kautz.opt;

import kautz.load.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.util.SharedBenchmarks;
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
    void claimsHoldOnRandomNetworks() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 15; trial++) {
            Aig aig = PassesTest.randomNetwork(rnd, 2 + rnd.nextInt(12), 20 + rnd.nextInt(400), 1 + rnd.nextInt(8));
            checkEveryPassAndTheDefaultScript(aig, "random trial " + trial);
        }
    }

    @Test
    void claimsHoldOnArithmetic() {
        checkEveryPassAndTheDefaultScript(multiplier(6), "multiplier 6x6");
        checkEveryPassAndTheDefaultScript(divider(6), "divider 6/6");
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

    private static void checkEveryPassAndTheDefaultScript(Aig aig, String what) {
        for (String spec : PASSES) {
            Pass p = Pipeline.parse(spec).passes().get(0);
            Pass.Result r = p.runTracked(aig);
            assertSameNetwork(p.run(aig), r.network(), what + " / " + spec);
            checkClaims(aig, r, what + " / " + spec);
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

    /** Every claim is true on 512 random patterns; inputs map to themselves; every output's node has an image. */
    static void checkClaims(Aig before, Pass.Result r, String what) {
        Aig after = r.network();
        int[] map = r.oldToNew();
        assertEquals(before.size(), map.length, what + ": one entry per node of the input");
        assertEquals(Lit.FALSE, map[0], what + ": the constant");
        for (int i = 0; i < before.numInputs(); i++) assertEquals(Lit.of(i + 1, false), map[i + 1], what + ": input " + i);
        for (int o = 0; o < before.numOutputs(); o++) {
            int claimed = NodeMaps.image(map, before.output(o));
            assertTrue(claimed >= 0, what + ": output " + before.outputName(o) + " has no image");
        }
        Random rnd = new Random(what.hashCode());
        long[][] in = new long[before.numInputs()][8];
        for (long[] row : in) for (int w = 0; w < row.length; w++) row[w] = rnd.nextLong();
        long[][] x = nodeValues(before, in), y = nodeValues(after, in);
        int claims = 0;
        for (int n = 0; n < map.length; n++) {
            if (map[n] < 0) continue;
            assertTrue(Lit.node(map[n]) < after.size(), what + ": node " + n + " claims a node beyond the network");
            long flip = Lit.isComplement(map[n]) ? -1L : 0L;
            for (int w = 0; w < 8; w++) {
                assertEquals(x[n][w], y[Lit.node(map[n])][w] ^ flip, what + ": node " + n + " -> literal " + map[n]);
            }
            claims++;
        }
        assertTrue(claims > before.numInputs() || before.numAnds() == 0, what + ": no AND claimed");
    }

    private static long[][] nodeValues(Aig aig, long[][] inputs) {
        long[][] v = new long[aig.size()][];
        v[0] = new long[8];
        for (int i = 0; i < aig.numInputs(); i++) v[i + 1] = inputs[i];
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            long[] a = v[Lit.node(aig.fanin0(n))], b = v[Lit.node(aig.fanin1(n))];
            long ca = Lit.isComplement(aig.fanin0(n)) ? -1L : 0L, cb = Lit.isComplement(aig.fanin1(n)) ? -1L : 0L;
            v[n] = new long[8];
            for (int w = 0; w < 8; w++) v[n][w] = (a[w] ^ ca) & (b[w] ^ cb);
        }
        return v;
    }

    private static void assertSameNetwork(Aig a, Aig b, String what) {
        assertEquals(a.size(), b.size(), what);
        for (int n = a.firstAnd(); n < a.size(); n++) {
            assertEquals(a.fanin0(n), b.fanin0(n), what);
            assertEquals(a.fanin1(n), b.fanin1(n), what);
        }
        for (int o = 0; o < a.numOutputs(); o++) assertEquals(a.output(o), b.output(o), what);
    }

    /** An n x n array multiplier (rows of ripple adders), 2n outputs. */
    static Aig multiplier(int n) {
        AigBuilder b = new AigBuilder();
        int[] x = inputs(b, "a", n), y = inputs(b, "b", n);
        int[] acc = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) acc[i] = Lit.FALSE;
        for (int j = 0; j < n; j++) {
            int carry = Lit.FALSE;
            for (int i = 0; i < n; i++) {
                int p = b.and(x[i], y[j]), s = acc[i + j];
                acc[i + j] = b.xor(b.xor(s, p), carry);
                carry = b.maj(s, p, carry);
            }
            for (int k = j + n; k < 2 * n; k++) {
                int s = acc[k];
                acc[k] = b.xor(s, carry);
                carry = b.and(s, carry);
            }
        }
        for (int i = 0; i < 2 * n; i++) b.addOutput("p[" + i + "]", acc[i]);
        return b.build();
    }

    /** An n-bit restoring divider: quotient and remainder (division by zero gives all ones, as the loop does). */
    static Aig divider(int n) {
        AigBuilder b = new AigBuilder();
        int[] a = inputs(b, "a", n), d = inputs(b, "d", n);
        int[] rem = new int[n];
        for (int i = 0; i < n; i++) rem[i] = Lit.FALSE;
        int[] q = new int[n];
        for (int step = n - 1; step >= 0; step--) {
            int[] r = new int[n + 1]; // rem << 1 | a[step]
            r[0] = a[step];
            for (int i = 0; i < n; i++) r[i + 1] = rem[i];
            int borrow = Lit.FALSE; // r - d over n+1 bits
            int[] diff = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                int di = i < n ? d[i] : Lit.FALSE;
                diff[i] = b.xor(b.xor(r[i], di), borrow);
                borrow = b.or(b.and(Lit.not(r[i]), b.or(di, borrow)), b.and(di, borrow));
            }
            q[step] = Lit.not(borrow);
            for (int i = 0; i < n; i++) rem[i] = b.mux(q[step], diff[i], r[i]);
        }
        for (int i = 0; i < n; i++) b.addOutput("q[" + i + "]", q[i]);
        for (int i = 0; i < n; i++) b.addOutput("r[" + i + "]", rem[i]);
        return b.build();
    }

    private static int[] inputs(AigBuilder b, String name, int n) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) x[i] = b.addInput(name + "[" + i + "]");
        return x;
    }
}
