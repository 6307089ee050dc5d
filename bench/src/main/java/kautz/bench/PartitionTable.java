package kautz.bench;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.flow.PartitionLayout;
import kautz.flow.RowCheck;
import kautz.isa.PartitionModel;
import kautz.isa.PartitionRules;
import kautz.isa.Program;
import kautz.frontend.DesignLoader;
import kautz.schedule.PartitionScheduler;
import kautz.schedule.ScheduleOptions;
import kautz.sim.Interpreter;
import kautz.util.SharedBenchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The whole-circuit table of docs/PERFORMANCE.md ("Partitioned rows"): every shared NOR netlist and EPFL AIG
 * compiled by the flow's defaults (magic-nor, bulk init, unlimited row) for one undivided row, then the same
 * mapped network scheduled by {@code part} for 8, 16 and 32 partitions (as wide as needed) under the unlimited
 * and standard models; each program checked on 1024 random rows against the source and against the model's
 * rules. The 32-partition unlimited program is compiled through the whole flow, so its CPU time compares with
 * the undivided compile's. One markdown row per circuit on stdout, progress on stderr.
 *
 * <pre>java -Xmx6g -cp bench/target/benchmarks.jar kautz.bench.PartitionTable [CIRCUIT…]</pre>
 */
public final class PartitionTable {
    private static final int[] COUNTS = {8, 16, 32};
    private static final PartitionModel[] MODELS = {PartitionModel.UNLIMITED, PartitionModel.STANDARD};
    private static final int ROWS = 1024;

    private PartitionTable() {}

    public static void main(String[] args) throws Exception {
        Path dir = SharedBenchmarks.dir().orElse(null);
        if (dir == null) {
            System.err.println(SharedBenchmarks.MISSING);
            System.exit(1);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("nor-mapped/epfl"))) { s.filter(p -> p.toString().endsWith(".v")).sorted().forEach(files::add); }
        try (Stream<Path> s = Files.list(dir.resolve("epfl"))) { s.filter(p -> p.toString().endsWith(".aig")).sorted().forEach(files::add); }
        List<String> only = List.of(args);
        StringBuilder head = new StringBuilder("| circuit | gates | 1 partition |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (PartitionModel m : MODELS) for (int k : COUNTS) { head.append(' ').append(m.label(), 0, 1).append(k).append(" |"); rule.append("---:|"); }
        head.append(" CPU s 1 / U32 |");
        rule.append("---:|");
        System.out.println(head);
        System.out.println(rule);
        double[] logSum = new double[MODELS.length * COUNTS.length];
        int circuits = 0;
        boolean allGood = true;
        for (Path f : files) {
            String name = (f.getParent().getFileName().toString().equals("epfl") && f.toString().endsWith(".v") ? "nor/" : "aig/")
                    + f.getFileName().toString().replaceFirst("\\.(v|aig)$", "");
            if (!only.isEmpty() && only.stream().noneMatch(name::endsWith)) continue;
            System.err.println("PartitionTable: " + name);
            var design = DesignLoader.load(f, null);
            long t0 = cpuMs();
            Compiled serial = Flow.compile(design, FlowOptions.defaults());
            long serialMs = cpuMs() - t0;
            long one = serial.program().stats().cycles();
            StringBuilder row = new StringBuilder("| " + name + " | " + serial.program().stats().gates() + " | " + one + " |");
            long partMs = 0;
            int col = 0;
            for (PartitionModel m : MODELS) {
                for (int k : COUNTS) {
                    Program p;
                    if (m == PartitionModel.UNLIMITED && k == 32) {
                        long t1 = cpuMs();
                        p = Flow.compile(design, FlowOptions.defaults().withPartitions(new PartitionLayout(k, null), m)).program();
                        partMs = cpuMs() - t1;
                    } else {
                        ScheduleOptions so = new ScheduleOptions(ScheduleOptions.UNLIMITED, serial.program().initModel(), 1,
                                FlowOptions.defaults().budget()).withPartitions(k, null, m);
                        p = new PartitionScheduler().schedule(serial.mapped(), serial.family(), so);
                    }
                    int bad = RowCheck.random(p, design.network(), new Interpreter(), ROWS, 7).mismatches();
                    String illegal = PartitionRules.isLegal(p) ? null : PartitionRules.check(p).get(0).message(p.model());
                    long cycles = p.stats().cycles();
                    double speedup = (double) one / cycles;
                    logSum[col++] += Math.log(speedup);
                    row.append(String.format(Locale.ROOT, " %d (%.1fx)%s |", cycles, speedup,
                            bad != 0 ? " **" + bad + " rows differ**" : illegal != null ? " **illegal**" : ""));
                    if (bad != 0 || illegal != null) {
                        allGood = false;
                        System.err.println("PartitionTable: " + name + " " + m.label() + " " + k + ": " + bad + " mismatches, " + illegal);
                    }
                }
            }
            row.append(String.format(Locale.ROOT, " %.1f / %.1f |", serialMs / 1000.0, partMs / 1000.0));
            System.out.println(row);
            System.out.flush();
            circuits++;
        }
        StringBuilder geo = new StringBuilder("| geometric mean speedup | | |");
        for (double s : logSum) geo.append(String.format(Locale.ROOT, " %.2fx |", Math.exp(s / Math.max(1, circuits))));
        geo.append(" |");
        System.out.println(geo);
        System.out.println();
        System.out.println(allGood ? "every program: 0 mismatches on " + ROWS + " random rows and legal under its model"
                : "SOME PROGRAMS FAILED (see stderr)");
    }

    private static long cpuMs() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }
}
