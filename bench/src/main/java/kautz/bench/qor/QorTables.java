package kautz.bench.qor;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.flow.RowCheck;
import kautz.isa.ProgramStats;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.schedule.RowTooSmallException;
import kautz.schedule.SimplerReference;
import kautz.engines.Engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the cases of a {@link QorGrid.Table} and reads and writes the table's TSV file. Every program
 * measured is also run on 64 random rows against its source network: a count of a wrong program is no result.
 */
public final class QorTables {
    /** Random rows each measured program is checked on. */
    static final int CHECK_ROWS = 64;

    private final Path shared;
    private final Map<String, SimplerReference> reference;
    private final Map<String, Design> designs = new ConcurrentHashMap<>();

    /** @param shared the shared benchmarks folder (the one holding {@code epfl/}, {@code nor-mapped/} and REFERENCE.tsv) */
    public QorTables(Path shared) {
        this.shared = shared;
        this.reference = SimplerReference.read(shared.resolve("REFERENCE.tsv"));
    }

    /**
     * Measures every case of the table on {@code threads} threads, the most expensive first (by the CPU
     * times of {@code previous}, when given), and returns the rows in the table's order.
     */
    public List<QorRow> measure(QorGrid.Table table, Map<String, QorRow> previous, int threads) {
        List<QorCase> order = new ArrayList<>(table.cases());
        order.sort(Comparator.comparingLong((QorCase c) -> previous.containsKey(c.key()) ? previous.get(c.key()).cpuMs() : 0).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<QorCase, Future<QorRow>> futures = new LinkedHashMap<>();
            for (QorCase c : order) futures.put(c, pool.submit(() -> measure(c)));
            List<QorRow> rows = new ArrayList<>();
            for (QorCase c : table.cases()) {
                try {
                    rows.add(futures.get(c).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(c.key() + ": " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Compiles one case (the CPU time of {@code Flow.compile} on this thread) and checks its program. */
    public QorRow measure(QorCase c) {
        Design design = designs.computeIfAbsent(c.file(), f -> DesignLoader.load(shared.resolve(f), null));
        SimplerReference ref = c.family().equals("magic-nor") && c.file().startsWith("nor-mapped/epfl/") ? reference.get(c.stem()) : null;
        if (c.row().equals("simpler") && ref == null) throw new IllegalArgumentException(c.key() + ": not in REFERENCE.tsv");
        FlowOptions options = FlowOptions.defaults().withTarget(c.family()).withScheduler(c.scheduler())
                .withRowSize(c.rowSize(ref == null ? 0 : ref.minRow()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        Compiled compiled;
        try {
            compiled = Flow.compile(design, options);
        } catch (RowTooSmallException e) {
            long cpu = (threads.getCurrentThreadCpuTime() - t0) / 1_000_000;
            return new QorRow(c, QorRow.FAIL, 0, 0, 0, cpu, e.needs(), gates(ref), minRow(ref), theirCycles(ref, c));
        }
        long cpu = (threads.getCurrentThreadCpuTime() - t0) / 1_000_000;
        int mismatches = RowCheck.random(compiled.program(), design.network(),
                Engines.select(Engines.DEFAULT, compiled.program(), CHECK_ROWS), CHECK_ROWS, 1).mismatches();
        if (mismatches > 0) throw new IllegalStateException(c.key() + ": the program differs from its source on " + mismatches + " of " + CHECK_ROWS + " random rows");
        ProgramStats s = compiled.program().stats();
        int row = compiled.program().rowSize();
        return new QorRow(c, row, s.gates(), s.cycles(), s.cells(), cpu, "", gates(ref), minRow(ref), theirCycles(ref, c));
    }

    private static OptionalInt gates(SimplerReference ref) { return ref == null ? OptionalInt.empty() : OptionalInt.of(ref.gates()); }

    private static OptionalInt minRow(SimplerReference ref) { return ref == null ? OptionalInt.empty() : OptionalInt.of(ref.minRow()); }

    /** SIMPLER's cycles at the same setting: at its own minimum row for {@code min} and {@code simpler}, at 512 and 1024 as such. */
    private static OptionalInt theirCycles(SimplerReference ref, QorCase c) {
        if (ref == null) return OptionalInt.empty();
        return switch (c.row()) {
            case "min", "simpler" -> OptionalInt.of(ref.cyclesMin());
            case "512", "1024" -> OptionalInt.of(ref.cyclesAt(Integer.parseInt(c.row())));
            default -> OptionalInt.empty();
        };
    }

    /** The rows of a committed table by {@link QorCase#key()}; empty when the file does not exist. */
    public static Map<String, QorRow> read(Path tsv) {
        Map<String, QorRow> rows = new LinkedHashMap<>();
        if (!Files.isRegularFile(tsv)) return rows;
        try {
            int n = 0;
            for (String line : Files.readAllLines(tsv)) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.equals(QorRow.HEADER)) continue;
                QorRow r = QorRow.parse(line, tsv + ":" + n);
                rows.put(r.c().key(), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Writes a table: a comment naming what it holds and when it was measured, the header, one line per case. */
    public static void write(Path tsv, QorGrid.Table table, List<QorRow> rows, String commit) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + table.description() + ".");
        lines.add("# Measured " + Instant.now().truncatedTo(ChronoUnit.MINUTES) + " on the source of commit " + commit
                + "; cpuMs is the CPU time of the compile (informational, never compared). Regenerate: see docs/PERFORMANCE.md.");
        lines.add(QorRow.HEADER);
        for (QorRow r : rows) lines.add(r.toTsv());
        try {
            Files.createDirectories(tsv.getParent());
            Path tmp = tsv.resolveSibling(tsv.getFileName() + ".tmp");
            Files.write(tmp, lines);
            Files.move(tmp, tsv, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
