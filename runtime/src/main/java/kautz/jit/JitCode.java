package kautz.jit;

/**
 * What a generated class implements. {@code state} holds {@code words} consecutive blocks of {@code stride}
 * longs, one long per cell (64 rows); the code runs the whole program on each block.
 */
public interface JitCode {
    void run(long[] state, int words, int stride);
}
