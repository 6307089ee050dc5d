package kautz.cli;

import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.flow.Reports;
import kautz.flow.RowCheck;
import kautz.flow.RowSize;
import kautz.isa.ProgramStats;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.schedule.RowTooSmallException;
import kautz.schedule.SimplerReference;
import kautz.engines.Engines;
import kautz.util.Json;
import kautz.util.SharedBenchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code kautz bench FILES...}: one row per benchmark (gates, row, cycles, re-init cycles, cells, time), a
 * check of each program on random rows against the source, and SIMPLER's published numbers beside ours
 * when the file is listed in the shared REFERENCE.tsv.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Compile benchmarks and report their counts, beside SIMPLER's published numbers.",
        description = {
                "Compile each file and report one row per benchmark: gates, row size, cycles, re-init cycles,",
                "cells and compile time, wall and CPU (median of --repeat runs); every program is run on --rows random",
                "rows and compared with the source network (mismatches). When the file's name is listed in",
                "../shared/benchmarks/REFERENCE.tsv (SIMPLER MAGIC on the NOR-mapped EPFL netlists), SIMPLER's",
                "row and cycles for the same row setting are shown with the ratio. --row-size simpler uses",
                "SIMPLER's minimum row of each file. Exit code 1 if any program mismatches."})
public final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "designs to compile (.kz .aig .aag .blif .bench .v)")
    List<Path> files;

    @Mixin FlowMixin flow;

    @Option(names = "--rows", paramLabel = "N", description = "random rows each program is checked on (default: ${DEFAULT-VALUE})")
    int rows = 1024;

    @Option(names = "--repeat", paramLabel = "N", description = "compilations per file, median time reported (default: ${DEFAULT-VALUE})")
    int repeat = 1;

    @Option(names = "--json", description = "one JSON object per benchmark (JSON lines)")
    boolean json;

    @Override
    public void run() {
        if (rows < 1 || repeat < 1) throw new UsageError("--rows and --repeat must be at least 1");
        PrintWriter out = spec.commandLine().getOut();
        Map<String, SimplerReference> reference = SharedBenchmarks.dir().map(d -> d.resolve("REFERENCE.tsv"))
                .filter(Files::isRegularFile).<Map<String, SimplerReference>>map(SimplerReference::read).orElse(Map.of());
        boolean simplerRow = "simpler".equals(flow.rowSize);
        if (!json) {
            out.printf("%-12s %7s %7s %8s %7s %7s %9s %9s %9s  %s%n", "benchmark", "gates", "row", "cycles", "reinit",
                    "cells", "time", "cpu", "mismatch", "SIMPLER row/cycles (ours/theirs)");
        }
        int bad = 0;
        for (Path f : files) {
            String stem = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            SimplerReference ref = reference.get(stem);
            FlowOptions options = flow.options(simplerRow ? null : flow.rowSize);
            if (simplerRow) {
                if (ref == null) throw new UserError(f + ": --row-size simpler needs the file in REFERENCE.tsv");
                options = options.withRowSize(RowSize.of(ref.minRow()));
            }
            Design design = DesignLoader.load(f, flow.kernel);
            long[] times = new long[repeat];
            long[] cpu = new long[repeat];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Compiled c = null;
            long t = 0, tc = 0;
            try {
                for (int r = 0; r < repeat; r++) {
                    t = System.nanoTime();
                    tc = threads.getCurrentThreadCpuTime();
                    c = Flow.compile(design, options);
                    times[r] = System.nanoTime() - t;
                    cpu[r] = threads.getCurrentThreadCpuTime() - tc;
                }
            } catch (RowTooSmallException e) { // one benchmark that does not fit is a result, not the end of the table
                if (files.size() == 1) throw e;
                int row = options.rowSize().limit();
                int known = ref == null ? Integer.MIN_VALUE : theirCycles(ref, options.rowSize(), row);
                String theirs = known == Integer.MIN_VALUE ? "-" : known == SimplerReference.FAIL ? "SIMPLER fails too" : "SIMPLER fits";
                if (json) {
                    Json j = new Json().put("benchmark", stem).put("fits", false);
                    if (e.smallestWorking() > 0) j.put("smallestRow", e.smallestWorking());
                    if (e.foundWorking() > 0) j.put("fitsInRow", e.foundWorking());
                    if (e.lowerBound() > 0) j.put("rowLowerBound", e.lowerBound());
                    out.println(j);
                }
                else out.printf("%-12s %7s %7d %8s %7s %7s %6.0f ms %6.0f ms %9s  %s%n", stem, "-", row, "fail", "-", "-",
                        (System.nanoTime() - t) / 1e6, (threads.getCurrentThreadCpuTime() - tc) / 1e6, "-", "needs " + e.needs() + "; " + theirs);
                out.flush();
                continue;
            }
            java.util.Arrays.sort(times);
            java.util.Arrays.sort(cpu);
            double ms = times[repeat / 2] / 1e6;
            double cpuMs = cpu[repeat / 2] / 1e6;
            ProgramStats s = c.program().stats();
            int mismatches = RowCheck.random(c.program(), design.network(), Engines.select(Engines.DEFAULT, c.program(), rows), rows, flow.seed).mismatches();
            if (mismatches > 0) bad++;
            String compare = compare(ref, options.rowSize(), c.program().rowSize(), s.cycles())
                    + (c.resynthesised() ? "; rebuilt by pass " + c.resynthesis() + " (same function, other structure)" : "");
            if (json) {
                Json j = new Json().put("benchmark", stem).put("target", c.family().name()).put("scheduler", c.scheduler())
                        .put("gates", s.gates()).put("rowSize", c.program().rowSize()).put("cycles", s.cycles())
                        .put("initCycles", s.initCycles()).put("cells", s.cells()).put("ms", ms).put("cpuMs", cpuMs).put("rows", rows)
                        .put("mismatches", mismatches);
                Reports.partitions(j, c.program());
                if (c.resynthesised()) j.put("resynthesis", c.resynthesis());
                if (ref != null) {
                    j.put("simplerMinRow", ref.minRow());
                    int theirs = theirCycles(ref, options.rowSize(), c.program().rowSize());
                    if (theirs != Integer.MIN_VALUE) j.put("simplerCycles", theirs);
                }
                out.println(j);
            } else {
                out.printf("%-12s %7d %7d %8d %7d %7d %6.0f ms %6.0f ms %9d  %s%n", stem, s.gates(), c.program().rowSize(), s.cycles(),
                        s.initCycles(), s.cells(), ms, cpuMs, mismatches, compare);
            }
            out.flush();
        }
        if (bad > 0) throw new UserError(bad + " benchmark(s) gave wrong results on random rows");
    }

    /** SIMPLER's cycles for the same setting: its own minimum row for {@code min}, else the row used; MIN_VALUE if not in the table. */
    private static int theirCycles(SimplerReference ref, RowSize asked, int row) {
        if (asked.minimise()) return ref.cyclesMin();
        if (row == ref.minRow() || row == 512 || row == 1024) return ref.cyclesAt(row);
        return Integer.MIN_VALUE;
    }

    private static String compare(SimplerReference ref, RowSize asked, int row, long cycles) {
        if (ref == null) return "-";
        if (asked.minimise()) {
            return String.format("row %d/%d (%+.1f%%), cycles %d/%d", row, ref.minRow(), 100.0 * (row - ref.minRow()) / ref.minRow(),
                    cycles, ref.cyclesMin());
        }
        int theirs = theirCycles(ref, asked, row);
        if (theirs == Integer.MIN_VALUE) return "min row " + ref.minRow() + " (cycles known at --row-size simpler, min, 512, 1024)";
        if (theirs == SimplerReference.FAIL) return "cycles " + cycles + "/SIMPLER fails at " + row;
        return String.format("cycles %d/%d (%+.1f%%)", cycles, theirs, 100.0 * (cycles - theirs) / theirs);
    }
}
