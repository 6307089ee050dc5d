package kautz.schedule;

import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.target.GateFamily;

/**
 * A scheduling pass: orders the gates of a mapped network and allocates their cells on one crossbar row,
 * producing a micro-op program. One class per scheduler, listed once in {@link Schedulers}; selected by
 * {@code --scheduler NAME}. Implementations keep no static state and never mutate their input.
 *
 * <p>Contract: inputs occupy cells {@code 0..I-1} and are never overwritten; outputs are never
 * overwritten once computed; every gate's output cell holds the family's required pre-state when the gate
 * runs. If the program cannot fit in {@code options.rowSize()}, throw {@link RowTooSmallException}.
 */
public interface Scheduler {
    /** Token used on the command line and in pipelines. */
    String name();

    /** One line for {@code --help} and listings. */
    String summary();

    Program schedule(MappedNetwork network, GateFamily family, ScheduleOptions options);

    /**
     * False when the program does not depend on {@link ScheduleOptions#seed()}: a cache of compiled programs
     * ({@code kautz.flow.CompileCache}) then serves one program for every seed (Monte Carlo trials differ
     * only in the seed). The default, true, is always safe.
     */
    default boolean usesSeed() { return true; }

    /**
     * True for a scheduler that places gates in the partitions of a divided row ({@link ScheduleOptions#partitioned()})
     * and packs several ops per cycle; such a scheduler may refuse families whose gates take several ops. The others
     * place one op per cycle on an undivided row.
     */
    default boolean partitionAware() { return false; }

    /**
     * {@code --row-size min}: the program in the smallest row this scheduler fits it in ({@code options.rowSize()}
     * is ignored). The default searches with {@link MinRow}; a scheduler that knows its minimum may override.
     */
    default Program scheduleMinRow(MappedNetwork network, GateFamily family, ScheduleOptions options) {
        return MinRow.search(this, network, family, options);
    }
}
