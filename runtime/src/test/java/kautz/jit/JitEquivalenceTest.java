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
        for (long seed = 1; seed <= 150; seed++) {
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
    void aLargeProgramIsSplitIntoManyMethods() {
        Program p = RandomPrograms.generate(99, 16, 8, 20_000, 300);
        long[][] in = BitPlanes.random(16, 130, 5);
        long[][] expected = new Interpreter().run(p, in, 130);
        long[][] got = new JitEngine().run(p, in, 130);
        for (int k = 0; k < got.length; k++) assertArrayEquals(expected[k], got[k]);
    }
}
