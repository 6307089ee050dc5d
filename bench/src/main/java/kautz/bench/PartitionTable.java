package kautz.bench;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.flow.PartitionLayout;
import kautz.flow.RowCheck;
import kautz.frontend.DesignLoader;
import kautz.isa.PartitionModel;
import kautz.isa.PartitionRules;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.schedule.PartitionScheduler;
import kautz.schedule.ScheduleOptions;
import kautz.sim.Interpreter;
import kautz.util.SharedBenchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-circuit table of docs/partitions.md: every shared NOR netlist and EPFL AIG compiled by the flow's
 * defaults (magic-nor, bulk init, unlimited row) for one undivided row, then the same mapped network scheduled by
 * {@code part} for 8, 16 and 32 partitions (as wide as needed) under the unlimited and standard models; each
 * program checked on {@link #ROWS} random rows against the source and against the model's rules (a wrong or
 * illegal program is an error, never a row of the table). The 32-partition unlimited program is compiled through
 * the whole flow, so its CPU time compares with the undivided compile's. The counts are committed in
 * {@code bench/qor/partitions.tsv}, which {@code PartitionTableTest} recomputes.
 *
 * <pre>java -Xmx4g -cp bench/target/benchmarks.jar kautz.bench.PartitionTable [--tsv FILE] [--print] [CIRCUIT…]</pre>
 * measures the circuits named (all without names; {@code nor/adder}, {@code aig/sin}, …), merges their counts
 * into {@code FILE} and prints the markdown table of every row there (progress on stderr); {@code --print}
 * measures nothing and only prints the table of {@code FILE}.
 */
public final class PartitionTable {
    static final int[] COUNTS = {8, 16, 32};
    static final PartitionModel[] MODELS = {PartitionModel.UNLIMITED, PartitionModel.STANDARD};
    static final int ROWS = 1024;
    static final String HEADER = "circuit\tgates\tone\tmodel\tpartitions\tcycles\tcells\tcpuMs";

    /**
     * One measured program.
     *
     * @param circuit  {@code nor/NAME} (a NOR netlist as mapped) or {@code aig/NAME} (an EPFL AIG through the flow)
     * @param gates    gates of the undivided program
     * @param one      cycles of the undivided program
     * @param model    the partition model
     * @param k        partitions
     * @param cycles   cycles of the partitioned program
     * @param cells    its cells (highest cell used + 1)
     * @param cpuMs    CPU time of its compile (informational, never compared; for the undivided row under
     *                 {@code one}: see {@link #serialMs})
     * @param serialMs CPU time of the undivided compile (informational)
     */
    record Row(String circuit, int gates, long one, PartitionModel model, int k, long cycles, long cells, long cpuMs, long serialMs) {
        String key() { return circuit + " " + model.label() + " " + k; }

        String toTsv() {
            return String.join("\t", circuit, Integer.toString(gates), Long.toString(one), model.label(), Integer.toString(k),
                    Long.toString(cycles), Long.toString(cells), cpuMs + "/" + serialMs);
        }

        static Row parse(String line, String where) {
            String[] f = line.split("\t", -1);
            if (f.length != 8) throw new IllegalArgumentException(where + ": expected 8 tab-separated fields, got " + f.length);
            String[] cpu = f[7].split("/");
            return new Row(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), PartitionModel.parse(f[3]), Integer.parseInt(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(cpu[0]), Long.parseLong(cpu[1]));
        }
    }

    private PartitionTable() {}

    /** The circuits, {@code nor/NAME} then {@code aig/NAME}, with their files. */
    static Map<String, Path> circuits(Path shared) {
        Map<String, Path> out = new LinkedHashMap<>();
        try (var s = Files.list(shared.resolve("nor-mapped/epfl"))) {
            s.filter(p -> p.toString().endsWith(".v")).sorted().forEach(p -> out.put("nor/" + stem(p), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var s = Files.list(shared.resolve("epfl"))) {
            s.filter(p -> p.toString().endsWith(".aig")).sorted().forEach(p -> out.put("aig/" + stem(p), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String stem(Path p) { return p.getFileName().toString().replaceFirst("\\.(v|aig)$", ""); }

    /** Compiles one circuit undivided and for every model and partition count, checking every program. */
    static List<Row> measure(String circuit, Path file) {
        Design design = DesignLoader.load(file, null);
        long t0 = cpuMs();
        Compiled serial = Flow.compile(design, FlowOptions.defaults());
        long serialMs = cpuMs() - t0;
        long one = serial.program().stats().cycles();
        int gates = serial.program().stats().gates();
        List<Row> rows = new ArrayList<>();
        for (PartitionModel m : MODELS) {
            for (int k : COUNTS) {
                long t1 = cpuMs();
                Program p;
                if (m == PartitionModel.UNLIMITED && k == 32) {
                    p = Flow.compile(design, FlowOptions.defaults().withPartitions(new PartitionLayout(k, null), m)).program();
                } else {
                    ScheduleOptions so = new ScheduleOptions(ScheduleOptions.UNLIMITED, serial.program().initModel(), 1,
                            FlowOptions.defaults().budget()).withPartitions(k, null, m);
                    p = new PartitionScheduler().schedule(serial.mapped(), serial.family(), so);
                }
                long ms = cpuMs() - t1;
                int bad = RowCheck.random(p, design.network(), new Interpreter(), ROWS, 7).mismatches();
                if (bad != 0) throw new IllegalStateException(circuit + " " + m.label() + " " + k + ": " + bad + " of " + ROWS + " random rows differ");
                if (!PartitionRules.isLegal(p)) {
                    throw new IllegalStateException(circuit + " " + m.label() + " " + k + ": " + PartitionRules.check(p).get(0).message(p.model()));
                }
                rows.add(new Row(circuit, gates, one, m, k, p.stats().cycles(), p.stats().cells(), ms, serialMs));
            }
        }
        return rows;
    }

    /** The rows of a committed table, by {@link Row#key()}; empty when the file does not exist. */
    static Map<String, Row> read(Path tsv) throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        if (!Files.isRegularFile(tsv)) return rows;
        int n = 0;
        for (String line : Files.readAllLines(tsv)) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) continue;
            Row r = Row.parse(line, tsv + ":" + n);
            rows.put(r.key(), r);
        }
        return rows;
    }

    /** Writes the rows (replacing the file): what it holds and when it was measured, the header, one line per program. */
    static void write(Path tsv, List<Row> rows, String commit) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Partitioned rows: the shared NOR netlists and EPFL AIGs, one partition (flow defaults) and part at 8, 16, 32"
                + " partitions under the unlimited and standard models; every program 0 mismatches on " + ROWS + " random rows and legal.");
        lines.add("# Measured " + Instant.now().truncatedTo(ChronoUnit.MINUTES) + " on the source of commit " + commit
                + "; cpuMs is partitioned/undivided compile CPU time (informational, never compared). Regenerate: see docs/partitions.md.");
        lines.add(HEADER);
        for (Row r : rows) lines.add(r.toTsv());
        Path tmp = tsv.resolveSibling(tsv.getFileName() + ".tmp");
        Files.write(tmp, lines);
        Files.move(tmp, tsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The markdown table of docs/partitions.md: one line per circuit, speedups, geometric means per group. */
    static List<String> markdown(List<Row> rows) {
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder("| circuit | gates | 1 partition |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (PartitionModel m : MODELS) for (int k : COUNTS) { head.append(' ').append(m.label(), 0, 1).append(k).append(" |"); rule.append("---:|"); }
        out.add(head.append(" CPU s 1 / u32 |").toString());
        out.add(rule.append("---:|").toString());
        Map<String, List<Row>> byCircuit = new LinkedHashMap<>();
        for (Row r : rows) byCircuit.computeIfAbsent(r.circuit(), c -> new ArrayList<>()).add(r);
        String group = null;
        Map<String, double[]> logs = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var e : byCircuit.entrySet()) {
            String g = e.getKey().substring(0, e.getKey().indexOf('/'));
            if (group != null && !g.equals(group)) out.add(mean(group, logs.get(group), counts.get(group)));
            group = g;
            List<Row> rs = e.getValue();
            Row first = rs.get(0);
            StringBuilder line = new StringBuilder("| " + e.getKey() + " | " + first.gates() + " | " + first.one() + " |");
            double[] log = logs.computeIfAbsent(g, x -> new double[MODELS.length * COUNTS.length]);
            counts.merge(g, 1, Integer::sum);
            long u32 = 0;
            int col = 0;
            for (PartitionModel m : MODELS) {
                for (int k : COUNTS) {
                    Row r = rs.stream().filter(x -> x.model() == m && x.k() == k).findFirst().orElseThrow();
                    double speedup = (double) r.one() / r.cycles();
                    log[col++] += Math.log(speedup);
                    line.append(String.format(Locale.ROOT, " %d (%.1fx) |", r.cycles(), speedup));
                    if (m == PartitionModel.UNLIMITED && k == 32) u32 = r.cpuMs();
                }
            }
            out.add(line.append(String.format(Locale.ROOT, " %.1f / %.1f |", first.serialMs() / 1000.0, u32 / 1000.0)).toString());
        }
        if (group != null) out.add(mean(group, logs.get(group), counts.get(group)));
        return out;
    }

    private static String mean(String group, double[] log, int n) {
        StringBuilder b = new StringBuilder("| geometric mean, " + n + " " + group + " | | |");
        for (double s : log) b.append(String.format(Locale.ROOT, " %.2fx |", Math.exp(s / n)));
        return b.append(" |").toString();
    }

    public static void main(String[] args) throws Exception {
        Path shared = SharedBenchmarks.dir().orElse(null);
        if (shared == null) {
            System.err.println(SharedBenchmarks.MISSING);
            System.exit(1);
        }
        Path tsv = null;
        boolean print = false;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tsv") && i + 1 < args.length) tsv = Path.of(args[++i]);
            else if (args[i].equals("--print")) print = true;
            else only.add(args[i]);
        }
        Map<String, Path> circuits = circuits(shared);
        Map<String, Row> all = tsv == null ? new LinkedHashMap<>() : read(tsv);
        for (var e : circuits.entrySet()) {
            if (print || !only.isEmpty() && !only.contains(e.getKey())) continue;
            System.err.println("PartitionTable: " + e.getKey());
            for (Row r : measure(e.getKey(), e.getValue())) all.put(r.key(), r);
            if (tsv != null) write(tsv, ordered(all, circuits), System.getProperty("partitions.commit", "unknown"));
        }
        markdown(ordered(all, circuits)).forEach(System.out::println);
    }

    /** The rows in the order of the circuits, then of the models and partition counts. */
    static List<Row> ordered(Map<String, Row> rows, Map<String, Path> circuits) {
        List<String> names = new ArrayList<>(circuits.keySet());
        List<Row> out = new ArrayList<>(rows.values());
        out.sort(java.util.Comparator.comparingInt((Row r) -> names.indexOf(r.circuit())).thenComparing(Row::model).thenComparingInt(Row::k));
        return out;
    }

    private static long cpuMs() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }
}
