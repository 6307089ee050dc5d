package kautz.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.engines.Engines;
import kautz.isa.MicroOp;
import kautz.isa.PartitionModel;
import kautz.isa.Partitions;
import kautz.isa.Program;
import kautz.isa.RandomPrograms;
import kautz.ports.BitPlanes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ops of a cycle all read the state before the cycle. When no op of a cycle reads or writes a cell another
 * op of it writes (a rule of every partition model), running them one after another in line order gives the
 * same state, which is why every engine may execute the flat op list.
 */
class ParallelCycleSemanticsTest {
    /** Runs each cycle at once: every op computes from a copy of the state before the cycle; their writes are merged after. */
    private static long[][] runCyclesAtOnce(Program p, long[][] in, int rows) {
        int words = BitPlanes.words(rows);
        int cells = p.stats().cells();
        long[][] c = new long[cells][words];
        int[] level = new int[cells];
        for (int i = 0; i < in.length; i++) System.arraycopy(in[i], 0, c[p.inputs().get(i).cell()], 0, words);
        for (List<MicroOp> cycle : p.cycles()) {
            long[][] next = deepCopy(c);
            int[] nextLevel = level.clone();
            for (MicroOp op : cycle) {
                long[][] mine = deepCopy(c);
                int[] myLevel = level.clone();
                Interpreter.step(op, mine, myLevel, words);
                ImmutableIntArray t = op.targets();
                for (int k = 0; k < t.length(); k++) {
                    next[t.get(k)] = mine[t.get(k)];
                    nextLevel[t.get(k)] = myLevel[t.get(k)];
                }
            }
            c = next;
            level = nextLevel;
        }
        long[][] out = new long[p.outputs().size()][];
        for (int o = 0; o < out.length; o++) {
            out[o] = c[p.outputs().get(o).cell()].clone();
            out[o][words - 1] &= BitPlanes.lastWordMask(rows);
        }
        return out;
    }

    private static long[][] deepCopy(long[][] c) {
        long[][] d = new long[c.length][];
        for (int i = 0; i < c.length; i++) d[i] = c[i].clone();
        return d;
    }

    /** Groups the ops into cycles of up to four where no op reads or writes a cell another op of the cycle writes. */
    private static Program legalCycles(Program flat, SplittableRandom rnd) {
        List<List<MicroOp>> cycles = new ArrayList<>();
        List<MicroOp> cur = new ArrayList<>();
        Set<Integer> written = new HashSet<>();
        Set<Integer> touched = new HashSet<>();
        int limit = 1 + rnd.nextInt(4);
        for (MicroOp op : flat.ops()) {
            Set<Integer> t = set(op.targets());
            Set<Integer> all = new HashSet<>(t);
            all.addAll(set(op.sources()));
            boolean clash = cur.size() >= limit || !disjoint(all, written) || !disjoint(t, touched);
            if (clash && !cur.isEmpty()) {
                cycles.add(cur);
                cur = new ArrayList<>();
                written.clear();
                touched.clear();
                limit = 1 + rnd.nextInt(4);
            }
            cur.add(op);
            written.addAll(t);
            touched.addAll(all);
        }
        if (!cur.isEmpty()) cycles.add(cur);
        return Program.ofCycles(flat.kernel(), flat.target(), flat.rowSize(), flat.initModel(), flat.inputs(), flat.outputs(),
                cycles, flat.consumesInputs(), Partitions.single(flat.rowSize()), PartitionModel.UNLIMITED);
    }

    private static Set<Integer> set(ImmutableIntArray a) {
        Set<Integer> s = new HashSet<>();
        for (int k = 0; k < a.length(); k++) s.add(a.get(k));
        return s;
    }

    private static boolean disjoint(Set<Integer> a, Set<Integer> b) {
        for (Integer x : a) if (b.contains(x)) return false;
        return true;
    }

    @Test
    void legalCyclesRunOneOpAfterAnotherGiveTheSameBits() {
        int parallelCycles = 0;
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed * 31);
            Program p = legalCycles(RandomPrograms.generate(seed, 6, 8, 60, 24), rnd);
            parallelCycles += p.ops().size() - p.cycleCount();
            int rows = 1 + rnd.nextInt(130);
            long[][] in = BitPlanes.random(p.inputs().size(), rows, seed);
            long[][] atOnce = runCyclesAtOnce(p, in, rows);
            for (String engine : List.of("interp", "jit")) {
                long[][] flat = Engines.byName(engine).run(p, in, rows);
                for (int o = 0; o < atOnce.length; o++) assertArrayEquals(atOnce[o], flat[o], engine + ", seed " + seed + ", output " + o);
            }
        }
        assertTrue(parallelCycles > 3000, "cycles held several ops " + parallelCycles + " times");
    }

    @Test
    void aCycleWhereOneOpReadsAnothersOutputIsWhatTheRuleExcludes() {
        // nor 3, 2 | nor 2, 0: at once, cell 3 reads cell 2 before the cycle; one after another it would read the new 2.
        Program p = Program.ofCycles("k", "t", 4, kautz.isa.InitModel.BULK, ImmutableList.of(new kautz.isa.IoBit("a", 0)),
                ImmutableList.of(new kautz.isa.IoBit("y", 3)),
                List.of(List.of(MicroOp.of(kautz.isa.Opcode.INIT1, 2, 3)),
                        List.of(MicroOp.of(kautz.isa.Opcode.NOR, 2, 0), MicroOp.of(kautz.isa.Opcode.NOR, 3, 2))),
                false, Partitions.single(4), PartitionModel.UNLIMITED);
        long[][] in = {{0b01}};
        long[][] atOnce = runCyclesAtOnce(p, in, 2);
        long[][] flat = Engines.byName("interp").run(p, in, 2);
        assertEquals(0b00, atOnce[0][0]); // y = ¬(old cell 2 = 1)
        assertEquals(0b01, flat[0][0]);   // y = ¬(new cell 2 = ¬a)
        assertFalse(Arrays.equals(atOnce[0], flat[0]));
    }
}
