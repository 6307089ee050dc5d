package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An AIG that can be edited in place, for the passes that replace a node by logic built elsewhere in the
 * network (resubstitution): fan-out lists, reference counts, structural hashing, and {@link #replace}, which
 * redirects a node's fan-outs to another literal, merges fan-outs that become duplicates or trivial, and
 * deletes what no longer has fan-outs. New nodes get fresh indices, so index order is no longer topological
 * after an edit; {@link #result} rebuilds a topologically ordered network of the outputs' cones.
 *
 * <p>A replaced node keeps its identity as a forward pointer to what replaced it (the two compute the same
 * function), so every node of the original network can be followed to the literal computing it at the end.
 */
final class EditableAig {
    private final int numInputs;
    private int size;
    private int[] f0, f1;          // fan-in literals; -1 for the constant and the inputs
    private int[] refs;            // fan-in edges and outputs pointing at each node
    private int[][] fanouts;       // AND nodes reading each node (one entry per edge)
    private int[] numFanouts;
    private boolean[] dead;
    private final int[] outputs;
    private final int[] initial;   // node of the original network -> literal here
    private int[] forward;         // a replaced node -> the literal that replaced it; -1 otherwise
    private int[] table;           // open addressing: (f0, f1) -> node; 0 empty, -1 deleted
    private int tableMask, tableUsed;
    private final Aig like;          // the original, for names
    private int[] changedIn;         // the round in which a node was created or had its fan-ins changed
    private int round;               // 0 while the original is copied in, then 1, 2, ...
    private int[] previous;          // node -> its literal in the last checkpoint (the original before the first), or -1
    private final List<Integer> replacedThisRound = new ArrayList<>();
    private final List<Pass.Checkpoint> checkpoints = new ArrayList<>();

    EditableAig(Aig aig) {
        like = aig;
        numInputs = aig.numInputs();
        int cap = Math.max(16, aig.size() * 2);
        f0 = new int[cap];
        f1 = new int[cap];
        refs = new int[cap];
        fanouts = new int[cap][];
        numFanouts = new int[cap];
        dead = new boolean[cap];
        forward = new int[cap];
        Arrays.fill(forward, -1);
        changedIn = new int[cap];
        previous = new int[cap];
        Arrays.fill(previous, -1);
        int t = Integer.highestOneBit(Math.max(1024, 4 * aig.size())) * 2;
        table = new int[t];
        tableMask = t - 1;
        size = 1 + numInputs;
        f0[0] = f1[0] = -1;
        for (int i = 1; i <= numInputs; i++) f0[i] = f1[i] = -1;
        int[] map = new int[aig.size()];
        for (int i = 1; i <= numInputs; i++) map[i] = Lit.of(i, false);
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            map[n] = and(Strash.lit(map, aig.fanin0(n)), Strash.lit(map, aig.fanin1(n)));
        }
        outputs = Strash.outputs(aig, map);
        initial = map;
        for (int o = initial.length - 1; o >= 0; o--) { // the lowest original node computing a node wins
            int n = Lit.node(initial[o]);
            previous[n] = Lit.notIf(Lit.of(o, false), Lit.isComplement(initial[o]));
        }
        for (int o : outputs) refs[Lit.node(o)]++;
        for (int n = size - 1; n > numInputs; n--) if (refs[n] == 0 && !dead[n]) delete(n);
        round = 1;
    }

    int size() { return size; }
    /** True when node n was created, edited or replaced since the last checkpoint. */
    boolean changedThisRound(int n) { return changedIn[n] == round; }
    /** Marks node n as changed in this round: an edit waiting for the next round, which logic above it must wait for too. */
    void markChanged(int n) { changedIn[n] = round; }
    int numInputs() { return numInputs; }
    boolean isAnd(int n) { return n > numInputs; }
    boolean isDead(int n) { return dead[n]; }
    int fanin0(int n) { return f0[n]; }
    int fanin1(int n) { return f1[n]; }
    int refs(int n) { return refs[n]; }
    int numFanouts(int n) { return numFanouts[n]; }
    int fanout(int n, int i) { return fanouts[n][i]; }

    /** The literal of an existing or trivial {@code a & b}, or -1; creates nothing. */
    int lookup(int a, int b) {
        if (a > b) { int t = a; a = b; b = t; }
        int trivial = AigBuilder.trivialAnd(a, b);
        if (trivial >= 0) return trivial;
        for (int h = AigBuilder.hash(a, b) & tableMask; ; h = (h + 1) & tableMask) {
            int n = table[h];
            if (n == 0) return -1;
            if (n > 0 && f0[n] == a && f1[n] == b) return Lit.of(n, false);
        }
    }

    /** {@code a & b}, found or created (a created node has no fan-outs until something reads it). */
    int and(int a, int b) {
        int found = lookup(a, b);
        if (found >= 0) return found;
        if (a > b) { int t = a; a = b; b = t; }
        if (size == f0.length) grow();
        int n = size++;
        changedIn[n] = round;
        f0[n] = a;
        f1[n] = b;
        addFanout(Lit.node(a), n);
        addFanout(Lit.node(b), n);
        insert(n);
        return Lit.of(n, false);
    }

    /** Deletes a created node nobody reads (a candidate that was not used). */
    void discardIfUnused(int lit) {
        int n = Lit.node(lit);
        if (isAnd(n) && !dead[n] && refs[n] == 0) delete(n);
    }

    /**
     * Makes every reader of node {@code n} read {@code lit} instead (complements kept), then deletes n and
     * whatever dies with it. Readers that become trivial or duplicates of existing nodes are replaced in
     * turn. {@code lit} must not depend on n.
     */
    void replace(int n, int lit) {
        ArrayDeque<int[]> work = new ArrayDeque<>();
        refs[Lit.node(lit)]++; // each pending replacement holds its target alive until it is done
        work.add(new int[] {n, lit});
        while (!work.isEmpty()) {
            int[] w = work.poll();
            int old = w[0], by = w[1], byNode = Lit.node(by);
            if (!dead[old] && byNode != old) {
                forward[old] = by;
                changedIn[old] = round;
                replacedThisRound.add(old);
                for (int o = 0; o < outputs.length; o++) {
                    if (Lit.node(outputs[o]) == old) {
                        outputs[o] = Lit.notIf(by, Lit.isComplement(outputs[o]));
                        refs[old]--;
                        refs[byNode]++;
                    }
                }
                while (numFanouts[old] > 0) {
                    int r = fanouts[old][numFanouts[old] - 1];
                    unhash(r);
                    int a = f0[r], b = f1[r];
                    removeEdge(Lit.node(a), r);
                    removeEdge(Lit.node(b), r);
                    if (Lit.node(a) == old) a = Lit.notIf(by, Lit.isComplement(a));
                    if (Lit.node(b) == old) b = Lit.notIf(by, Lit.isComplement(b));
                    if (a > b) { int t = a; a = b; b = t; }
                    int same = lookup(a, b);
                    f0[r] = a;
                    f1[r] = b;
                    changedIn[r] = round;
                    addFanout(Lit.node(a), r);
                    addFanout(Lit.node(b), r);
                    if (same >= 0 && Lit.node(same) != r) {
                        refs[Lit.node(same)]++;
                        work.add(new int[] {r, same}); // r is now trivial or a duplicate: it goes too
                    } else {
                        insert(r);
                    }
                }
                if (refs[old] == 0) delete(old);
            }
            refs[byNode]--;
            if (refs[byNode] == 0 && isAnd(byNode) && !dead[byNode]) delete(byNode);
        }
    }

    /**
     * The outputs' cones as an immutable, topologically ordered, hashed network named like the original,
     * with the image of each node of the original network: its literal here, followed through the
     * replacements, if the node it ends on is in the outputs' cones; and the checkpoints, the last one being
     * this network (none when nothing was replaced).
     */
    Pass.Result result() {
        checkpoint();
        int[] map = previous; // the last checkpoint's, which is the result
        Aig network;
        if (checkpoints.isEmpty()) { // nothing was replaced: the original's strashed copy
            map = emptyMap();
            network = build(map);
        } else {
            network = checkpoints.get(checkpoints.size() - 1).network();
        }
        int[] oldToNew = new int[initial.length];
        for (int n = 0; n < initial.length; n++) oldToNew[n] = image(initial[n], map);
        return new Pass.Result(network, oldToNew, checkpoints);
    }

    /**
     * Ends a round of edits: if any node was replaced since the last checkpoint, records the network as it
     * is now, each node claiming the literal of the previous checkpoint it computes: a node that existed
     * then claims itself; one that replaced an earlier node (directly or through a chain of replacements
     * in this round) claims that node; logic built inside a replacement claims nothing.
     */
    void checkpoint() {
        if (replacedThisRound.isEmpty()) return;
        int[] claimNew = new int[size];
        Arrays.fill(claimNew, -1);
        for (int y : replacedThisRound) { // in the order of replacement, so chains resolve
            int c = previous[y] >= 0 ? previous[y] : claimNew[y];
            int x = Lit.node(forward[y]);
            if (c >= 0 && previous[x] < 0 && claimNew[x] < 0) claimNew[x] = Lit.notIf(c, Lit.isComplement(forward[y]));
        }
        int[] map = emptyMap();
        Aig network = build(map);
        int[] claims = new int[network.size()];
        Arrays.fill(claims, -1);
        for (int x = 0; x < size; x++) {
            if (map[x] < 0) continue;
            int c = previous[x] >= 0 ? previous[x] : claimNew[x];
            int here = Lit.node(map[x]);
            if (c >= 0 && claims[here] < 0) claims[here] = Lit.notIf(c, Lit.isComplement(map[x]));
        }
        checkpoints.add(new Pass.Checkpoint(network, claims));
        previous = Arrays.copyOf(map, f0.length);
        Arrays.fill(previous, size, previous.length, -1);
        replacedThisRound.clear();
        round++;
    }

    /** The outputs' cones as a network; map gets each built node's literal. */
    private Aig build(int[] map) {
        AigBuilder b = builder(like);
        int[] stack = new int[size + 1];
        for (int o : outputs) build(Lit.node(o), map, b, stack);
        for (int o = 0; o < outputs.length; o++) b.addOutput(like.outputName(o), Strash.lit(map, outputs[o]));
        return b.build();
    }

    private AigBuilder builder(Aig like) {
        AigBuilder b = new AigBuilder();
        for (int i = 0; i < numInputs; i++) b.addInput(like.inputName(i));
        return b;
    }

    /** Node → built literal, -1 for nodes not built yet; the constant and the inputs are themselves. */
    private int[] emptyMap() {
        int[] map = new int[size];
        Arrays.fill(map, -1);
        map[0] = Lit.FALSE;
        for (int i = 1; i <= numInputs; i++) map[i] = Lit.of(i, false);
        return map;
    }

    /** Builds a node's cone into b, fan-ins first (the edited graph, dead nodes included, is acyclic). */
    private void build(int root, int[] map, AigBuilder b, int[] stack) {
        if (map[root] >= 0) return;
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) { // post-order: a node is built once both fan-ins are
            int n = stack[sp - 1];
            if (map[n] >= 0) { sp--; continue; }
            int x = Lit.node(f0[n]), y = Lit.node(f1[n]);
            if (map[x] < 0) { stack[sp++] = x; continue; }
            if (map[y] < 0) { stack[sp++] = y; continue; }
            map[n] = b.and(Strash.lit(map, f0[n]), Strash.lit(map, f1[n]));
            sp--;
        }
    }

    /** Where a literal ended: followed through forward pointers to a node that was built (map), else -1. */
    private int image(int lit, int[] map) {
        for (int steps = 0; steps < size; steps++) { // every forward step goes to a node alive at the time: no cycle
            int n = Lit.node(lit);
            if (map[n] >= 0) return Lit.notIf(map[n], Lit.isComplement(lit));
            if (forward[n] < 0) return -1;
            lit = Lit.notIf(forward[n], Lit.isComplement(lit));
        }
        return -1;
    }

    private void delete(int n) {
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.push(n);
        while (!todo.isEmpty()) {
            int m = todo.pop();
            if (dead[m]) continue;
            dead[m] = true;
            unhash(m);
            for (int k = 0; k < 2; k++) {
                int c = Lit.node(k == 0 ? f0[m] : f1[m]);
                removeEdge(c, m);
                if (isAnd(c) && refs[c] == 0 && !dead[c]) todo.push(c);
            }
        }
    }

    private void addFanout(int node, int reader) {
        refs[node]++;
        int[] list = fanouts[node];
        if (list == null) fanouts[node] = list = new int[2];
        else if (numFanouts[node] == list.length) fanouts[node] = list = Arrays.copyOf(list, list.length * 2);
        list[numFanouts[node]++] = reader;
    }

    private void removeEdge(int node, int reader) {
        refs[node]--;
        int[] list = fanouts[node];
        for (int i = numFanouts[node] - 1; i >= 0; i--) {
            if (list[i] == reader) {
                list[i] = list[--numFanouts[node]];
                return;
            }
        }
        throw new IllegalStateException("missing fan-out edge " + node + " -> " + reader);
    }

    private void insert(int n) {
        if (2 * (tableUsed + 1) > table.length) rehash();
        int h = AigBuilder.hash(f0[n], f1[n]) & tableMask;
        while (table[h] > 0) h = (h + 1) & tableMask;
        if (table[h] == 0) tableUsed++;
        table[h] = n;
    }

    private void unhash(int n) {
        for (int h = AigBuilder.hash(f0[n], f1[n]) & tableMask; table[h] != 0; h = (h + 1) & tableMask) {
            if (table[h] == n) {
                table[h] = -1;
                return;
            }
        }
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int m = t.length - 1;
        int used = 0;
        for (int h = 0; h < table.length; h++) {
            int n = table[h];
            if (n <= 0) continue;
            int k = AigBuilder.hash(f0[n], f1[n]) & m;
            while (t[k] != 0) k = (k + 1) & m;
            t[k] = n;
            used++;
        }
        table = t;
        tableMask = m;
        tableUsed = used;
    }

    private void grow() {
        int cap = f0.length * 2;
        f0 = Arrays.copyOf(f0, cap);
        f1 = Arrays.copyOf(f1, cap);
        refs = Arrays.copyOf(refs, cap);
        fanouts = Arrays.copyOf(fanouts, cap);
        numFanouts = Arrays.copyOf(numFanouts, cap);
        dead = Arrays.copyOf(dead, cap);
        changedIn = Arrays.copyOf(changedIn, cap);
        int old = forward.length;
        previous = Arrays.copyOf(previous, cap);
        Arrays.fill(previous, old, cap, -1);
        forward = Arrays.copyOf(forward, cap);
        Arrays.fill(forward, old, cap, -1);
    }
}
