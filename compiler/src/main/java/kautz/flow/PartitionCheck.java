package kautz.flow;

import kautz.isa.Program;
import kautz.network.Aig;
import kautz.sim.Interpreter;

/**
 * Every program compiled for a divided row is run on random rows against its source before it is handed
 * on: the partition-aware scheduler is newer than the checks that prove it, so a wrong program is a compiler
 * error here rather than a wrong answer later.
 */
final class PartitionCheck {
    /** Random rows each partitioned program is checked on. */
    static final int ROWS = 256;

    private PartitionCheck() {}

    static void check(Program program, Aig source, long seed) {
        int bad = RowCheck.random(program, source, new Interpreter(), ROWS, seed).mismatches();
        if (bad > 0) {
            throw new IllegalStateException("the partitioned program of " + program.kernel() + " differs from its source on " + bad
                    + " of " + ROWS + " random rows (a compiler bug)");
        }
    }
}
