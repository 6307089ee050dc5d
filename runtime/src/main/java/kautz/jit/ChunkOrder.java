package kautz.jit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the ops inside a chunk. The code is straight-line, so any order that keeps each op after the
 * ops it depends on computes the same values: after the last earlier write of each cell it reads (read after
 * write), after the earlier reads and the last earlier write of the cell it writes (write after read, write
 * after write). Netlists come depth-first, one output cone after another, so a chunk of arbiter is a few long
 * chains (critical path 80 of 230 ops): each op waits for the one before, and the CPU, whose window holds only
 * about 70 ops' worth of instructions, finds little to run alongside. {@link #levels} puts the ops in order
 * of their depth in the chunk instead, so the independent chains interleave.
 */
final class ChunkOrder {
    private ChunkOrder() {}

    /** The ops from..to of {@code ops} sorted stably by their depth (longest read-after-write path) in the range. */
    static List<JitOp> levels(List<JitOp> ops, int from, int to) {
        int n = to - from;
        int[] level = new int[n];
        Map<Integer, Integer> writeLevel = new HashMap<>(); // cell -> level of its last write so far
        Map<Integer, Integer> readLevel = new HashMap<>();  // cell -> highest level of a read since its last write
        int max = 0;
        for (int i = 0; i < n; i++) {
            JitOp op = ops.get(from + i);
            int l = 0;
            for (int k = 0; k < op.sources().length(); k++) l = Math.max(l, writeLevel.getOrDefault(op.sources().get(k), -1) + 1);
            int d = op.dest();
            if (op.readsDest()) l = Math.max(l, writeLevel.getOrDefault(d, -1) + 1);
            // after the cell's earlier reads and write: the same level keeps the program order (stable sort)
            l = Math.max(l, Math.max(readLevel.getOrDefault(d, 0), writeLevel.getOrDefault(d, 0)));
            level[i] = l;
            max = Math.max(max, l);
            for (int k = 0; k < op.sources().length(); k++) readLevel.merge(op.sources().get(k), l, Math::max);
            writeLevel.put(d, l);
            readLevel.remove(d);
            if (op.readsDest()) readLevel.put(d, l);
        }
        List<List<JitOp>> byLevel = new ArrayList<>();
        for (int l = 0; l <= max; l++) byLevel.add(new ArrayList<>());
        for (int i = 0; i < n; i++) byLevel.get(level[i]).add(ops.get(from + i));
        List<JitOp> out = new ArrayList<>(n);
        for (List<JitOp> l : byLevel) out.addAll(l);
        return out;
    }
}
