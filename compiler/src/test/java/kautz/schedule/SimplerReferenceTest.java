package kautz.schedule;

import kautz.isa.Program;
import kautz.frontend.DesignLoader;
import kautz.mapped.MappedNetwork;
import kautz.target.Families;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code simpler} reproduces SIMPLER MAGIC's REFERENCE.tsv within 1% on the NOR-mapped EPFL netlists. */
class SimplerReferenceTest {

    @Test
    void reproducesReferenceWithinOnePercent() {
        Path dir = SharedBenchmarks.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, SharedBenchmarks.MISSING);
        Map<String, SimplerReference> ref = SimplerReference.read(dir.resolve("REFERENCE.tsv"));
        assertFalse(ref.isEmpty());
        Scheduler simpler = new SimplerScheduler();
        StringBuilder report = new StringBuilder();
        for (SimplerReference r : ref.values()) {
            MappedNetwork net = DesignLoader.load(dir.resolve("nor-mapped/epfl/" + r.benchmark() + ".v"), null).asMapped().orElseThrow();
            Program min = simpler.scheduleMinRow(net, Families.magicNor(), ScheduleOptions.defaults());
            report.append(r.benchmark()).append(" gates ").append(min.stats().gates()).append('/').append(r.gates())
                    .append(" minRow ").append(min.rowSize()).append('/').append(r.minRow())
                    .append(" cyclesMin ").append(min.stats().cycles()).append('/').append(r.cyclesMin());
            assertEquals(0, ProgramRunner.mismatches(min, net, 16, 5), r.benchmark() + ": 1024 random rows");
            check(report, r.benchmark() + " gates", min.stats().gates(), r.gates());
            check(report, r.benchmark() + " min row", min.rowSize(), r.minRow());
            check(report, r.benchmark() + " cycles at min row", min.stats().cycles(), r.cyclesMin());
            for (int row : new int[] {512, 1024}) {
                int expected = r.cyclesAt(row);
                if (expected == SimplerReference.FAIL) {
                    assertThrows(RowTooSmallException.class, () -> simpler.schedule(net, Families.magicNor(), ScheduleOptions.defaults().withRowSize(row)),
                            r.benchmark() + " must fail at " + row);
                    report.append(" @").append(row).append(" fail/fail");
                } else {
                    Program p = simpler.schedule(net, Families.magicNor(), ScheduleOptions.defaults().withRowSize(row));
                    report.append(" @").append(row).append(' ').append(p.stats().cycles()).append('/').append(expected);
                    check(report, r.benchmark() + " cycles at " + row, p.stats().cycles(), expected);
                }
            }
            report.append('\n');
        }
        System.out.print(report);
    }

    private static void check(StringBuilder report, String what, long actual, long expected) {
        assertTrue(Math.abs(actual - expected) <= 0.01 * expected, what + ": " + actual + " vs SIMPLER " + expected + "\n" + report);
    }
}
