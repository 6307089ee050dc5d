package kautz.sim;

import kautz.isa.Program;

/** A program made ready to run by an {@link Engine}. Thread-safe: each run has its own state. */
public interface Executable {
    Program program();

    /**
     * Runs the program on {@code rows} rows.
     *
     * @param inputPlanes {@code [input bit][word]}, in the order of {@code program().inputs()}; each at least
     *                    {@code BitPlanes.words(rows)} long (rows past {@code rows} are ignored)
     * @return {@code [output bit][word]} in the order of {@code program().outputs()}; rows past {@code rows}
     *         are zero
     */
    long[][] run(long[][] inputPlanes, int rows);
}
