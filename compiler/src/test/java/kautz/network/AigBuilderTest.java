package kautz.network;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class AigBuilderTest {
    @Test
    void hashConsesAndPropagatesConstants() {
        AigBuilder b = new AigBuilder();
        int x = b.addInput("x");
        int y = b.addInput("y");
        int a1 = b.and(x, y);
        int a2 = b.and(y, x);
        assertEquals(a1, a2, "commuted AND must hash to the same node");
        assertEquals(Lit.FALSE, b.and(x, Lit.not(x)));
        assertEquals(x, b.and(x, x));
        assertEquals(x, b.and(x, Lit.TRUE));
        assertEquals(Lit.FALSE, b.and(Lit.FALSE, y));
        assertEquals(1, b.numAnds());
    }

    @Test
    void derivedGatesComputeTheirFunctions() {
        AigBuilder b = new AigBuilder();
        int a = b.addInput("a"), c = b.addInput("b"), d = b.addInput("c");
        b.addOutput("or", b.or(a, c));
        b.addOutput("xor", b.xor(a, c));
        b.addOutput("mux", b.mux(a, c, d));
        b.addOutput("maj", b.maj(a, c, d));
        Aig aig = b.build();
        Random r = new Random(7);
        long[][] in = new long[3][4];
        for (long[] w : in) for (int i = 0; i < w.length; i++) w[i] = r.nextLong();
        long[][] out = AigSimulator.simulate(aig, in);
        for (int w = 0; w < 4; w++) {
            long x = in[0][w], y = in[1][w], z = in[2][w];
            assertEquals(x | y, out[0][w]);
            assertEquals(x ^ y, out[1][w]);
            assertEquals((x & y) | (~x & z), out[2][w]);
            assertEquals((x & y) | (x & z) | (y & z), out[3][w]);
        }
        assertTrue(aig.depth() >= 2);
    }

    @Test
    void nodeLimitGivesAMessage() {
        AigBuilder b = new AigBuilder(8);
        int prev = b.addInput("a");
        int other = b.addInput("b");
        int p = prev;
        NetworkTooLargeException e = assertThrows(NetworkTooLargeException.class, () -> {
            int q = p;
            for (int i = 0; i < 100; i++) q = b.xor(q, other);
        });
        assertTrue(e.getMessage().contains("exceeds"));
    }
}
