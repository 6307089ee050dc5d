package kautz.sim;

import kautz.isa.Program;

/**
 * A functional engine: runs a {@link Program} on many rows with the physical semantics of docs/isa.md
 * (bit-packed, 64 rows per {@code long}). Every engine gives the same bits for the same program and inputs,
 * wrong programs included; they differ only in speed. Listed once in {@code kautz.engines.Engines}, selected by
 * {@code --engine NAME}.
 */
public interface Engine {
    /** Token used on the command line. */
    String name();

    /** One line for {@code --help}. */
    String summary();

    /** Does the per-program work (the JIT generates and loads its class here); the result runs many times. */
    Executable prepare(Program program);

    /** Prepares and runs once. */
    default long[][] run(Program program, long[][] inputPlanes, int rows) {
        return prepare(program).run(inputPlanes, rows);
    }
}
