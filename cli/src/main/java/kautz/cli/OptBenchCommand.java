package kautz.cli;

import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.RandomSimulation;
import kautz.opt.Scripts;
import kautz.opt.StrashPass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code kautz optbench FILES...}: the measurement behind docs/PERFORMANCE.md's optimisation table: read
 * and strash time (median of --repeat runs), the script's effect and time, and a random-simulation check of
 * every result against its input.
 */
@Command(name = "optbench", mixinStandardHelpOptions = true,
        header = "Benchmark reading and optimising networks, checking every result.",
        description = {
                "Benchmark reading and optimisation: for each file, the read+strash time (median of --repeat",
                "runs), ANDs and depth before and after the script, its wall-clock and CPU time (the optimiser is",
                "single-threaded), and whether the result agrees",
                "with the input on --rows random rows. Exit code 1 if any result disagrees."})
public final class OptBenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "networks to measure (.aig .aag .blif .bench .v)")
    List<Path> files;

    @Option(names = {"-p", "--script"}, paramLabel = "SCRIPT", description = "the pass script (default: the default script)")
    String script;

    @Option(names = "--repeat", paramLabel = "N", description = "read+strash repetitions, median reported (default: ${DEFAULT-VALUE})")
    int repeat = 3;

    @Option(names = "--rows", paramLabel = "N", description = "random rows of the equivalence check (default: ${DEFAULT-VALUE})")
    int rows = 4096;

    @Option(names = "--prove", description = "also prove each result equivalent with the SAT-based checker (kautz.verify)")
    boolean prove;

    @Option(names = "--prove-timeout", paramLabel = "SECONDS", description = "time limit of each proof (default: ${DEFAULT-VALUE})")
    int proveTimeout = 60;

    @Option(names = "--json", description = "one JSON object per file (JSON lines; keys: docs/json.md) instead of the table")
    boolean json;

    @Override
    public void run() {
        if (repeat < 1 || rows < 64) throw new UsageError("--repeat must be at least 1 and --rows at least 64");
        PrintWriter out = spec.commandLine().getOut();
        Pipeline pipeline = Pipeline.parse(script != null ? script : Scripts.DEFAULT);
        if (!json) out.println("script: " + pipeline);
        if (!json) out.printf("%-12s %7s %7s %9s %9s %7s %7s %7s %11s %9s %9s %s%n", "benchmark", "inputs", "outputs",
                "ANDs", "after", "change", "depth", "after", "read+strash", "opt", "opt cpu", "equivalent");
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long totalOpt = 0, totalCpu = 0, totalBefore = 0, totalAfter = 0;
        boolean allEqual = true;
        for (Path f : files) {
            long[] readTimes = new long[repeat];
            Design d = null;
            Aig strashed = null;
            for (int r = 0; r < repeat; r++) {
                long t = System.nanoTime();
                d = DesignLoader.load(f, null);
                strashed = new StrashPass().run(d.network());
                readTimes[r] = System.nanoTime() - t;
            }
            Arrays.sort(readTimes);
            long t = System.nanoTime(), c = cpu.getCurrentThreadCpuTime();
            Aig after = pipeline.run(strashed);
            long opt = System.nanoTime() - t, optCpu = cpu.getCurrentThreadCpuTime() - c;
            boolean equal = RandomSimulation.firstDifference(strashed, after, rows / 64, 1) < 0;
            String verdict = equal ? "yes" : "NO";
            if (prove && equal && after.sameStructure(strashed)) {
                verdict = "identical"; // the script changed nothing: there is nothing to prove
            } else if (prove && equal) {
                long p0 = System.nanoTime();
                kautz.verify.CecResult r = kautz.verify.EquivalenceChecker.check(strashed, after, "input", "result",
                        kautz.verify.CecOptions.defaults().withTimeout(java.time.Duration.ofSeconds(proveTimeout)));
                equal = !(r instanceof kautz.verify.CecResult.NotEquivalent);
                verdict = (r instanceof kautz.verify.CecResult.Equivalent ? "proven" : equal ? "undecided" : "DIFFERENT")
                        + String.format(" (%.1f s)", (System.nanoTime() - p0) / 1e9);
            }
            allEqual &= equal;
            totalOpt += opt;
            totalCpu += optCpu;
            totalBefore += strashed.numAnds();
            totalAfter += after.numAnds();
            if (json) {
                out.println(new kautz.util.Json().put("benchmark", d.name()).put("script", pipeline.toString())
                        .put("inputs", strashed.numInputs()).put("outputs", strashed.numOutputs())
                        .put("ands", strashed.numAnds()).put("andsAfter", after.numAnds()).put("depth", strashed.depth())
                        .put("depthAfter", after.depth()).put("readMs", readTimes[repeat / 2] / 1e6).put("optMs", opt / 1e6)
                        .put("optCpuMs", optCpu / 1e6).put("equivalent", equal).put("check", verdict));
                out.flush();
                continue;
            }
            out.printf("%-12s %7d %7d %9d %9d %6.1f%% %7d %7d %8.0f ms %6.0f ms %6.0f ms %s%n", d.name(), strashed.numInputs(),
                    strashed.numOutputs(), strashed.numAnds(), after.numAnds(),
                    100.0 * (after.numAnds() - strashed.numAnds()) / Math.max(1, strashed.numAnds()),
                    strashed.depth(), after.depth(), readTimes[repeat / 2] / 1e6, opt / 1e6, optCpu / 1e6, verdict);
            out.flush();
        }
        if (!json) out.printf("%-12s %7s %7s %9d %9d %6.1f%% %7s %7s %11s %6.0f ms %6.0f ms%n", "total", "", "", totalBefore, totalAfter,
                100.0 * (totalAfter - totalBefore) / Math.max(1, totalBefore), "", "", "", totalOpt / 1e6, totalCpu / 1e6);
        if (!allEqual) throw new UserError("optbench: some results differ from their inputs (see the table)");
    }
}
