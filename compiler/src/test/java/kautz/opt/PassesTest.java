package kautz.opt;

import kautz.diag.UserError;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.AigSimulator;
import kautz.network.Lit;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Every registered pass preserves the function (by simulation) on project-made and small shared circuits. */
class PassesTest {
    @Test
    void npnHas222ClassesAndEveryTransformReproducesItsFunction() {
        assertEquals(222, Npn4.classCount());
        for (int f = 0; f < 1 << 16; f++) {
            assertEquals(f, Npn4.apply(Npn4.transform(f), Npn4.representative(f)), "function " + f);
        }
    }

    @Test
    void libraryStructuresComputeTheirClass() {
        int classes = 0, total = 0;
        for (int f = 0; f < 1 << 16; f++) {
            if (Npn4.representative(f) != f) continue;
            classes++;
            List<RewriteLibrary.Structure> list = RewriteLibrary.structures(f);
            assertFalse(list.isEmpty());
            for (RewriteLibrary.Structure st : list) {
                long[][] in = {{0xAAAAL}, {0xCCCCL}, {0xF0F0L}, {0xFF00L}};
                assertEquals(f, AigSimulator.simulate(st.aig(), in)[0][0] & 0xFFFF, "class " + f);
                total += st.size();
            }
        }
        assertEquals(222, classes);
        assertTrue(total > 0);
        // known optima: AND2 class needs 1 node, XOR2 3, MUX 3, 4-input parity 9
        assertEquals(1, best(0x8888));
        assertEquals(3, best(0x6666));
        assertEquals(9, best(0x6996));
    }

    private static int best(int tt) {
        return RewriteLibrary.structures(Npn4.representative(tt)).get(0).size();
    }

    @Test
    void everyPassPreservesFunctionOnRandomNetworks() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            Aig aig = randomNetwork(rnd, 2 + rnd.nextInt(10), rnd.nextInt(300), 1 + rnd.nextInt(8));
            for (PassInfo info : Passes.ALL) {
                Aig out = Passes.create(info.name(), Map.of()).run(aig);
                assertEquivalent(aig, out, info.name() + " trial " + trial);
            }
            Aig out = Scripts.defaultPipeline().run(aig);
            assertEquivalent(aig, out, "default script, trial " + trial);
            assertTrue(out.numAnds() <= aig.numAnds(), "default script never grows: trial " + trial);
        }
    }

    @Test
    void passesDoTheirJob() {
        AigBuilder b = new AigBuilder();
        int[] x = new int[8];
        for (int i = 0; i < 8; i++) x[i] = b.addInput("x" + i);
        int chain = x[0];
        for (int i = 1; i < 8; i++) chain = b.and(chain, x[i]);
        b.addOutput("chain", chain);
        // redundant: (x0 & x1) | (x0 & ~x1) written the long way = x0
        b.addOutput("red", b.or(b.and(x[0], x[1]), b.and(x[0], Lit.not(x[1]))));
        b.and(x[2], x[5]); // dangling
        Aig aig = b.build();
        assertEquals(7, aig.depth());
        assertEquals(3, new BalancePass().run(aig).depth());
        assertEquals(aig.numAnds() - 1, new CleanupPass().run(aig).numAnds());
        Aig rewritten = new RewritePass(8).run(new CleanupPass().run(aig));
        assertEquals(7, rewritten.numAnds(), "the redundant cone collapses to the wire x0");
        Aig cp = new ConstPropPass().run(aig);
        assertEquals(7, cp.numAnds(), "~(x0&x1) & ~(x0&~x1) = ~x0 is a two-level rule");
    }

    @Test
    void passesPreserveSmallSharedBenchmarks() {
        var dir = SharedBenchmarks.dir();
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.isPresent(), SharedBenchmarks.MISSING);
        int before = 0, after = 0;
        for (String f : List.of("ctrl", "int2float", "router", "cavlc", "dec", "priority", "i2c", "adder")) {
            Aig aig = DesignLoader.load(dir.get().resolve("epfl/" + f + ".aig"), null).network();
            Aig current = aig;
            for (PassInfo info : Passes.ALL) {
                Aig out = Passes.create(info.name(), Map.of()).run(current);
                assertEquivalent(aig, out, f + " after " + info.name());
                current = out;
            }
            Aig out = Scripts.defaultPipeline().run(aig);
            assertEquivalent(aig, out, f + " default script");
            assertTrue(out.numAnds() <= aig.numAnds(), f + ": the default script never grows (" + aig.numAnds() + " -> " + out.numAnds() + ")");
            before += aig.numAnds();
            after += out.numAnds();
        }
        assertTrue(after < before, "the default script reduces these circuits in total: " + before + " -> " + after);
    }

    @Test
    void scriptsRoundTripAndErrorsAreUserErrors() {
        Pipeline p = Pipeline.parse("strash;balance ;  rewrite{cuts=6}; rewrite");
        assertEquals("strash; balance; rewrite{cuts=6}; rewrite", p.toString());
        assertEquals(p.toString(), Pipeline.parse(p.toString()).toString());
        assertEquals(Scripts.DEFAULT, Scripts.defaultPipeline().toString());
        assertThrows(UserError.class, () -> Pipeline.parse("strash; frobnicate"));
        assertThrows(UserError.class, () -> Pipeline.parse("rewrite{cuts=99}"));
        assertThrows(UserError.class, () -> Pipeline.parse("rewrite{depth=1}"));
        assertThrows(UserError.class, () -> Pipeline.parse("balance rewrite"));
        assertThrows(UserError.class, () -> Pipeline.parse("rewrite{cuts=4"));
    }

    static void assertEquivalent(Aig a, Aig b, String what) {
        assertEquals(a.inputNames(), b.inputNames(), what);
        assertEquals(a.outputNames(), b.outputNames(), what);
        Random rnd = new Random(what.hashCode());
        long[][] in = new long[a.numInputs()][8];
        for (long[] row : in) for (int w = 0; w < row.length; w++) row[w] = rnd.nextLong();
        long[][] x = AigSimulator.simulate(a, in), y = AigSimulator.simulate(b, in);
        for (int o = 0; o < x.length; o++) assertArrayEquals(x[o], y[o], what + ": output " + a.outputName(o));
    }

    static Aig randomNetwork(Random rnd, int inputs, int gates, int outputs) {
        AigBuilder b = new AigBuilder();
        List<Integer> sig = new ArrayList<>();
        for (int i = 0; i < inputs; i++) sig.add(b.addInput("i" + i));
        for (int g = 0; g < gates; g++) {
            int n = sig.size();
            int x = pick(rnd, sig, n), y = pick(rnd, sig, n), z = pick(rnd, sig, n);
            sig.add(switch (rnd.nextInt(5)) {
                case 0, 1 -> b.and(x, y);
                case 2 -> b.xor(x, y);
                case 3 -> b.maj(x, y, z);
                default -> b.mux(x, y, z);
            });
        }
        for (int o = 0; o < outputs; o++) b.addOutput("o" + o, pick(rnd, sig, sig.size()));
        return b.build();
    }

    private static int pick(Random rnd, List<Integer> sig, int n) {
        int k = n - 1 - Math.min(n - 1, (int) Math.abs(rnd.nextGaussian() * 10));
        return Lit.notIf(sig.get(k), rnd.nextBoolean());
    }
}
