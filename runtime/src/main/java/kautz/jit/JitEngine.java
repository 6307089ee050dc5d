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

    /** Words whose inputs and outputs are moved at once by the per-word loop ({@link Compiled}). */
    static final int TILE = 64;

    private final JitOptions options;

    public JitEngine() { this(JitOptions.defaults()); }

    public JitEngine(JitOptions options) { this.options = options; }

    public static final String NAME = "jit";

    @Override public String name() { return NAME; }

    @Override public String summary() { return "compiles the program to JVM bytecode with ASM (fast; same results as interp)"; }

    @Override
    public Executable prepare(Program program) {
        int lanes = options.vectors() ? Simd.lanes() : 0;
        JitCompiler compiler = new JitCompiler(program, options, lanes);
        byte[] bytes = compiler.generate();
        StateLayout layout = compiler.layout();
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
                ? new Blocked(program, code, layout, options.blockWords(), Math.max(1, lanes))
                : new Compiled(program, code, layout, options.blockWords(), options.placement() == JitOptions.LoopPlacement.PER_WORD);
    }

    private static void check(Program program, long[][] in, int rows) {
        if (rows < 1) throw new IllegalArgumentException("rows must be at least 1");
        if (in.length != program.inputs().size()) throw new IllegalArgumentException("expected " + program.inputs().size() + " input planes, got " + in.length);
        int words = BitPlanes.words(rows);
        for (long[] plane : in) if (plane.length < words) throw new IllegalArgumentException("an input plane is shorter than " + words + " words");
    }

    /** Runs the code block by block; within a block, slot s's words are at s * block .. s * block + block - 1. */
    private record Blocked(Program program, JitCode code, StateLayout layout, int block, int lanes) implements Executable {
        @Override
        public long[][] run(long[][] in, int rows) {
            check(program, in, rows);
            int words = BitPlanes.words(rows);
            int[] inCells = layout.inputSlots();
            int[] outCells = layout.outputSlots();
            long[][] out = new long[outCells.length][words];
            // reused by every block: slots of outputs never written are never stored, so they stay 0
            long[] state = new long[layout.stride() * block];
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

    /**
     * Runs the code on a state of {@code block} words, each word's slots side by side (per word: the words one
     * pass computes, per chunk: each chunk method loops over the block's words), reused for every block. The inputs and
     * outputs move through small word-major buffers a tile of at least {@link #TILE} words at a time: reading
     * input i's word w straight from its plane for every word would touch every input and output plane once
     * per word (arbiter: 385 planes 8 KiB apart, so a TLB miss and a cache line per access, 15-25% of the
     * run), while a tile reads each plane's words in a row.
     */
    private record Compiled(Program program, JitCode code, StateLayout layout, int block, boolean wholeBlocks) implements Executable {
        @Override
        public long[][] run(long[][] in, int rows) {
            check(program, in, rows);
            int words = BitPlanes.words(rows);
            int stride = layout.stride();
            int[] inCells = layout.inputSlots();
            int[] outCells = layout.outputSlots();
            int ni = inCells.length, no = outCells.length;
            long[][] out = new long[no][words];
            int block = wholeBlocks ? this.block : Math.min(this.block, words); // per word, the code computes whole passes
            if ((long) block * stride > MAX_STATE_LONGS) throw new IllegalArgumentException("too many rows x cells for a block of " + block + " words");
            long[] state = new long[block * stride]; // slots of outputs never written are never stored, so they stay 0
            int tile = (Math.max(TILE, block) + block - 1) / block * block;
            tile = Math.min(tile, (words + block - 1) / block * block);
            long[] tin = new long[tile * ni], tout = new long[tile * no]; // word j's inputs at j * ni ..
            for (int w0 = 0; w0 < words; w0 += tile) {
                int n = Math.min(tile, words - w0);
                transpose(in, w0, n, tin, ni);
                for (int j0 = 0; j0 < n; j0 += block) {
                    int m = Math.min(block, n - j0);
                    for (int j = 0; j < m; j++) for (int i = 0, t = (j0 + j) * ni, b = j * stride; i < ni; i++) state[b + inCells[i]] = tin[t + i];
                    code.run(state, m, stride);
                    for (int j = 0; j < m; j++) for (int o = 0, t = (j0 + j) * no, b = j * stride; o < no; o++) tout[t + o] = state[b + outCells[o]];
                }
                for (int o = 0; o < no; o++) {
                    long[] plane = out[o];
                    for (int j = 0; j < n; j++) plane[w0 + j] = tout[j * no + o];
                }
            }
            long mask = BitPlanes.lastWordMask(rows);
            for (long[] plane : out) plane[words - 1] &= mask;
            return out;
        }

        /** t[j * width + i] = planes[i][w0 + j] for j < n, eight planes at a time (each line of t written whole). */
        private static void transpose(long[][] planes, int w0, int n, long[] t, int width) {
            for (int i0 = 0; i0 < width; i0 += 8) {
                int i1 = Math.min(width, i0 + 8);
                for (int j = 0; j < n; j++) {
                    int b = j * width;
                    for (int i = i0; i < i1; i++) t[b + i] = planes[i][w0 + j];
                }
            }
        }
    }
}
