package kautz.jit;

import kautz.isa.IoBit;
import kautz.isa.Program;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Splits the lowered ops into chunks of consecutive ops that each fit one method, and works out per chunk
 * which cells must be loaded (read before written in the chunk), which of those were never written at all
 * (they read as 0, the as-fabricated HRS state), and which must be stored (read by a later chunk or an output).
 */
final class ChunkPlan {
    record Chunk(int from, int to, int[] cells, int[] loads, boolean[] loadIsZero, int[] stores) {}

    final List<Chunk> chunks = new ArrayList<>();
    /** The ops in the order the code runs them: the program's, or each chunk's reordered ({@link ChunkOrder}). */
    final List<JitOp> ops;

    ChunkPlan(Program p, List<JitOp> ops, int chunkBytes) { this(p, ops, cut(ops, chunkBytes), false); }

    /**
     * Consecutive ranges of ops, {from, to}, each estimated at most {@code chunkBytes} of bytecode (one op at
     * least). {@link JitCompiler} splits a range whose method still comes out too long.
     */
    static List<int[]> cut(List<JitOp> ops, int chunkBytes) {
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        int bytes = 0;
        BitSet seen = new BitSet();
        for (int i = 0; i < ops.size(); i++) {
            JitOp op = ops.get(i);
            // bytes: a local load or store is 2 (4 when wide), an operator 1, a constant 3; a cell's load
            // or store from the state array about 10; JitCompiler regenerates if this underestimates
            int n = op.sources().length() + 1;
            int cost = 4 * n + 8;
            int fresh = seen.get(op.dest()) ? 0 : 1;
            for (int k = 0; k < op.sources().length(); k++) if (!seen.get(op.sources().get(k))) fresh++;
            cost += 20 * fresh; // a load and a store per new cell, at worst
            if (i > from && bytes + cost > chunkBytes) {
                ranges.add(new int[]{from, i});
                from = i;
                bytes = 0;
                seen.clear();
            }
            bytes += cost;
            seen.set(op.dest());
            for (int k = 0; k < op.sources().length(); k++) seen.set(op.sources().get(k));
        }
        if (from < ops.size()) ranges.add(new int[]{from, ops.size()});
        return ranges;
    }

    /**
     * @param ranges   the chunks, consecutive and covering all ops ({@link #cut})
     * @param byLevels order each chunk's ops by depth ({@link ChunkOrder#levels})
     */
    ChunkPlan(Program p, List<JitOp> programOrder, List<int[]> ranges, boolean byLevels) {
        List<JitOp> ops = programOrder;
        if (byLevels) {
            List<JitOp> ordered = new ArrayList<>(ops.size());
            for (int[] r : ranges) ordered.addAll(ChunkOrder.levels(ops, r[0], r[1]));
            ops = ordered;
        }
        this.ops = ops;

        BitSet written = new BitSet(); // cells holding a value before the current chunk
        for (IoBit b : p.inputs()) written.set(b.cell());
        List<BitSet> liveIn = new ArrayList<>();
        List<BitSet> writes = new ArrayList<>();
        List<boolean[]> zero = new ArrayList<>();
        for (int[] r : ranges) {
            BitSet in = new BitSet();
            BitSet w = new BitSet();
            for (int i = r[0]; i < r[1]; i++) {
                JitOp op = ops.get(i);
                for (int k = 0; k < op.sources().length(); k++) if (!w.get(op.sources().get(k))) in.set(op.sources().get(k));
                if (op.readsDest() && !w.get(op.dest())) in.set(op.dest());
                w.set(op.dest());
            }
            int[] loads = in.stream().toArray();
            boolean[] z = new boolean[loads.length];
            for (int k = 0; k < loads.length; k++) z[k] = !written.get(loads[k]);
            written.or(w);
            liveIn.add(in);
            writes.add(w);
            zero.add(z);
        }
        BitSet needed = new BitSet();
        for (IoBit b : p.outputs()) needed.set(b.cell());
        int[][] stores = new int[ranges.size()][];
        for (int c = ranges.size() - 1; c >= 0; c--) {
            BitSet out = (BitSet) writes.get(c).clone();
            out.and(needed);
            stores[c] = out.stream().toArray();
            needed.andNot(writes.get(c));
            needed.or(liveIn.get(c));
        }
        for (int c = 0; c < ranges.size(); c++) {
            BitSet all = (BitSet) writes.get(c).clone();
            all.or(liveIn.get(c));
            int[] r = ranges.get(c);
            chunks.add(new Chunk(r[0], r[1], all.stream().toArray(), liveIn.get(c).stream().toArray(), zero.get(c), stores[c]));
        }
    }
}
