package kautz.verify;

import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Arrays;

/**
 * The window between two nodes' cones that stops where the cones meet: nodes are visited from the newest
 * down, each knowing (once all newer nodes are visited) whether it lies under the first root, the second or
 * both; a node under both is a leaf, the others are expanded. So the window holds exactly the logic in which
 * the two differ, down to the nodes they share. A node under both whose fan-in one side also reads
 * directly is expanded too (see {@link #oneSidedFanin}), so the sides meet at the fan-in.
 *
 * <p>This is the window of a local rewrite: a pass replaced a node's cone over some cut by new logic over
 * the same cut; once sweeping has merged the cut's nodes, the old and the new logic meet exactly at the
 * cut, however old (low-numbered) its nodes are. The newest-first windows of {@link WindowProof} and
 * {@link WindowSat} expand the highest-numbered node whichever side it is on, so a cut node numbered above
 * some of the old cone's nodes is expanded first and the window can fill up before reaching the cut.
 *
 * <p>Any set of leaves is sound for a proof (equal functions over some cut are equal functions); the window
 * is {@code whole} only when every leaf is a primary input or the constant.
 */
final class MeetingWindow {
    private final AigBuilder graph;
    private int[] stamp = new int[1024];
    private int[] side = new int[1024];   // 1: under the first root, 2: under the second, 3: both
    private int current;
    private int[] readPass = new int[1024]; // decorrelate: the pass that last counted a leaf reading the node
    private int[] readers = new int[1024];  // … and how many leaves read it in that pass
    private int pass;
    private int[] heap = new int[64];
    private int heapSize;
    int[] inner = new int[64];
    int innerCount;
    int[] leaves = new int[64];
    int leafCount;
    boolean whole;

    MeetingWindow(AigBuilder graph) { this.graph = graph; }

    /**
     * Builds the window of nodes {@code na} and {@code nb} with at most {@code maxInner} inner nodes (past
     * it, the nodes still to visit become leaves). Inner nodes come out in decreasing index order (until
     * {@link #decorrelate} appends more).
     */
    void build(int na, int nb, int maxInner) {
        clear();
        heapSize = 0;
        whole = true;
        reach(na, 1);
        reach(nb, 2);
        while (heapSize > 0) {
            int n = pop();
            if (n <= graph.numInputs()) { addLeaf(n); continue; }
            if (side[n] == 3 && !oneSidedFanin(n) || innerCount == maxInner) { whole = false; addLeaf(n); continue; }
            addInner(n);
            reach(Lit.node(graph.fanin0(n)), side[n]);
            reach(Lit.node(graph.fanin1(n)), side[n]);
        }
    }

    /**
     * Expands, one level, every leaf tied to the rest of the window: an AND leaf that reads a node the window
     * holds, or a node another leaf also reads. Free leaves take every combination of values, and tied ones
     * take combinations no input gives ({@code x ∧ ¬y} and {@code ¬x ∧ y} are never both 1), so tables over
     * them can differ where the two functions are equal. Where two cones share such siblings they stop at
     * both (a Min3 gate's {@code x ∧ ¬y} and {@code ¬x ∧ y} hashed onto a subtractor's borrow: docs/verify.md).
     * Returns whether a leaf was expanded; the window stays a cut of both roots.
     */
    boolean decorrelate() {
        if (readPass.length < graph.size()) {
            int size = Math.max(graph.size(), 2 * readPass.length);
            readPass = Arrays.copyOf(readPass, size);
            readers = Arrays.copyOf(readers, size);
        }
        pass++;
        for (int k = 0; k < leafCount; k++) {
            int n = leaves[k];
            if (n <= graph.numInputs()) continue;
            count(Lit.node(graph.fanin0(n)));
            count(Lit.node(graph.fanin1(n)));
        }
        int kept = 0, before = leafCount;
        boolean expanded = false;
        for (int k = 0; k < before; k++) {
            int n = leaves[k];
            if (n <= graph.numInputs() || !tied(Lit.node(graph.fanin0(n))) && !tied(Lit.node(graph.fanin1(n)))) {
                leaves[kept++] = n;
                continue;
            }
            expanded = true;
            addInner(n);
        }
        if (!expanded) return false;
        // the fan-ins of the expanded leaves not yet in the window become leaves, after the kept ones
        int firstExpanded = innerCount - (before - kept);
        leafCount = kept;
        for (int k = firstExpanded; k < innerCount; k++) addFaninLeaves(inner[k]);
        updateWhole();
        return true;
    }

    /**
     * Replaces the window by a common cut of the two nodes grown as a reconvergence-driven cut (as resub
     * grows its own): starting from the two nodes, the AND leaf whose expansion adds the fewest new leaves
     * is expanded (the newest on ties) while the cut stays within {@code maxLeaves} (and its cone within {@code maxWindow} ANDs). A local edit that is
     * exact over some small cut (resubstitution: over its window's leaves) is proven over it, even where
     * the meeting window expands the cut's one-sided leaves into their whole cones. Returns false if the
     * two nodes are not both inside the cut's cone (no such cut within the limit).
     */
    boolean buildCut(int na, int nb, int maxLeaves, int maxWindow) {
        clear();
        stamp[na] = current;
        addLeaf(na);
        if (stamp[nb] != current) { stamp[nb] = current; addLeaf(nb); }
        while (true) {
            int best = -1, bestCost = Integer.MAX_VALUE;
            for (int k = 0; k < leafCount; k++) {
                int n = leaves[k];
                if (n <= graph.numInputs()) continue;
                int a = Lit.node(graph.fanin0(n)), b = Lit.node(graph.fanin1(n));
                int cost = -1 + (stamp[a] != current ? 1 : 0) + (stamp[b] != current && b != a ? 1 : 0);
                if (cost < bestCost || cost == bestCost && n > leaves[best]) { bestCost = cost; best = k; }
            }
            if (best < 0 || leafCount + bestCost > maxLeaves && !(leaves[best] == na || leaves[best] == nb)) break;
            int n = leaves[best];
            leaves[best] = leaves[--leafCount];
            addInner(n);
            addFaninLeaves(n);
            if (innerCount > maxWindow) return false;
        }
        for (int k = 0; k < leafCount; k++) if (leaves[k] == na || leaves[k] == nb) return false;
        updateWhole();
        return leafCount <= maxLeaves;
    }

    /** Starts a new, empty window (the marks grown to the graph). */
    private void clear() {
        if (stamp.length < graph.size()) {
            int size = Math.max(graph.size(), 2 * stamp.length);
            stamp = Arrays.copyOf(stamp, size);
            side = Arrays.copyOf(side, size);
        }
        current++;
        innerCount = leafCount = 0;
    }

    private void addInner(int n) {
        if (innerCount == inner.length) inner = Arrays.copyOf(inner, 2 * inner.length);
        inner[innerCount++] = n;
    }

    /** The fan-ins of an expanded node that are not in the window yet become leaves (under both roots). */
    private void addFaninLeaves(int n) {
        for (int f : new int[] {Lit.node(graph.fanin0(n)), Lit.node(graph.fanin1(n))}) {
            if (stamp[f] == current) continue;
            stamp[f] = current;
            side[f] = 3;
            addLeaf(f);
        }
    }

    private void updateWhole() {
        whole = true;
        for (int k = 0; k < leafCount; k++) whole &= leaves[k] <= graph.numInputs();
    }

    private void count(int f) {
        if (readPass[f] != pass) { readPass[f] = pass; readers[f] = 0; }
        readers[f]++;
    }

    /** True when fan-in f of a leaf is in the window or read by another leaf too. */
    private boolean tied(int f) { return stamp[f] == current || readers[f] > 1; }

    /**
     * True when a fan-in of n was already reached from one side only. Then n, although under both roots,
     * is expanded: one side reads n and also n's fan-in directly (a rewritten cut leaf x next to x ∧ y), and
     * with n as a free leaf the two would never meet at the fan-in, whose one-sided cone would be expanded
     * down to the inputs (docs/verify.md).
     */
    private boolean oneSidedFanin(int n) {
        int a = Lit.node(graph.fanin0(n)), b = Lit.node(graph.fanin1(n));
        return stamp[a] == current && side[a] != 3 || stamp[b] == current && side[b] != 3;
    }

    private void reach(int n, int from) {
        if (stamp[n] == current) { side[n] |= from; return; }
        stamp[n] = current;
        side[n] = from;
        push(n);
    }

    private void addLeaf(int n) {
        if (leafCount == leaves.length) leaves = Arrays.copyOf(leaves, 2 * leaves.length);
        leaves[leafCount++] = n;
    }

    // a binary max-heap of node indices: the newest node is visited first
    private void push(int n) {
        if (heapSize == heap.length) heap = Arrays.copyOf(heap, 2 * heap.length);
        int i = heapSize++;
        while (i > 0 && heap[(i - 1) / 2] < n) { heap[i] = heap[(i - 1) / 2]; i = (i - 1) / 2; }
        heap[i] = n;
    }

    private int pop() {
        int top = heap[0], last = heap[--heapSize];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= heapSize) break;
            if (c + 1 < heapSize && heap[c + 1] > heap[c]) c++;
            if (heap[c] <= last) break;
            heap[i] = heap[c];
            i = c;
        }
        if (heapSize > 0) heap[i] = last;
        return top;
    }
}
