package kautz.jit;

import kautz.isa.IoBit;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import kautz.sim.Engine;
import kautz.sim.Executable;

import java.lang.invoke.MethodHandles;

/**
 * The fast functional engine: compiles a program to a JVM class with ASM ({@link JitCompiler}) and runs it
 * over the rows, 64 per {@code long}. Bit for bit the same results as {@link kautz.sim.Interpreter}: cells
 * that are not inputs start at 0 (HRS), gates are physical, multi-level cells ideal. The class is a hidden
 * class, unloaded when the {@link Executable} is no longer referenced.
 */
public final class JitEngine implements Engine {
    /** Bounds the state of the per-chunk loop placement (all words of all cells at once): 2 GiB. */
    private static final long MAX_STATE_LONGS = 1L << 28;

    private final JitOptions options;

    public JitEngine() { this(JitOptions.defaults()); }

    public JitEngine(JitOptions options) { this.options = options; }

    public static final String NAME = "jit";

    @Override public String name() { return NAME; }

    @Override public String summary() { return "compiles the program to JVM bytecode with ASM (fast; same results as interp)"; }

    @Override
    public Executable prepare(Program program) {
        int lanes = options.vectors() ? Simd.lanes() : 0;
        byte[] bytes = new JitCompiler(program, options, lanes).generate();
        JitCode code;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            code = (JitCode) lookup.findConstructor(lookup.lookupClass(), java.lang.invoke.MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot load the generated class", t);
        }
        return options.placement() == JitOptions.LoopPlacement.PER_BLOCK
                ? new Blocked(program, code, options.blockWords(), Math.max(1, lanes))
                : new Compiled(program, code, options.placement() == JitOptions.LoopPlacement.PER_WORD);
    }

    private static void check(Program program, long[][] in, int rows) {
        if (rows < 1) throw new IllegalArgumentException("rows must be at least 1");
        if (in.length != program.inputs().size()) throw new IllegalArgumentException("expected " + program.inputs().size() + " input planes, got " + in.length);
        int words = BitPlanes.words(rows);
        for (long[] plane : in) if (plane.length < words) throw new IllegalArgumentException("an input plane is shorter than " + words + " words");
    }

    /** Runs the code block by block; within a block, cell c's words are at c * block .. c * block + block - 1. */
    private record Blocked(Program program, JitCode code, int block, int lanes) implements Executable {
        @Override
        public long[][] run(long[][] in, int rows) {
            check(program, in, rows);
            int words = BitPlanes.words(rows);
            int[] inCells = program.inputs().stream().mapToInt(IoBit::cell).toArray();
            int[] outCells = program.outputs().stream().mapToInt(IoBit::cell).toArray();
            long[][] out = new long[outCells.length][words];
            // reused by every block: cells never written are never stored, so they stay 0
            long[] state = new long[(JitCompiler.scratchCell(program) + 1) * block];
            for (int w0 = 0; w0 < words; w0 += block) {
                int n = Math.min(block, words - w0);
                for (int i = 0; i < inCells.length; i++) System.arraycopy(in[i], w0, state, inCells[i] * block, n);
                code.run(state, (n + lanes - 1) / lanes * lanes, block); // whole vectors: the words past n are ignored
                for (int o = 0; o < outCells.length; o++) System.arraycopy(state, outCells[o] * block, out[o], w0, n);
            }
            long mask = BitPlanes.lastWordMask(rows);
            for (long[] plane : out) plane[words - 1] &= mask;
            return out;
        }
    }

    private record Compiled(Program program, JitCode code, boolean perWord) implements Executable {
        @Override
        public long[][] run(long[][] in, int rows) {
            check(program, in, rows);
            int words = BitPlanes.words(rows);
            int stride = JitCompiler.scratchCell(program) + 1;
            int[] inCells = program.inputs().stream().mapToInt(IoBit::cell).toArray();
            int[] outCells = program.outputs().stream().mapToInt(IoBit::cell).toArray();
            long[][] out = new long[outCells.length][words];
            // per word: one word's cells, reused (cells never written are never stored, so they stay 0);
            // per chunk: every word's cells at once
            int block = perWord ? 1 : words;
            if ((long) block * stride > MAX_STATE_LONGS) throw new IllegalArgumentException("too many rows x cells for the per-chunk loop placement");
            long[] state = new long[block * stride];
            for (int w0 = 0; w0 < words; w0 += block) {
                int n = Math.min(block, words - w0);
                for (int j = 0; j < n; j++) {
                    int base = j * stride;
                    for (int i = 0; i < inCells.length; i++) state[base + inCells[i]] = in[i][w0 + j];
                }
                code.run(state, n, stride);
                for (int j = 0; j < n; j++) {
                    int base = j * stride;
                    for (int o = 0; o < outCells.length; o++) out[o][w0 + j] = state[base + outCells[o]];
                }
            }
            long mask = BitPlanes.lastWordMask(rows);
            for (long[] plane : out) plane[words - 1] &= mask;
            return out;
        }
    }
}
