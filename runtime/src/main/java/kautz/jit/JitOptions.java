package kautz.jit;

/**
 * How the JIT shapes the code it generates; the alternatives exist to be measured (bench/, docs/PERFORMANCE.md).
 *
 * @param placement     where the loop over 64-row words goes
 * @param cellsInLocals keep a chunk's cells in JVM local variables (registers after C2), loading its live-in
 *                      cells once and storing its live-out cells once per word; false: every op reads and
 *                      writes the state array
 * @param chunkBytes    estimated bytecode budget of one chunk method (the estimate is conservative: 20000 gives
 *                      methods of about 6000 bytes); a chunk that comes out at or beyond HotSpot's 8000-byte
 *                      limit, past which a method is never compiled (DontCompileHugeMethods), is split in two
 * @param blockWords    how many 64-row words one pass of the chunks covers: for {@link LoopPlacement#PER_WORD}
 *                      with cells in locals, words interleaved op by op in each chunk (at most 8); for
 *                      {@link LoopPlacement#PER_BLOCK} and {@link LoopPlacement#PER_CHUNK}, the block
 * @param vectors       for {@link LoopPlacement#PER_BLOCK} with cells in locals: compute on vectors of words
 *                      with jdk.incubator.vector when the JVM has that module ({@link Simd}), else on longs
 * @param complements   let a local hold a cell's complement where that saves operations (a NOT costs nothing,
 *                      a NOR one operation instead of an OR and a NOT); false: locals hold values
 * @param order         the order of the ops inside a chunk
 * @param compactState  with cells in locals: values that cross chunks share state slots when their lives do not
 *                      overlap ({@link StateLayout#compact}), so a word's state is small; false: a slot per cell
 */
public record JitOptions(LoopPlacement placement, boolean cellsInLocals, int chunkBytes, int blockWords, boolean vectors, boolean complements,
                         OpOrder order, boolean compactState) {
    /** The order of the ops inside a chunk ({@link ChunkOrder}). */
    public enum OpOrder {
        /** As in the program. */
        PROGRAM,
        /** By depth in the chunk: independent chains interleave, so the CPU runs them in parallel. */
        LEVELS
    }

    /** Where the loop over row words sits. */
    public enum LoopPlacement {
        /** One loop over words around all chunks: a word's whole state stays in the L1 cache. */
        PER_WORD,
        /**
         * Each chunk method loops over the words of a block of {@code blockWords} words, each word's cells side by
         * side: a chunk's code runs {@code blockWords} times in a row (hot in the instruction cache), but the
         * state of all the block's words is touched per chunk.
         */
        PER_CHUNK,
        /**
         * The rows in blocks of {@code blockWords} words, each cell's words of a block consecutive; each chunk
         * method loops over the words of the block, a loop HotSpot's SuperWord turns into SIMD (AVX2: four
         * words at once), and the block's state stays in the L1/L2 cache while all chunks run over it.
         */
        PER_BLOCK
    }

    public JitOptions {
        if (chunkBytes < 200 || chunkBytes > 60_000) throw new IllegalArgumentException("chunkBytes outside 200..60000");
        if (blockWords < 1 || blockWords > 4096) throw new IllegalArgumentException("blockWords outside 1..4096");
        if (placement == LoopPlacement.PER_WORD && blockWords > 8) throw new IllegalArgumentException("per word: at most 8 words interleaved in a pass");
    }

    /** Options without blocks (the block size is unused). */
    public JitOptions(LoopPlacement placement, boolean cellsInLocals, int chunkBytes) { this(placement, cellsInLocals, chunkBytes, 1, false, true); }

    /** Ops in program order, compact state. */
    public JitOptions(LoopPlacement placement, boolean cellsInLocals, int chunkBytes, int blockWords, boolean vectors, boolean complements) {
        this(placement, cellsInLocals, chunkBytes, blockWords, vectors, complements, OpOrder.PROGRAM, true);
    }

    /**
     * The measured best (docs/PERFORMANCE.md): one loop over words around the chunks, cells in locals, methods of
     * about 6000 bytes, complements, program order, compact state. Blocks of 4 words per chunk call
     * ({@link LoopPlacement#PER_CHUNK}) run sin up to 16% faster once compiled but cost a one-shot run 25-60%
     * more CPU (measured; presumably HotSpot also compiles each chunk's loop on stack replacement), so they are
     * not the default.
     */
    public static JitOptions defaults() { return new JitOptions(LoopPlacement.PER_WORD, true, 20000); }
}
