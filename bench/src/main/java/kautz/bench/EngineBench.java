package kautz.bench;

import kautz.isa.Program;
import kautz.isa.RandomPrograms;
import kautz.jit.JitEngine;
import kautz.ports.BitPlanes;
import kautz.sim.Engine;
import kautz.engines.Engines;
import kautz.sim.Executable;
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
 * Runs the engine benchmarks and prints the tables for docs/PERFORMANCE.md: JMH's wall-clock results
 * (row-gate evaluations per second per engine, the JIT variants, class generation), then the same
 * quantities as medians of thread CPU time measured in this process, with the JIT/interpreter ratio from
 * the same run. {@code java -jar bench/target/benchmarks.jar [--quick] [--no-jmh] [--variants V1,V2,…]}; the
 * variants (for the CPU-time part, on both circuits; JitVariants' list by default, {@code none} for none) are
 * {@link JitVariants#options} strings, e.g. {@code PER_BLOCK-locals-1500-256-vector} (that one uses jdk.incubator.vector only if the JVM runs
 * with {@code --add-modules jdk.incubator.vector}). {@code --rounds N [--circuit arbiter] --variants interp,jit,V…}
 * instead compares them in N interleaved rounds ({@link InterleavedRounds}); {@code --one-shot V [--circuit C]
 * [--rows R]} prints the process CPU of preparing V and running it once (what one command pays).
 */
public final class EngineBench {
    private static final int ROWS = 65_536;
    private static final List<String> CIRCUITS = List.of("sin", "arbiter");

    private EngineBench() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        StringBuilder sb = new StringBuilder();
        Map<String, Program> programs = new HashMap<>();
        Map<String, String> scheduled = new HashMap<>();
        for (String c : CIRCUITS) {
            kautz.flow.Compiled l = BenchPrograms.epfl(c);
            programs.put(c, l.program());
            scheduled.put(c, l.scheduler() + ", " + l.program().stats().cells() + " cells");
        }
        int v = List.of(args).indexOf("--variants");
        List<String> variants = v >= 0 && v + 1 < args.length ? List.of(args[v + 1].split(",")) : new JitVariants().variants();
        if (variants.equals(List.of("none"))) variants = List.of();
        int r = List.of(args).indexOf("--rounds"), c = List.of(args).indexOf("--circuit"), once = List.of(args).indexOf("--one-shot");
        if (once >= 0 && once + 1 < args.length) {
            String circuit = c >= 0 && c + 1 < args.length ? args[c + 1] : "arbiter";
            int rw = List.of(args).indexOf("--rows");
            oneShot(programs.get(circuit), circuit, args[once + 1], rw >= 0 && rw + 1 < args.length ? Integer.parseInt(args[rw + 1]) : 262_144);
            return;
        }
        if (r >= 0 && r + 1 < args.length) {
            String circuit = c >= 0 && c + 1 < args.length ? args[c + 1] : "arbiter";
            InterleavedRounds.run(BenchPrograms.epfl(circuit).program(), circuit, variants, Integer.parseInt(args[r + 1]), ROWS, sb);
            System.out.println(sb);
            return;
        }
        if (!List.of(args).contains("--no-jmh")) jmh(quick, programs, scheduled, sb);
        cpu(quick, programs, scheduled, variants, sb);
        System.out.println(sb);
    }

    /**
     * What one command pays: this process's CPU (all threads, HotSpot's compilers included) to generate the class
     * for the engine or JIT variant and run it once; meant for a fresh JVM per measurement.
     */
    private static void oneShot(Program p, String circuit, String variant, int rows) {
        long[][] in = BitPlanes.random(p.inputs().size(), rows, 7);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime(), wall = System.nanoTime();
        Engine e = variant.equals("interp") || variant.equals("jit") ? Engines.byName(variant) : new JitEngine(JitVariants.options(variant));
        e.prepare(p).run(in, rows);
        System.out.printf(Locale.ROOT, "%s %s %d rows, prepare + one run: process CPU %.2f s, wall %.2f s%n",
                circuit, variant, rows, (os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9);
    }

    private static String describe(String circuit, Map<String, Program> programs, Map<String, String> scheduled) {
        return circuit + " (" + programs.get(circuit).stats().gates() + " gates; " + scheduled.get(circuit) + ")";
    }

    private static double evals(Program p, double ms) { return p.stats().gates() * (double) ROWS / (ms / 1000); }

    private static String only(Class<?> benchmark) { return "^" + java.util.regex.Pattern.quote(benchmark.getName() + "."); }

    private static void jmh(boolean quick, Map<String, Program> programs, Map<String, String> scheduled, StringBuilder sb) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                // exact class names: a plain "EngineThroughput" would also match DeviceEngineThroughput
                .include(only(EngineThroughput.class))
                .include(only(JitVariants.class))
                .include(only(ClassGeneration.class))
                .forks(1)
                .jvmArgs("-Xmx6g", "-Xss16m")
                .warmupIterations(quick ? 3 : 15).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 10).measurementTime(TimeValue.seconds(1));
        Collection<RunResult> results = new Runner(o.build()).run();
        sb.append("\nJMH (wall clock, 1 fork):\n\n| benchmark | circuit | engine / variant | ms per run (median; score ± 99.9% CI) | row-gate evals/s |\n");
        sb.append("|---|---|---|---|---|\n");
        Map<String, Double> median = new HashMap<>();
        List<String> gen = new ArrayList<>();
        for (RunResult r : results) {
            var params = r.getParams();
            String name = params.getBenchmark();
            String bench = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            var stats = r.getPrimaryResult().getStatistics();
            double ms = stats.getPercentile(50);
            if (bench.startsWith("ClassGeneration")) {
                gen.add(String.format(Locale.ROOT, "| %s | %s | %.0f ms (median of %d shots) |", bench, params.getParam("program"), ms, stats.getN()));
                continue;
            }
            String circuit = params.getParam("circuit");
            String variant = params.getParam("engine") != null ? params.getParam("engine") : params.getParam("variant");
            median.put(circuit + "/" + variant, ms);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f (%.2f ± %.2f) | %.3g |%n", bench, describe(circuit, programs, scheduled),
                    variant, ms, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(), evals(programs.get(circuit), ms)));
        }
        sb.append("\n| circuit | JIT / interpreter (JMH medians, same run) |\n|---|---|\n");
        for (String c : CIRCUITS) {
            Double i = median.get(c + "/interp"), j = median.get(c + "/jit");
            if (i != null && j != null) sb.append(String.format(Locale.ROOT, "| %s | %.2fx |%n", c, i / j));
        }
        sb.append("\n| benchmark | program | generate + define + instantiate (wall) |\n|---|---|---|\n");
        for (String g : gen) sb.append(g).append('\n');
    }

    private static void cpu(boolean quick, Map<String, Program> programs, Map<String, String> scheduled, List<String> variants, StringBuilder sb) {
        double warm = quick ? 4 : 10;
        int runs = quick ? 7 : 15;
        sb.append("\nThread CPU time (this process, median of ").append(runs).append(" runs after at least ").append(warm).append(" s of warm-up and until stable):\n\n");
        sb.append("| circuit | engine / variant | ms per run | row-gate evals/s |\n|---|---|---|---|\n");
        Map<String, Double> ms = new HashMap<>();
        for (String c : CIRCUITS) {
            for (String e : List.of("interp", "jit")) {
                double t = time(Engines.byName(e), programs.get(c), warm, runs);
                ms.put(c + "/" + e, t);
                sb.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.3g |%n", describe(c, programs, scheduled), e, t, evals(programs.get(c), t)));
            }
        }
        for (String c : CIRCUITS) {
            for (String v : variants) {
                double t = time(new JitEngine(JitVariants.options(v)), programs.get(c), warm, runs);
                sb.append(String.format(Locale.ROOT, "| %s | jit %s | %.2f | %.3g |%n", describe(c, programs, scheduled), v, t, evals(programs.get(c), t)));
            }
        }
        sb.append("\n| circuit | JIT / interpreter (CPU medians, same run) |\n|---|---|\n");
        for (String c : CIRCUITS) sb.append(String.format(Locale.ROOT, "| %s | %.2fx |%n", c, ms.get(c + "/interp") / ms.get(c + "/jit")));
        sb.append("\n| program | generate + define + instantiate (CPU, median of 5) |\n|---|---|\n");
        Program chain = RandomPrograms.chain(200_000, 1);
        for (Map.Entry<String, Program> e : List.of(Map.entry("chain of 200,000 NOR gates (" + chain.ops().size() + " ops)", chain),
                Map.entry("sin", programs.get("sin")))) {
            double t = CpuTimer.medianMs(() -> new JitEngine().prepare(e.getValue()), 0, 5);
            sb.append(String.format(Locale.ROOT, "| %s | %.0f ms |%n", e.getKey(), t));
        }
    }

    private static double time(Engine engine, Program p, double warm, int runs) {
        Executable x = engine.prepare(p);
        long[][] in = BitPlanes.random(p.inputs().size(), ROWS, 7);
        return CpuTimer.medianMs(() -> x.run(in, ROWS), warm, runs);
    }
}
