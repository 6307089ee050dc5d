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
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 11000, 1, false, false), // locals hold values only
            new JitOptions(JitOptions.LoopPlacement.PER_CHUNK, true, 7000, 4096, false, true), // one block: all words
            new JitOptions(JitOptions.LoopPlacement.PER_CHUNK, false, 300, 3, false, true), // rows not a multiple of the block
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 11000, 1, false, true, JitOptions.OpOrder.LEVELS, true),
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 300, 1, false, false, JitOptions.OpOrder.LEVELS, false), // a slot per cell
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 200, 1, false, true, JitOptions.OpOrder.PROGRAM, false),
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 3000, 2, false, true), // two words interleaved per pass
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 600, 3, false, false), // rows not a multiple of the pass
            new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 200), // many tiny chunks: liveness across chunks
            new JitOptions(JitOptions.LoopPlacement.PER_BLOCK, true, 3000, 4, false, true), // rows not a multiple of the block
            new JitOptions(JitOptions.LoopPlacement.PER_BLOCK, true, 200, 1, false, false),
            new JitOptions(JitOptions.LoopPlacement.PER_BLOCK, false, 300, 3, false, true),
            new JitOptions(JitOptions.LoopPlacement.PER_BLOCK, true, 3000, 8, true, true), // vectors when the JVM has them
            new JitOptions(JitOptions.LoopPlacement.PER_BLOCK, true, 300, 16, true, false),
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
        for (int budget : new int[]{20_000, 60_000}) { // 60,000 overshoots on purpose: the compiler must split chunks
            JitCompiler c = new JitCompiler(p, new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, budget));
            c.generate();
            assertTrue(c.largestChunk() < JitCompiler.HUGE_METHOD, "largest chunk " + c.largestChunk());
            assertTrue(c.largestChunk() > 3000, "chunks use most of the budget: " + c.largestChunk());
        }
    }

    /**
     * The compact state shares slots between values that cross chunks at different times: with tiny chunks a
     * long chain needs far fewer slots than cells, and outputs that were never written (they must read 0, not
     * whatever another value left in a shared slot), outputs that are inputs, and one cell output twice still
     * come out as the interpreter's.
     */
    @Test
    void compactStateSharesSlotsAndKeepsUnwrittenOutputsZero() {
        int inputs = 6, gates = 400;
        var ops = com.google.common.collect.ImmutableList.<kautz.isa.MicroOp>builder();
        ops.add(kautz.isa.MicroOp.of(kautz.isa.Opcode.INIT1, java.util.stream.IntStream.range(inputs, inputs + gates).toArray()));
        for (int g = 0; g < gates; g++) {
            int d = inputs + g;
            ops.add(kautz.isa.MicroOp.of(kautz.isa.Opcode.NOR, d, g % inputs, g == 0 ? (g + 1) % inputs : d - 1));
        }
        int unwritten = inputs + gates + 1; // the program's last cell: no op touches it
        var outs = com.google.common.collect.ImmutableList.<kautz.isa.IoBit>builder();
        outs.add(new kautz.isa.IoBit("never", unwritten), new kautz.isa.IoBit("in0", 0), new kautz.isa.IoBit("last", inputs + gates - 1),
                new kautz.isa.IoBit("last_again", inputs + gates - 1), new kautz.isa.IoBit("early", inputs + 3), new kautz.isa.IoBit("never_again", unwritten));
        var ins = com.google.common.collect.ImmutableList.<kautz.isa.IoBit>builder();
        for (int c = 0; c < inputs; c++) ins.add(new kautz.isa.IoBit("a[" + c + "]", c));
        Program p = new Program("chain", "magic", unwritten + 1, kautz.isa.InitModel.BULK, ins.build(), outs.build(), ops.build());
        int rows = 64 * (JitEngine.TILE + 3) + 5;
        long[][] in = BitPlanes.random(inputs, rows, 3);
        long[][] expected = new Interpreter().run(p, in, rows);
        assertEquals(0, expected[0][0] | expected[5][rows / 64], "unwritten outputs read 0");
        for (JitOptions.LoopPlacement placement : JitOptions.LoopPlacement.values()) {
            JitOptions o = new JitOptions(placement, true, 200, placement == JitOptions.LoopPlacement.PER_WORD ? 1 : 4, false, true);
            JitCompiler compiler = new JitCompiler(p, o);
            compiler.generate();
            assertTrue(compiler.layout().stride() < 30, placement + ": " + compiler.layout().stride() + " slots for " + p.stats().cells() + " cells");
            long[][] got = new JitEngine(o).run(p, in, rows);
            for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k], o + " output " + k);
        }
    }

    /** Rows over several tiles of the per-word loop's input/output buffers, the last one partial, and blocks. */
    @Test
    void manyTilesOfRowsAgree() {
        int rows = 64 * (2 * JitEngine.TILE + 5) - 17;
        for (long seed = 1; seed <= 3; seed++) {
            Program p = norNetwork(seed);
            long[][] in = BitPlanes.random(p.inputs().size(), rows, seed);
            long[][] expected = new Interpreter().run(p, in, rows);
            for (JitOptions o : new JitOptions[]{JitOptions.defaults(), new JitOptions(JitOptions.LoopPlacement.PER_CHUNK, true, 600, 3, false, true),
                    new JitOptions(JitOptions.LoopPlacement.PER_WORD, true, 600, 3, false, true),
                    new JitOptions(JitOptions.LoopPlacement.PER_CHUNK, true, 600, 100, false, true)}) {
                long[][] got = new JitEngine(o).run(p, in, rows);
                for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k], "seed " + seed + " " + o + " output " + k);
            }
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

    /**
     * NOR/NOT networks as the mapping produces them (outputs initialised to 1, so every gate is fresh and locals
     * may hold complements), with some gates re-applied to cells already written (the old value is unknown:
     * the full physical formula must stay), some outputs never initialised, inputs read late (loaded where
     * first used) and tiny chunks, so complemented values cross chunk boundaries and reach outputs.
     */
    @Test
    void norNetworksWithComplementsAndRewritesAgree() {
        Interpreter interp = new Interpreter();
        for (long seed = 1; seed <= 30; seed++) {
            Program p = norNetwork(seed);
            int rows = 70 + (int) (seed * 13 % 200);
            long[][] in = BitPlanes.random(p.inputs().size(), rows, seed);
            long[][] expected = interp.run(p, in, rows);
            for (int budget : new int[]{200, 600, 11000}) {
                for (boolean complements : new boolean[]{true, false}) {
                    for (JitOptions.OpOrder order : JitOptions.OpOrder.values()) {
                        for (boolean compact : new boolean[]{true, false}) {
                            for (JitOptions.LoopPlacement placement : new JitOptions.LoopPlacement[]{JitOptions.LoopPlacement.PER_WORD, JitOptions.LoopPlacement.PER_CHUNK}) {
                                JitOptions o = new JitOptions(placement, true, budget, placement == JitOptions.LoopPlacement.PER_WORD ? 1 : 4, false, complements, order, compact);
                                long[][] got = new JitEngine(o).run(p, in, rows);
                                for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k], "seed " + seed + " " + o + " output " + k);
                            }
                        }
                    }
                }
            }
        }
    }

    private static Program norNetwork(long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int inputs = 4 + rnd.nextInt(8), gates = 50 + rnd.nextInt(300), uninitialised = 3;
        var ops = com.google.common.collect.ImmutableList.<kautz.isa.MicroOp>builder();
        // cells: inputs, then gates; the last few gate cells are never initialised
        ops.add(kautz.isa.MicroOp.of(kautz.isa.Opcode.INIT1, java.util.stream.IntStream.range(inputs, inputs + gates - uninitialised).toArray()));
        for (int g = 0; g < gates; g++) {
            int d = inputs + g;
            int fanIn = 1 + rnd.nextInt(3);
            int[] x = new int[fanIn + 1];
            x[0] = d;
            for (int k = 1; k <= fanIn; k++) x[k] = rnd.nextInt(4) == 0 ? rnd.nextInt(inputs) : rnd.nextInt(d); // late input reads
            ops.add(kautz.isa.MicroOp.of(kautz.isa.Opcode.NOR, x));
            if (g > 2 && rnd.nextInt(10) == 0) { // a gate into a cell already computed: not fresh
                int[] y = {inputs + rnd.nextInt(g), rnd.nextInt(d + 1), rnd.nextInt(inputs)};
                ops.add(kautz.isa.MicroOp.of(kautz.isa.Opcode.NOR, y));
            }
        }
        var outs = com.google.common.collect.ImmutableList.<kautz.isa.IoBit>builder();
        for (int c = inputs + gates - 12; c < inputs + gates; c++) outs.add(new kautz.isa.IoBit("y[" + c + "]", c));
        for (int c = inputs; c < inputs + 5; c++) outs.add(new kautz.isa.IoBit("z[" + c + "]", c)); // early cells, live across chunks
        var ins = com.google.common.collect.ImmutableList.<kautz.isa.IoBit>builder();
        for (int c = 0; c < inputs; c++) ins.add(new kautz.isa.IoBit("a[" + c + "]", c));
        return new Program("nor" + seed, "magic", inputs + gates, kautz.isa.InitModel.BULK, ins.build(), outs.build(), ops.build());
    }
}
