package kautz.jit;

import kautz.isa.IoBit;
import kautz.isa.Program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Where each value that crosses a chunk boundary lives in a word's state: its slot, {@code state[base + slot]}.
 * The identity layout gives every cell its own slot (one word's state is the program's cells, 104 KiB for
 * arbiter). The compact layout gives the same slot to values whose lives do not overlap: a value lives from
 * the chunk that stores it (the input copy for inputs) to the last chunk that loads it (the output copy for
 * outputs), both inclusive, so within a chunk a load and a store never share a slot whatever their order.
 * Arbiter's state shrinks to a few hundred slots, which stay in the L1 cache. Only for cells in locals: with
 * every access on the array ({@link Cells.ArrayCells}) cells keep their own slots.
 *
 * @param stride      slots per word (the state of one word)
 * @param loadSlots   per chunk, the slot of each of its loads ({@link ChunkPlan.Chunk#loads}); unused for loads of 0
 * @param storeSlots  per chunk, the slot of each of its stores
 * @param inputSlots  per program input, where the run copies it before the first chunk
 * @param outputSlots per program output, where the run finds it after the last chunk; an output never written
 *                    gets a slot nothing stores to, so it reads 0 as the interpreter's does
 */
record StateLayout(int stride, int[][] loadSlots, int[][] storeSlots, int[] inputSlots, int[] outputSlots) {
    /** Every cell its own slot: cell c at c. */
    static StateLayout identity(Program p, ChunkPlan plan) {
        int n = plan.chunks.size();
        int[][] loads = new int[n][], stores = new int[n][];
        for (int c = 0; c < n; c++) {
            loads[c] = plan.chunks.get(c).loads().clone();
            stores[c] = plan.chunks.get(c).stores().clone();
        }
        return new StateLayout(JitCompiler.scratchCell(p) + 1, loads, stores,
                p.inputs().stream().mapToInt(IoBit::cell).toArray(), p.outputs().stream().mapToInt(IoBit::cell).toArray());
    }

    /** Slots shared by values whose lives do not overlap (interval colouring, lowest free slot first). */
    static StateLayout compact(Program p, ChunkPlan plan) {
        int n = plan.chunks.size();
        List<int[]> lives = new ArrayList<>(); // {start chunk, end chunk}; -1 is the input copy, n the output copy
        int[] current = new int[JitCompiler.scratchCell(p) + 1]; // cell -> its value in the state, -1: none
        Arrays.fill(current, -1);
        int[] inputs = p.inputs().stream().mapToInt(IoBit::cell).toArray();
        int[] inputValue = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (current[inputs[i]] < 0) {
                current[inputs[i]] = lives.size();
                lives.add(new int[]{-1, -1});
            }
            inputValue[i] = current[inputs[i]];
        }
        int[][] loadValue = new int[n][], storeValue = new int[n][];
        for (int c = 0; c < n; c++) {
            ChunkPlan.Chunk chunk = plan.chunks.get(c);
            loadValue[c] = new int[chunk.loads().length];
            for (int k = 0; k < chunk.loads().length; k++) {
                int v = chunk.loadIsZero()[k] ? -1 : current[chunk.loads()[k]];
                if (!chunk.loadIsZero()[k] && v < 0) throw new IllegalStateException("cell " + chunk.loads()[k] + " loaded in chunk " + c + " but never stored");
                if (v >= 0) lives.get(v)[1] = c;
                loadValue[c][k] = v;
            }
            storeValue[c] = new int[chunk.stores().length];
            for (int k = 0; k < chunk.stores().length; k++) {
                int v = lives.size();
                lives.add(new int[]{c, c});
                current[chunk.stores()[k]] = v;
                storeValue[c][k] = v;
            }
        }
        int zero = -1; // the value of outputs never written: a slot nothing stores to
        int[] outputs = p.outputs().stream().mapToInt(IoBit::cell).toArray();
        int[] outputValue = new int[outputs.length];
        for (int o = 0; o < outputs.length; o++) {
            int v = current[outputs[o]];
            if (v < 0) {
                if (zero < 0) {
                    zero = lives.size();
                    lives.add(new int[]{-1, n});
                }
                v = zero;
            }
            lives.get(v)[1] = n;
            outputValue[o] = v;
        }
        int[] slot = colour(lives);
        int stride = Arrays.stream(slot).max().orElse(-1) + 1;
        int[][] loads = new int[n][], stores = new int[n][];
        for (int c = 0; c < n; c++) {
            loads[c] = Arrays.stream(loadValue[c]).map(v -> v < 0 ? -1 : slot[v]).toArray();
            stores[c] = Arrays.stream(storeValue[c]).map(v -> slot[v]).toArray();
        }
        return new StateLayout(Math.max(1, stride), loads, stores,
                Arrays.stream(inputValue).map(v -> slot[v]).toArray(), Arrays.stream(outputValue).map(v -> slot[v]).toArray());
    }

    /** A slot per life such that lives sharing a slot do not overlap; lives are listed by start. */
    private static int[] colour(List<int[]> lives) {
        Integer[] order = new Integer[lives.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(lives.get(a)[0], lives.get(b)[0]));
        int[] slot = new int[lives.size()];
        PriorityQueue<int[]> busy = new PriorityQueue<>((a, b) -> Integer.compare(a[0], b[0])); // {end, slot}
        BitSet free = new BitSet();
        int next = 0;
        for (int v : order) {
            int start = lives.get(v)[0];
            while (!busy.isEmpty() && busy.peek()[0] < start) free.set(busy.poll()[1]);
            int s = free.nextSetBit(0);
            if (s < 0) s = next++;
            else free.clear(s);
            slot[v] = s;
            busy.add(new int[]{lives.get(v)[1], s});
        }
        return slot;
    }
}
