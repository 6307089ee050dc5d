package kautz.jit;

import kautz.isa.Program;
import kautz.isa.RandomPrograms;
import kautz.ports.BitPlanes;
import kautz.sim.Interpreter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The JIT must give the interpreter's bits on any program, wrong ones (uninitialised outputs) included. */
class JitEquivalenceTest {
    private static final JitOptions[] VARIANTS = {
            JitOptions.defaults(),
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, false, 7000),
            new JitOptions(JitOptions.LoopPlacement.PER_CHUNK, true, 7000),
            new JitOptions(JitOptions.LoopPlacement.PER_CHUNK, false, 300),
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 200), // many tiny chunks: liveness across chunks
    };

    @Test
    void randomProgramsAgreeWithTheInterpreter() {
        Interpreter interp = new Interpreter();
        for (long seed = 1; seed <= 100; seed++) {
            int inputs = 1 + (int) (seed % 9);
            Program p = RandomPrograms.generate(seed, inputs, 1 + (int) (seed % 6), (int) (seed * 7 % 400), inputs + 2 + (int) (seed % 40));
            int rows = 1 + (int) (seed * 37 % 300);
            long[][] in = BitPlanes.random(inputs, rows, seed);
            long[][] expected = interp.run(p, in, rows);
            for (JitOptions o : VARIANTS) {
                long[][] got = new JitEngine(o).run(p, in, rows);
                assertEquals(0, BitPlanes.mismatchedRows(expected, got, rows), "seed " + seed + " " + o);
                for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k], "seed " + seed + " " + o);
            }
        }
    }

    @Test
    void wideOpsAreFoldedAndSplit() {
        // gates with 100 inputs (the output cell among them) and an init of 900 cells: bigger than one method
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        var ops = com.google.common.collect.ImmutableList.<kautz.isa.MicroOp>builder();
        int[] all = java.util.stream.IntStream.range(8, 908).toArray();
        ops.add(kautz.isa.MicroOp.of(kautz.isa.Opcode.INIT1, all));
        for (int i = 0; i < 20; i++) ops.add(kautz.isa.MicroOp.of(kautz.isa.Opcode.NOR, 8 + i, rnd.nextInt(8), 8 + i + 1));
        for (kautz.isa.Opcode oc : new kautz.isa.Opcode[]{kautz.isa.Opcode.NOR, kautz.isa.Opcode.OR, kautz.isa.Opcode.NAND, kautz.isa.Opcode.AND}) {
            for (int g = 0; g < 6; g++) {
                int[] x = new int[101];
                x[0] = 8 + rnd.nextInt(40);
                for (int k = 1; k < x.length; k++) x[k] = rnd.nextInt(10) < 7 ? rnd.nextInt(8) : 8 + rnd.nextInt(40);
                if (g % 2 == 0) x[50] = x[0];
                ops.add(kautz.isa.MicroOp.of(oc, x));
            }
        }
        var outs = com.google.common.collect.ImmutableList.<kautz.isa.IoBit>builder();
        for (int c = 8; c < 48; c++) outs.add(new kautz.isa.IoBit("y[" + (c - 8) + "]", c));
        var ins = com.google.common.collect.ImmutableList.<kautz.isa.IoBit>builder();
        for (int c = 0; c < 8; c++) ins.add(new kautz.isa.IoBit("a[" + c + "]", c));
        Program p = new Program("wide", "magic", 1000, kautz.isa.InitModel.BULK, ins.build(), outs.build(), ops.build());
        long[][] in = BitPlanes.random(8, 200, 9);
        // all-ones and all-zeros rows too, so wide ANDs are not trivially 0
        for (long[] plane : in) plane[0] = 0; 
        for (long[] plane : in) plane[1] = -1L;
        long[][] expected = new Interpreter().run(p, in, 200);
        for (JitOptions o : VARIANTS) {
            long[][] got = new JitEngine(o).run(p, in, 200);
            for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k], o + " output " + k);
        }
    }

    @Test
    void everyChunkMethodStaysSmallEnoughForHotSpotToCompile() {
        Program p = RandomPrograms.chain(8_000, 7);
        for (int budget : new int[]{7000, 20_000}) { // 20,000 overshoots on purpose: the compiler must shrink it
            JitCompiler c = new JitCompiler(p, new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, budget));
            c.generate();
            assertTrue(c.largestChunk() < JitCompiler.HUGE_METHOD, "largest chunk " + c.largestChunk());
            assertTrue(c.largestChunk() > 3000, "chunks use most of the budget: " + c.largestChunk());
        }
    }

    @Test
    void aLiveChainAgrees() {
        Program p = RandomPrograms.chain(5_000, 3);
        long[][] in = BitPlanes.random(64, 200, 5);
        long[][] expected = new Interpreter().run(p, in, 200);
        long[][] got = new JitEngine().run(p, in, 200);
        for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k]);
        assertNotEquals(0, expected[0][0] | expected[1][0] | expected[2][0], "not trivially zero");
    }

    @Test
    void aLargeProgramIsSplitIntoManyMethods() {
        Program p = RandomPrograms.generate(99, 16, 8, 20_000, 300);
        long[][] in = BitPlanes.random(16, 130, 5);
        long[][] expected = new Interpreter().run(p, in, 130);
        long[][] got = new JitEngine().run(p, in, 130);
        for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k]);
    }
}
