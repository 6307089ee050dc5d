package kautz.cli;

import kautz.diag.UserError;
import kautz.device.DeviceConfig;
import kautz.device.DeviceReport;
import kautz.device.DeviceRun;
import kautz.device.DeviceSession;
import kautz.device.RepeatedRuns;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import kautz.util.Json;

/**
 * Runs a program on the device engine for a command that already ran it functionally: one run (mismatches
 * against the functional outputs), or {@code --runs N} repeated runs (wear, stuck cells, when mismatches
 * begin; with {@code --wear-levelling} also without it, to measure the gain).
 */
final class DeviceRunner {
    private DeviceRunner() {}

    /**
     * @param mismatches       wrong rows of the (last) run
     * @param repeated         the repeated runs, or null for one run
     * @param unlevelled       with --wear-levelling: the same runs without it, for the gain; else null
     */
    record Outcome(DeviceReport report, long mismatches, RepeatedRuns.Result repeated, RepeatedRuns.Result unlevelled) {
        Json appendTo(Json j) {
            j.put("mismatches", mismatches);
            report.appendTo(j);
            if (repeated != null) {
                j.put("runs", repeated.runs()).put("firstMismatchRun", repeated.firstMismatchRun()).put("totalMismatches", total(repeated));
                if (unlevelled != null) j.put("firstMismatchRunUnlevelled", unlevelled.firstMismatchRun());
            }
            return j;
        }

        String text() {
            StringBuilder sb = new StringBuilder("mismatches " + mismatches + " (device outputs against the functional engine)\n");
            sb.append(report.text());
            if (repeated != null) {
                sb.append('\n').append(describe(repeated, unlevelled != null ? "with wear levelling" : ""));
                if (unlevelled != null) sb.append('\n').append(describe(unlevelled, "without wear levelling"));
            }
            return sb.toString();
        }
    }

    private static long total(RepeatedRuns.Result r) {
        long t = 0;
        for (long m : r.mismatchesPerRun()) t += m;
        return t;
    }

    private static String describe(RepeatedRuns.Result r, String how) {
        return r.runs() + " runs" + (how.isEmpty() ? "" : " " + how) + ": "
                + (r.firstMismatchRun() == 0 ? "no mismatches" : "mismatches begin at run " + r.firstMismatchRun())
                + ", " + r.stuckCells() + " cells stuck, " + total(r) + " wrong rows in all";
    }

    static Outcome run(Program p, long[][] in, long[][] functional, int rows, long seed, DeviceOptions options) {
        DeviceConfig config = options.config(rows, seed);
        if (options.wearLevelling() && options.runs() > 1 && !p.partitions().isSingle()) {
            throw new UserError("--wear-levelling rotates cells across partition boundaries; a program on partitions "
                    + p.partitions() + " cannot be rotated");
        }
        if (options.runs() > 1) {
            RepeatedRuns.Result r = RepeatedRuns.run(p, config, options.runs(), options.wearLevelling(), seed);
            RepeatedRuns.Result plain = options.wearLevelling() ? RepeatedRuns.run(p, config, options.runs(), false, seed) : null;
            return new Outcome(r.last(), r.mismatchesPerRun()[r.runs() - 1], r, plain);
        }
        DeviceSession s = new DeviceSession(config);
        DeviceRun run = s.run(p, in);
        return new Outcome(DeviceReport.of(s, run, 1), BitPlanes.mismatchedRows(run.outputs(), functional, rows), null, null);
    }
}
