package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.EquivalenceChecker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static kautz.opt.PassesTest.assertEquivalent;
import static kautz.opt.PassesTest.randomNetwork;
import static org.junit.jupiter.api.Assertions.*;

/** Resubstitution, zero-gain rewriting/refactoring and the named scripts: they keep the function and do their job. */
class ResubPassTest {
    private static final List<String> SCRIPTS = List.of("resub{nodes=0}", "resub", "resub{nodes=2}",
            "resub{leaves=12, nodes=3}", "resub{leaves=16, nodes=3}", "rewrite{zero=1}", "refactor{zero=1}",
            "resyn", "resyn2", "resyn2rs");

    @Test
    void everyVariantPreservesFunctionOnRandomNetworks() {
        Random rnd = new Random(29);
        for (int trial = 0; trial < 12; trial++) {
            Aig aig = randomNetwork(rnd, 2 + rnd.nextInt(14), rnd.nextInt(300), 1 + rnd.nextInt(8));
            for (String script : trial < 3 ? java.util.stream.Stream.concat(SCRIPTS.stream(), java.util.stream.Stream.of("strong")).toList() : SCRIPTS) {
                Aig out = Pipeline.parse(script).run(aig);
                assertEquivalent(aig, out, script + " trial " + trial);
                assertTrue(out.numAnds() <= aig.numAnds(), script + " never grows, trial " + trial);
            }
        }
    }

    @Test
    void variantsAreProvenOnRandomNetworks() {
        Random rnd = new Random(31);
        CecOptions options = CecOptions.defaults().withTimeout(Duration.ofSeconds(30));
        for (int trial = 0; trial < 3; trial++) {
            Aig aig = randomNetwork(rnd, 4 + rnd.nextInt(10), 100 + rnd.nextInt(200), 1 + rnd.nextInt(5));
            for (String script : List.of("resub{leaves=12, nodes=3}", "resyn2rs")) {
                CecResult r = EquivalenceChecker.check(aig, Pipeline.parse(script).run(aig), "before", "after", options);
                assertInstanceOf(CecResult.Equivalent.class, r, script + " trial " + trial + ": " + r);
            }
        }
    }

    @Test
    void zeroResubMergesADivisorComputedAnotherWay() {
        AigBuilder b = new AigBuilder();
        int x = b.addInput("x"), y = b.addInput("y"), z = b.addInput("z");
        int shared = b.and(b.and(x, y), z);          // x & y & z, used by two outputs
        int other = b.and(b.and(x, z), y);           // the same function, built differently
        b.addOutput("a", shared);
        b.addOutput("b", b.and(other, Lit.not(b.and(x, Lit.not(y))))); // other & ~(x & ~y) = other
        Aig aig = b.build();
        Aig out = new ResubPass(8, 0).run(aig);
        assertEquivalent(aig, out, "0-resub");
        assertEquals(2, out.numAnds(), "everything collapses onto x & y & z");
    }

    @Test
    void oneAndTwoResubUseExistingNodes() {
        AigBuilder b = new AigBuilder();
        int[] x = new int[4];
        for (int i = 0; i < 4; i++) x[i] = b.addInput("x" + i);
        int p = b.and(x[0], x[1]), q = b.and(x[2], x[3]);
        b.addOutput("p", p);
        b.addOutput("q", q);
        // (x0 & x1) | (x2 & x3) written as a sum of four products: an OR of the existing p and q
        int sop = b.or(b.or(b.and(b.and(x[0], x[1]), x[2]), b.and(b.and(x[0], x[1]), Lit.not(x[2]))),
                b.or(b.and(x[2], b.and(x[3], x[0])), b.and(x[2], b.and(x[3], Lit.not(x[0])))));
        b.addOutput("f", sop);
        Aig aig = b.build();
        Aig one = new ResubPass(8, 1).run(aig);
        assertEquivalent(aig, one, "1-resub");
        assertEquals(3, one.numAnds(), "f = p | q needs one new AND");

        AigBuilder c = new AigBuilder();
        int[] y = new int[5];
        for (int i = 0; i < 5; i++) y[i] = c.addInput("y" + i);
        int r = c.and(y[0], y[1]), s = c.and(y[2], y[3]);
        c.addOutput("r", r);
        c.addOutput("s", s);
        c.addOutput("y4", y[4]);
        // r | (s & y4) written as a mux tree over y4
        int g = c.mux(y[4], c.or(c.and(y[0], y[1]), c.and(c.and(y[2], y[3]), y[4])), c.and(y[1], y[0]));
        c.addOutput("g", g);
        Aig aig2 = c.build();
        Aig two = new ResubPass(8, 2).run(aig2);
        assertEquivalent(aig2, two, "2-resub");
        assertTrue(two.numAnds() <= 4, "g = r | (s & y4) needs two new ANDs, got " + two.numAnds());
    }

    @Test
    void scriptNamesExpandAndRoundTrip() {
        Pipeline p = Pipeline.parse("strash; resyn2; resub{nodes=2}");
        assertEquals("strash; " + Pipeline.parse(Scripts.RESYN2) + "; resub{nodes=2}", p.toString());
        assertEquals(p.toString(), Pipeline.parse(p.toString()).toString());
        assertTrue(Pipeline.parse("strong").passes().size() > 50);
        assertEquals(Scripts.DEFAULT, Pipeline.parse("default").toString());
        assertThrows(kautz.diag.UserError.class, () -> Pipeline.parse("resub{nodes=4}"));
        assertThrows(kautz.diag.UserError.class, () -> Pipeline.parse("resub{leaves=17}"));
        assertThrows(kautz.diag.UserError.class, () -> Pipeline.parse("rewrite{zero=2}"));
    }
}
