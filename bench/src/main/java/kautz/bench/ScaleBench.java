package kautz.bench;

import kautz.diag.Stage;
import kautz.flow.FlowOptions;
import kautz.isa.Program;
import kautz.isa.ProgramStats;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.mapped.MappedNetwork;
import kautz.mapping.TechnologyMapper;
import kautz.netlist.AigerWriter;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Scheduler;
import kautz.schedule.Schedulers;
import kautz.target.Families;
import kautz.target.GateFamily;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The scaling table of docs/scaling.md: for a generated network of ANDS ANDs ({@link ScaleNetworks}, written
 * to FILE.aig first unless it exists), the time and peak heap of each stage of the flow, one after another as
 * {@code kautz compile} runs them: read the file, optimise with the default script, map the optimised network
 * into FAMILY (default magic-nor), schedule with the default scheduler in an unlimited row. Prints one line per
 * stage and a table row: thread CPU time (wall time on a shared machine measures the other jobs too), and two
 * heap figures bracketing the stage's peak memory ({@link Sampler}), after a full collection before the stage.
 * When the heap runs out, one line names the stage and the exit code is 1.
 *
 * <pre>java -Xmx12g -cp bench/target/benchmarks.jar kautz.bench.ScaleBench ANDS FILE.aig [FAMILY]</pre>
 */
public final class ScaleBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ScaleBench() {}

    /** One stage's measurement. */
    record Measured(String stage, double wallSeconds, double cpuSeconds, long peakHeapBytes, long peakAfterGcBytes) {
        String cell() {
            return String.format(Locale.ROOT, "%.1f s, %s / %s", cpuSeconds, mb(peakAfterGcBytes), mb(peakHeapBytes));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ScaleBench ANDS FILE.aig [FAMILY]");
            System.exit(2);
        }
        int ands = Integer.parseInt(args[0].replace("_", ""));
        Path file = Path.of(args[1]);
        GateFamily family = Families.resolve(args.length == 3 ? args[2] : "magic-nor");
        if (!Files.isRegularFile(file)) {
            long t0 = System.nanoTime();
            Aig g = ScaleNetworks.generate(ands, 1);
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                AigerWriter.writeBinary(g, o);
            }
            System.err.printf(Locale.ROOT, "generated %s: %d ANDs in %.1f s%n", file, g.numAnds(), (System.nanoTime() - t0) / 1e9);
        }
        try {
            run(file, family);
        } catch (OutOfMemoryError e) {
            System.err.println("ScaleBench: " + Stage.outOfMemoryMessage());
            System.exit(1);
        }
    }

    private static void run(Path file, GateFamily family) {
        Sampler sampler = new Sampler();
        Holder<Design> design = new Holder<>();
        Measured read = measure("read", sampler, () -> design.value = DesignLoader.load(file, null));
        Aig source = design.value.network();
        String name = design.value.name();
        design.value = null;
        Holder<Aig> opt = new Holder<>();
        Measured optimise = measure("optimise", sampler, () -> opt.value = Pipeline.parse(Scripts.DEFAULT).run(source));
        int sourceAnds = source.numAnds(), optAnds = opt.value.numAnds();
        Holder<MappedNetwork> mapped = new Holder<>();
        Aig optimised = opt.value;
        opt.value = null;
        Measured map = measure("map", sampler, () -> mapped.value = TechnologyMapper.map(optimised, family, name, false));
        MappedNetwork m = mapped.value;
        mapped.value = null;
        FlowOptions fo = FlowOptions.defaults();
        ScheduleOptions so = new ScheduleOptions(fo.rowSize().limit(), fo.init(), fo.seed(), fo.budget(), false);
        Scheduler scheduler = Schedulers.defaultScheduler();
        Holder<Program> program = new Holder<>();
        Measured schedule = measure("schedule", sampler, () -> program.value = scheduler.schedule(m, family, so));
        ProgramStats s = program.value.stats();
        System.out.printf(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %s | %,d | %,d | %,d | %s |%n", sourceAnds, optAnds,
                read.cell(), optimise.cell(), map.cell(), schedule.cell(), m.gates().size(), s.cycles(), s.cells(),
                mb(Runtime.getRuntime().maxMemory()));
    }

    private static final class Holder<T> { T value; }

    private static Measured measure(String stage, Sampler sampler, Runnable work) {
        System.gc();
        sampler.reset();
        long cpu0 = THREADS.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        Stage.run(stage, (Supplier<Void>) () -> { work.run(); return null; });
        double wall = (System.nanoTime() - t0) / 1e9, cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long peak = sampler.peak(), afterGc = sampler.peakAfterGc();
        Measured m = new Measured(stage, wall, cpu, peak, afterGc);
        System.err.printf(Locale.ROOT, "%-8s %8.1f s wall %8.1f s CPU  peak heap in use %s, most left by a collection %s%n",
                stage, wall, cpu, mb(peak), mb(afterGc));
        return m;
    }

    private static String mb(long bytes) {
        return bytes >= 10L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }

    /**
     * The most heap in use since {@link #reset()}, sampled every 5 ms by a daemon thread (live data and garbage:
     * an upper bound of what the stage needs), and the most heap any collection left in use (live data at
     * those moments: a lower bound of the stage's peak).
     */
    private static final class Sampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();

        Sampler() {
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) heapPools.add(pool.getName());
            }
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                    if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                    long used = 0;
                    for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
                    }
                    afterGc.accumulateAndGet(used, Math::max);
                }, null, null);
            }
            Thread t = new Thread(() -> {
                while (true) {
                    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            t.setDaemon(true);
            t.start();
        }

        void reset() {
            peak.set(MEMORY.getHeapMemoryUsage().getUsed());
            afterGc.set(0);
        }

        long peakAfterGc() { return afterGc.get(); }

        long peak() { return Math.max(peak.get(), MEMORY.getHeapMemoryUsage().getUsed()); }
    }
}
