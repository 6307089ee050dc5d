package kautz.verify;

import kautz.network.AigBuilder;
import kautz.network.Lit;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The meeting window stops where the two cones meet, also when one side reads a shared node and its fan-in. */
class MeetingWindowTest {
    private static final int LEAVES = CecStrategy.defaults().tableLeaves();

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

    @Test
    void siblingLeavesAreExpandedToTheirSharedFanins() {
        AigBuilder g = new AigBuilder();
        int x = g.addInput("x"), y = g.addInput("y"), z = g.addInput("z");
        int s1 = g.and(x, Lit.not(y)), s2 = g.and(Lit.not(x), y);
        // a borrow (x ∧ ¬y) ∨ (xnor(x, y) ∧ ¬z) and ¬maj(¬x, y, z): equal, both built over s1 and s2
        int borrow = Lit.not(g.and(Lit.not(s1), Lit.not(g.and(g.and(Lit.not(s1), Lit.not(s2)), Lit.not(z)))));
        int min3 = Lit.not(g.maj(Lit.not(x), y, z));
        MeetingWindow w = new MeetingWindow(g);
        w.build(Lit.node(borrow), Lit.node(min3), 4000);
        assertEquals(Set.of(Lit.node(s1), Lit.node(s2), Lit.node(z)), leaves(w), "the cones meet at the siblings");
        assertFalse(new WindowProof(g).provesEqual(borrow, min3, w), "free siblings can both be 1");
        assertTrue(w.decorrelate());
        assertEquals(Set.of(Lit.node(x), Lit.node(y), Lit.node(z)), leaves(w));
        assertTrue(w.whole);
        assertTrue(new WindowProof(g).provesEqual(borrow, min3, w));
        assertFalse(w.decorrelate(), "nothing tied is left");
    }

    @Test
    void aResubstitutionIsProvenOverAReconvergenceDrivenCut() {
        AigBuilder g = new AigBuilder();
        int[] in = new int[60];
        for (int i = 0; i < in.length; i++) in[i] = g.addInput("i" + i);
        int p = chain(g, in, 0), q = chain(g, in, 20), r = chain(g, in, 40); // deep cut nodes
        int y = Lit.not(g.and(Lit.not(q), Lit.not(r))), d = Lit.not(g.and(Lit.not(p), Lit.not(r)));
        int x = g.and(p, q); // built after y and d: the meeting window reaches it first and keeps it as a leaf
        // resub: n = x ∧ (q ∨ r) equals x ∧ (p ∨ r), but only where x holds, i.e. over the cut {p, q, r}
        int n = g.and(x, y), top = g.and(x, d);
        MeetingWindow w = new MeetingWindow(g);
        WindowProof tables = new WindowProof(g);
        w.build(Lit.node(n), Lit.node(top), 400);
        assertFalse(tables.provesEqual(n, top, w), "p and q are one-sided and expanded into their chains");
        while (w.decorrelate()) assertFalse(tables.provesEqual(n, top, w));
        assertTrue(w.buildCut(Lit.node(n), Lit.node(top), LEAVES, CecStrategy.defaults().tableWindow()));
        assertTrue(w.leafCount <= LEAVES);
        assertTrue(tables.provesEqual(n, top, w), "equal over the common cut");
        int other = g.and(x, Lit.not(d)); // not equal to n: the cut proves nothing false
        assertTrue(w.buildCut(Lit.node(n), Lit.node(other), LEAVES, CecStrategy.defaults().tableWindow()));
        assertFalse(tables.provesEqual(n, other, w));
    }

    private static int chain(AigBuilder g, int[] in, int from) {
        int c = in[from];
        for (int i = from + 1; i < from + 20; i++) c = g.and(c, in[i]);
        return c;
    }

    private static Set<Integer> leaves(MeetingWindow w) {
        return Arrays.stream(w.leaves, 0, w.leafCount).boxed().collect(Collectors.toSet());
    }
}
