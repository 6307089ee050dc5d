package kautz.device;

import kautz.isa.Program;
import kautz.ports.BitPlanes;

/**
 * Runs one program many times on the same array ({@code --runs N}): fresh random inputs each run, wear
 * accumulating, worn cells sticking, and each run's outputs compared with a healthy functional run of the
 * same inputs. Optional wear levelling rotates the program's cells through its row by one column per run.
 */
public final class RepeatedRuns {
    private RepeatedRuns() {}

    /**
     * @param firstMismatchRun the first run (1-based) with a wrong output row, 0 if none
     * @param mismatchesPerRun wrong rows per run
     * @param last             the report of the last run (its wear covers all runs)
     */
    public record Result(int runs, int firstMismatchRun, long[] mismatchesPerRun, long stuckCells, DeviceReport last) {}

    public static final int MAX_RUNS = 10_000_000;

    public static Result run(Program program, DeviceConfig config, int runs, boolean levelling, long inputSeed) {
        if (runs < 1 || runs > MAX_RUNS) throw new IllegalArgumentException("runs must lie between 1 and " + MAX_RUNS);
        DeviceSession device = new DeviceSession(config);
        DeviceSession reference = new DeviceSession(config.asIdeal());
        long[] mismatches = new long[runs];
        int first = 0;
        DeviceRun last = null;
        for (int k = 0; k < runs; k++) {
            long[][] in = BitPlanes.random(program.inputs().size(), config.rows(), inputSeed + k);
            last = device.run(program, in, levelling ? k : 0);
            long[][] expected = reference.run(program, in).outputs();
            mismatches[k] = BitPlanes.mismatchedRows(last.outputs(), expected, config.rows());
            if (mismatches[k] > 0 && first == 0) first = k + 1;
        }
        DeviceReport report = DeviceReport.of(device, last, runs);
        return new Result(runs, first, mismatches, device.crossbar().stuckCells(), report);
    }
}
