package kautz.verify;

import kautz.network.AigBuilder;
import kautz.network.Lit;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The meeting window stops where the two cones meet, also when one side reads a shared node and its fan-in. */
class MeetingWindowTest {
    @Test
    void sidesMeetAtTheFaninOfASharedNodeThatOneSideAlsoReads() {
        AigBuilder g = new AigBuilder();
        int a = g.addInput("a"), c = g.addInput("c");
        int[] in = new int[200];
        for (int i = 0; i < in.length; i++) in[i] = g.addInput("x" + i);
        int b = in[0];
        for (int i = 1; i < in.length; i++) b = g.and(b, in[i]); // a deep cone under b
        int n = g.and(a, b);
        int x = g.and(c, Lit.not(n));                    // c ∧ ¬(a ∧ b)
        int y = g.and(c, Lit.not(g.and(n, b)));          // c ∧ ¬((a ∧ b) ∧ b): the same function, also reading b
        MeetingWindow w = new MeetingWindow(g);
        w.build(Lit.node(x), Lit.node(y), 4000);
        int[] leaves = Arrays.copyOf(w.leaves, w.leafCount);
        Arrays.sort(leaves);
        int[] expected = {Lit.node(a), Lit.node(c), Lit.node(b)};
        Arrays.sort(expected);
        assertArrayEquals(expected, leaves, "the window is the cut {a, b, c}, not b's cone");
        assertEquals(4, w.innerCount, "x, y, (a ∧ b) ∧ b and a ∧ b");
    }
}
