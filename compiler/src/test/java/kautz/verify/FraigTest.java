package kautz.verify;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class FraigTest {
    @Test
    void twoDifferentlyBuiltAddersInOneNetworkAreMergedIntoOne() {
        Aig a = EquivalenceCheckerTest.adder(16, false, -1), b = EquivalenceCheckerTest.adder(16, true, -1);
        Aig both = numbered(Miter.of(a, b, "a", "b").aig()); // one network with both adders' outputs, pairwise
        CecOptions options = CecOptions.defaults().withTimeout(Duration.ofSeconds(20));
        Aig reduced = Fraig.reduce(both, options);
        assertTrue(reduced.numAnds() <= Math.max(a.numAnds(), b.numAnds()),
                both.numAnds() + " ANDs should shrink to one adder's, got " + reduced.numAnds());
        for (int i = 0; i < both.numOutputs(); i += 2) assertEquals(reduced.output(i), reduced.output(i + 1), both.outputName(i));
        assertInstanceOf(CecResult.Equivalent.class, EquivalenceChecker.check(both, reduced, "before", "after", options));
    }

    /** The miter's outputs come in same-named pairs; numbering them makes the names unique. */
    private static Aig numbered(Aig g) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < g.numInputs(); i++) b.addInput(g.inputName(i));
        for (int n = g.firstAnd(); n < g.size(); n++) b.and(g.fanin0(n), g.fanin1(n)); // same numbering: inputs first, then ANDs in order
        for (int o = 0; o < g.numOutputs(); o++) b.addOutput(g.outputName(o) + "#" + o, g.output(o));
        return b.build();
    }
}
