package kautz.schedule;

import kautz.isa.InitModel;
import kautz.isa.PartitionModel;
import kautz.isa.PartitionRules;
import kautz.isa.Partitions;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PartitionSchedulerTest {
    private final Scheduler part = new PartitionScheduler();

    private static ScheduleOptions options(int k, Partitions widths, PartitionModel model, InitModel init) {
        return new ScheduleOptions(widths == null ? ScheduleOptions.UNLIMITED : widths.rowSize(), init, 1, Duration.ZERO)
                .withPartitions(k, widths, model);
    }

    @Test
    void randomNorNetworksAreEqualToTheirSourceUnderEveryModel() {
        for (long seed = 1; seed <= 25; seed++) {
            MappedNetwork net = TestNetworks.randomNor(seed, 3 + (int) (seed % 9), 30 + (int) seed * 11, 1 + (int) (seed % 6));
            for (PartitionModel model : PartitionModel.values()) {
                for (InitModel init : InitModel.values()) {
                    for (int k : new int[] {1, 2, 5, 8}) {
                        Program p = part.schedule(net, TestNetworks.MAGIC_NOR, options(k, null, model, init));
                        assertEquals(0, ProgramRunner.mismatches(p, net, 8, seed), "seed " + seed + " " + model + " " + init + " k=" + k);
                        assertEquals(List.of(), PartitionRules.check(p), "seed " + seed + " " + model + " " + init + " k=" + k);
                        assertEquals(k, p.partitions().count());
                    }
                }
            }
        }
    }

    @Test
    void mixedPrestatesAreInitialisedRight() {
        for (long seed = 1; seed <= 15; seed++) {
            MappedNetwork magic = TestNetworks.random(seed, 6, 80, 4, List.of(Primitives.NOR2, Primitives.OR2, Primitives.NAND2, Primitives.AND2, Primitives.INV1));
            for (PartitionModel model : PartitionModel.values()) {
                for (InitModel init : InitModel.values()) {
                    Program p = part.schedule(magic, TestNetworks.MAGIC, options(4, null, model, init));
                    assertEquals(0, ProgramRunner.mismatches(p, magic, 8, seed), "seed " + seed + " " + model + " " + init);
                    assertEquals(List.of(), PartitionRules.check(p), "seed " + seed + " " + model + " " + init);
                }
            }
        }
    }
}
