package kautz.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the engine benchmarks in one JMH run and prints the table for docs/PERFORMANCE.md: row-gate
 * evaluations per second per engine, the JIT/interpreter ratio from the same run, the JIT variants and the
 * class generation time. {@code java -jar bench/target/benchmarks.jar [--quick]}; plain JMH options work
 * through {@code java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main}.
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(EngineThroughput.class.getSimpleName())
                .include(JitVariants.class.getSimpleName())
                .include(ClassGeneration.class.getSimpleName())
                .forks(1)
                .jvmArgs("-Xmx6g", "-Xss16m")
                .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 10).measurementTime(TimeValue.seconds(1));
        Collection<RunResult> results = new Runner(o.build()).run();

        Map<String, Long> gates = new HashMap<>();
        Map<String, String> scheduler = new HashMap<>();
        for (String c : List.of("sin", "arbiter")) {
            kautz.flow.Compiled l = BenchPrograms.epfl(c);
            gates.put(c, (long) l.program().stats().gates());
            scheduler.put(c, l.scheduler() + ", " + l.program().stats().cells() + " cells");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("\n| benchmark | circuit (gates; schedule) | variant | rows | ms per run (median, ±99.9% CI) | row-gate evals/s |\n");
        sb.append("|---|---|---|---|---|---|\n");
        Map<String, Double> median = new HashMap<>();
        List<String> gen = new ArrayList<>();
        for (RunResult r : results) {
            var params = r.getParams();
            String bench = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.', params.getBenchmark().lastIndexOf('.') - 1) + 1);
            var stats = r.getPrimaryResult().getStatistics();
            double ms = stats.getPercentile(50);
            if (bench.startsWith("ClassGeneration")) {
                gen.add(String.format(Locale.ROOT, "| %s | %s | %.0f ms (median of %d) |", bench, params.getParam("program"), ms, stats.getN()));
                continue;
            }
            String circuit = params.getParam("circuit");
            int rows = Integer.parseInt(params.getParam("rows"));
            String variant = params.getParam("engine") != null ? params.getParam("engine") : params.getParam("variant");
            double evals = gates.get(circuit) * (double) rows / (ms / 1000);
            median.put(circuit + "/" + variant, ms);
            sb.append(String.format(Locale.ROOT, "| %s | %s (%d; %s) | %s | %d | %.3f ± %.3f | %.3g |%n", bench, circuit, gates.get(circuit),
                    scheduler.get(circuit), variant, rows, ms, r.getPrimaryResult().getScoreError(), evals));
        }
        sb.append("\n| circuit | JIT / interpreter speed-up (same run) |\n|---|---|\n");
        for (String c : List.of("sin", "arbiter")) {
            Double i = median.get(c + "/interp"), j = median.get(c + "/jit");
            if (i != null && j != null) sb.append(String.format(Locale.ROOT, "| %s | %.1fx |%n", c, i / j));
        }
        sb.append("\n| benchmark | program | generate + define + instantiate |\n|---|---|---|\n");
        for (String g : gen) sb.append(g).append('\n');
        System.out.println(sb);
    }
}
