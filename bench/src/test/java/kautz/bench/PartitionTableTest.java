package kautz.bench;

import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Recompiles the circuits of the committed partition table ({@code bench/qor/partitions.tsv}; every program is
 * checked on random rows and against its model's rules while measured) and fails when a count (gates, cycles of
 * one partition and of each partitioned program, cells) differs: worse is a regression, better an improvement to
 * accept by regenerating the table. By default it checks the 13 NOR netlists (about six minutes on a busy
 * 2-core machine); {@code -Dpartitions.circuits=nor/ctrl,aig/dec} names circuits, {@code =all} takes every row.
 */
@Tag("slow")
class PartitionTableTest {
    static final String COMMAND = "java -Xmx4g -cp bench/target/benchmarks.jar kautz.bench.PartitionTable --tsv bench/qor/partitions.tsv [CIRCUIT…]";

    @Test
    void countsMatchTheCommittedTable() throws Exception {
        var shared = SharedBenchmarks.dir();
        if (shared.isEmpty()) System.err.println("PartitionTableTest: " + SharedBenchmarks.MISSING);
        Assumptions.assumeTrue(shared.isPresent(), SharedBenchmarks.MISSING);
        Path tsv = Path.of(System.getProperty("basedir", ".")).resolve("qor").resolve("partitions.tsv");
        Map<String, PartitionTable.Row> committed = PartitionTable.read(tsv);
        assertFalse(committed.isEmpty(), tsv + " holds no rows");
        String only = System.getProperty("partitions.circuits", "");
        List<String> wanted = only.equals("all") ? null : !only.isBlank() ? Arrays.asList(only.split(","))
                : committed.values().stream().map(PartitionTable.Row::circuit).distinct().filter(c -> c.startsWith("nor/")).toList();
        Map<String, Path> circuits = PartitionTable.circuits(shared.get());
        Map<String, List<PartitionTable.Row>> byCircuit = new LinkedHashMap<>();
        for (PartitionTable.Row r : committed.values()) byCircuit.computeIfAbsent(r.circuit(), c -> new ArrayList<>()).add(r);
        List<String> differ = new ArrayList<>();
        for (var e : byCircuit.entrySet()) {
            if (wanted != null && !wanted.contains(e.getKey())) continue;
            Path file = circuits.get(e.getKey());
            if (file == null) { differ.add(e.getKey() + ": no such circuit in the shared benchmarks"); continue; }
            long start = System.nanoTime();
            Map<String, PartitionTable.Row> now = new LinkedHashMap<>();
            for (PartitionTable.Row r : PartitionTable.measure(e.getKey(), file)) now.put(r.key(), r);
            System.err.printf("PartitionTableTest: %s in %.0f s%n", e.getKey(), (System.nanoTime() - start) / 1e9);
            for (PartitionTable.Row was : e.getValue()) {
                PartitionTable.Row is = now.get(was.key());
                if (is == null) differ.add(was.key() + ": not measured any more");
                else if (is.gates() != was.gates() || is.one() != was.one() || is.cycles() != was.cycles() || is.cells() != was.cells()) {
                    differ.add(was.key() + ": gates " + was.gates() + " -> " + is.gates() + ", one partition " + was.one() + " -> " + is.one()
                            + ", cycles " + was.cycles() + " -> " + is.cycles() + ", cells " + was.cells() + " -> " + is.cells());
                }
            }
        }
        if (!differ.isEmpty()) {
            fail("the partition table differs from " + tsv + " (find a regression; accept an improvement by regenerating: "
                    + COMMAND + "):\n  " + String.join("\n  ", differ));
        }
    }
}
