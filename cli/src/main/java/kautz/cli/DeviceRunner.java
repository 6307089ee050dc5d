package kautz.cli;

import kautz.device.DeviceConfig;
import kautz.device.DeviceReport;
import kautz.device.DeviceRun;
import kautz.device.DeviceSession;
import kautz.device.RepeatedRuns;
import kautz.isa.Program;
import kautz.ports.BitPlanes;

import java.io.PrintWriter;

/**
 * Runs a program on the device engine for a command that already ran it functionally: one run (mismatches
 * against the functional outputs), or {@code --runs N} repeated runs (wear, stuck cells, when mismatches begin).
 */
final class DeviceRunner {
    private DeviceRunner() {}

    record Outcome(DeviceReport report, long mismatches) {}

    static Outcome run(Program p, long[][] in, long[][] functional, int rows, long seed, DeviceOptions options, PrintWriter err) {
        DeviceConfig config = options.config(rows, seed);
        if (options.runs() > 1) {
            RepeatedRuns.Result r = RepeatedRuns.run(p, config, options.runs(), options.wearLevelling(), seed);
            long total = 0;
            for (long m : r.mismatchesPerRun()) total += m;
            err.println("kautz: " + r.runs() + " runs" + (options.wearLevelling() ? " with wear levelling" : "") + ": "
                    + (r.firstMismatchRun() == 0 ? "no mismatches" : "mismatches begin at run " + r.firstMismatchRun())
                    + ", " + r.stuckCells() + " cells stuck, " + total + " wrong rows in all");
            return new Outcome(r.last(), r.mismatchesPerRun()[r.runs() - 1]);
        }
        DeviceSession s = new DeviceSession(config);
        DeviceRun run = s.run(p, in);
        return new Outcome(DeviceReport.of(s, run, 1), BitPlanes.mismatchedRows(run.outputs(), functional, rows));
    }
}
