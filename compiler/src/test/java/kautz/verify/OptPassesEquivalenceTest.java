package kautz.verify;

import kautz.netlist.AigerReader;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The optimisation passes are proven, not only simulated: every pass alone and the default script, on the
 * project's own random networks and on the small EPFL circuits. (All EPFL circuits: docs/PERFORMANCE.md.)
 */
class OptPassesEquivalenceTest {
    private static final CecOptions OPTIONS = CecOptions.defaults().withTimeout(Duration.ofSeconds(60));
    private static final List<String> SCRIPTS = List.of("strash", "cleanup", "constprop", "balance", "rewrite",
            "refactor", Scripts.DEFAULT);

    @Test
    void everyPassPreservesRandomNetworks() {
        for (long seed = 1; seed <= 3; seed++) {
            Aig aig = EquivalenceCheckerTest.randomAig(seed, 16, 600, 12);
            for (String script : SCRIPTS) assertProven(aig, script, "random seed " + seed);
        }
    }

    @Test
    void theDefaultScriptIsProvenOnSmallEpflCircuits() {
        var dir = SharedBenchmarks.dir();
        Assumptions.assumeTrue(dir.isPresent(), SharedBenchmarks.MISSING);
        for (String name : List.of("ctrl", "int2float", "router", "dec", "cavlc", "adder")) {
            Path f = dir.get().resolve("epfl").resolve(name + ".aig");
            assertProven(AigerReader.readDesign(f).network(), Scripts.DEFAULT, name);
        }
    }

    private static void assertProven(Aig aig, String script, String what) {
        Aig after = Pipeline.parse(script).run(aig);
        CecResult r = EquivalenceChecker.check(aig, after, "before", "after", OPTIONS);
        assertInstanceOf(CecResult.Equivalent.class, r, what + " / " + script + ": " + r);
    }
}
