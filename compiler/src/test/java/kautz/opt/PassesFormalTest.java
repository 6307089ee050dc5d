package kautz.opt;

import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.util.SharedBenchmarks;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.EquivalenceChecker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Every pass, and the default script, proven equivalent to its input by the SAT-based checker. */
class PassesFormalTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(30));

    private static void assertProven(Aig before, Aig after, String what) {
        CecResult r = EquivalenceChecker.check(before, after, "before", "after", OPTIONS);
        assertInstanceOf(CecResult.Equivalent.class, r, what + ": " + r);
    }

    @Test
    void passesAreProvenOnRandomNetworks() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 4; trial++) {
            Aig aig = PassesTest.randomNetwork(rnd, 3 + rnd.nextInt(12), 50 + rnd.nextInt(300), 1 + rnd.nextInt(6));
            for (PassInfo info : Passes.ALL) {
                assertProven(aig, Passes.create(info.name(), Map.of()).run(aig), info.name() + " trial " + trial);
            }
            assertProven(aig, Scripts.defaultPipeline().run(aig), "default script trial " + trial);
        }
    }

    @Test
    void defaultScriptIsProvenOnSmallEpflCircuits() {
        var dir = SharedBenchmarks.dir();
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.isPresent(), SharedBenchmarks.MISSING);
        for (String f : List.of("ctrl", "int2float", "router", "cavlc")) {
            Aig aig = DesignLoader.load(dir.get().resolve("epfl/" + f + ".aig"), null).network();
            assertProven(aig, Scripts.defaultPipeline().run(aig), f);
            assertProven(aig, new RefactorPass(6).run(aig), f + " refactor");
        }
    }
}
