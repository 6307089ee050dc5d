package kautz.jit;

/**
 * How the JIT shapes the code it generates; the alternatives exist to be measured (bench/, docs/PERFORMANCE.md).
 *
 * @param placement     where the loop over 64-row words goes
 * @param cellsInLocals keep a chunk's cells in JVM local variables (registers after C2), loading its live-in
 *                      cells once and storing its live-out cells once per word; false: every op reads and
 *                      writes the state array
 * @param chunkBytes    estimated bytecode budget of one chunk method (the estimate is conservative: 11000
 *                      gives methods of about 7000 bytes); a chunk that comes out at or beyond HotSpot's
 *                      8000-byte limit, past which a method is never compiled (DontCompileHugeMethods), makes
 *                      the JIT regenerate with a smaller budget
 */
public record JitOptions(LoopPlacement placement, boolean cellsInLocals, int chunkBytes) {
    /** Where the loop over row words sits. */
    public enum LoopPlacement {
        /** One loop over words around all chunks: a word's whole state stays in the L1 cache. */
        PER_WORD,
        /** Each chunk method loops over all words: fewer calls, but the state of all words is touched per chunk. */
        PER_CHUNK
    }

    public JitOptions {
        if (chunkBytes < 200 || chunkBytes > 60_000) throw new IllegalArgumentException("chunkBytes outside 200..60000");
    }

    public static JitOptions defaults() { return new JitOptions(LoopPlacement.PER_WORD, true, 11000); }
}
