package kautz.jit;

import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Splits a program into chunks of consecutive ops that each fit one method, and works out per chunk which
 * cells must be loaded (read before written in the chunk), which of those were never written at all (they
 * read as 0, the as-fabricated HRS state), and which must be stored (read by a later chunk or an output).
 */
final class ChunkPlan {
    record Chunk(int from, int to, int[] cells, int[] loads, boolean[] loadIsZero, int[] stores) {}

    final List<Chunk> chunks = new ArrayList<>();

    ChunkPlan(Program p, int chunkBytes) {
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        int bytes = 0;
        BitSet seen = new BitSet();
        for (int i = 0; i < p.ops().size(); i++) {
            MicroOp op = p.ops().get(i);
            int cost = 6 * op.operands().length() + 12;
            int fresh = 0;
            for (int k = 0; k < op.operands().length(); k++) if (!seen.get(op.operands().get(k))) fresh++;
            cost += 16 * fresh; // a load and a store per new cell, at worst
            if (i > from && bytes + cost > chunkBytes) {
                ranges.add(new int[]{from, i});
                from = i;
                bytes = 0;
                seen.clear();
            }
            bytes += cost;
            for (int k = 0; k < op.operands().length(); k++) seen.set(op.operands().get(k));
        }
        if (from < p.ops().size()) ranges.add(new int[]{from, p.ops().size()});

        BitSet written = new BitSet(); // cells holding a value before the current chunk
        for (IoBit b : p.inputs()) written.set(b.cell());
        List<BitSet> liveIn = new ArrayList<>();
        List<BitSet> writes = new ArrayList<>();
        List<boolean[]> zero = new ArrayList<>();
        for (int[] r : ranges) {
            BitSet in = new BitSet();
            BitSet w = new BitSet();
            for (int i = r[0]; i < r[1]; i++) {
                MicroOp op = p.ops().get(i);
                ImmutableIntArray reads = reads(op);
                for (int k = 0; k < reads.length(); k++) if (!w.get(reads.get(k))) in.set(reads.get(k));
                ImmutableIntArray t = writes(op);
                for (int k = 0; k < t.length(); k++) w.set(t.get(k));
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

    /** The binary cells an op writes: prog changes only the ideal level store, not the cell's binary value. */
    static ImmutableIntArray writes(MicroOp op) {
        return op.opcode() == Opcode.PROG ? ImmutableIntArray.of() : op.targets();
    }

    /** The cells an op reads, its output's old value included where the semantics use it. */
    static ImmutableIntArray reads(MicroOp op) {
        Opcode oc = op.opcode();
        return switch (oc) {
            case NOR, OR, NAND, AND, MIN3, IMP -> op.operands();
            default -> ImmutableIntArray.of();
        };
    }
}
