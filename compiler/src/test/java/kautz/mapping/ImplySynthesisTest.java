package kautz.mapping;

import kautz.flow.RowCheck;
import kautz.isa.Program;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.sim.Interpreter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImplySynthesisTest {
    private static final long LIMIT = 1_000_000L;

    private static ImplySynthesis.Options opts(int cells, int max, boolean destroy) {
        return new ImplySynthesis.Options(cells, 0, max, destroy, false, LIMIT);
    }

    /** Runs the synthesised program on every input row and compares it with the AIG of the goals. */
    private static void assertComputes(ImplySynthesis.Result r, int inputs, Aig reference) {
        List<String> in = reference.inputNames();
        List<String> out = java.util.stream.IntStream.range(0, reference.numOutputs()).mapToObj(reference::outputName).toList();
        Program p = ImplySynthesis.program("s", inputs, r, in, out);
        assertEquals(r.steps().size(), p.stats().cycles(), p.toString());
        assertEquals(0, RowCheck.random(p, reference, new Interpreter(), 256, 1).mismatches(), p.toString());
    }

    private static Aig twoInputs(BiFunction<AigBuilder, int[], Integer> f) {
        AigBuilder b = new AigBuilder();
        int[] x = {b.addInput("a"), b.addInput("b")};
        b.addOutput("f", f.apply(b, x));
        return b.build();
    }

    @Test
    void nandIsFalseAndTwoImps() {
        var o = ImplySynthesis.search(2, new int[] {0x77}, opts(3, 10, false));
        assertEquals(3, o.result().orElseThrow().steps().size());
        assertEquals(3, o.provenLowerBound());
        assertComputes(o.result().get(), 2, twoInputs((b, x) -> kautz.network.Lit.not(b.and(x[0], x[1]))));
    }

    @Test
    void xorWithReadOnlyInputsAndWithDestroyedInputs() {
        var kept = ImplySynthesis.search(2, new int[] {0x66}, opts(4, 12, false));
        var destroyed = ImplySynthesis.search(2, new int[] {0x66}, opts(4, 12, true));
        int k = kept.result().orElseThrow().steps().size();
        int d = destroyed.result().orElseThrow().steps().size();
        assertTrue(d <= k, d + " vs " + k);
        assertComputes(kept.result().get(), 2, twoInputs((b, x) -> b.xor(x[0], x[1])));
        assertComputes(destroyed.result().get(), 2, twoInputs((b, x) -> b.xor(x[0], x[1])));
        // one step shorter is proven impossible
        var shorter = ImplySynthesis.search(2, new int[] {0x66}, opts(4, k - 1, false));
        assertFalse(shorter.result().isPresent());
        assertFalse(shorter.exhausted());
    }
}
