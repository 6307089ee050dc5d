package kautz.schedule;

import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LiveSearchSchedulerTest {
    private final Scheduler live = new LiveSearchScheduler();
    private final Scheduler simpler = new SimplerScheduler();

    private static ScheduleOptions opts(int row, InitModel m) {
        return new ScheduleOptions(row, m, 7, Duration.ofMillis(25));
    }

    @Test
    void isTheDefault() {
        assertEquals("live", Schedulers.defaultScheduler().name());
        assertEquals(List.of("live", "simpler", "topo"), Schedulers.all().stream().map(Scheduler::name).toList());
    }

    @Test
    void programsAreCorrectAtMinimumAndLargerRowsUnderBothInitModels() {
        for (long seed = 1; seed <= 3; seed++) {
            MappedNetwork net = TestNetworks.randomNor(seed, 4 + (int) (seed % 6), 60 + 13 * (int) seed, 1 + (int) (seed % 4));
            for (InitModel m : InitModel.values()) {
                Program min = live.scheduleMinRow(net, TestNetworks.MAGIC_NOR, opts(ScheduleOptions.UNLIMITED, m));
                assertEquals(0, ProgramRunner.mismatches(min, net, 16, seed), "min row, seed " + seed + " " + m);
                for (int extra : new int[] {1, 4, 1000}) {
                    Program p = live.schedule(net, TestNetworks.MAGIC_NOR, opts(min.rowSize() + extra, m));
                    assertEquals(0, ProgramRunner.mismatches(p, net, 16, seed), "row +" + extra + ", seed " + seed + " " + m);
                }
                assertThrows(RowTooSmallException.class, () -> live.schedule(net, TestNetworks.MAGIC_NOR, opts(min.rowSize() - 1, m)));
            }
        }
    }

    @Test
    void otherFamiliesRunCorrectly() {
        for (long seed = 1; seed <= 3; seed++) {
            MappedNetwork magic = TestNetworks.random(seed, 5, 80, 3, List.of(Primitives.NOR2, Primitives.OR2, Primitives.NAND2, Primitives.AND2, Primitives.INV1));
            MappedNetwork imply = TestNetworks.random(seed, 5, 80, 3, List.of(Primitives.NAND2, Primitives.INV1));
            Program a = live.scheduleMinRow(magic, TestNetworks.MAGIC, opts(ScheduleOptions.UNLIMITED, InitModel.BULK));
            Program b = live.scheduleMinRow(imply, TestNetworks.IMPLY, opts(ScheduleOptions.UNLIMITED, InitModel.BULK));
            assertEquals(0, ProgramRunner.mismatches(a, magic, 8, seed));
            assertEquals(0, ProgramRunner.mismatches(b, imply, 8, seed));
        }
    }

    @Test
    void neverWorseThanSimpler() {
        for (long seed = 1; seed <= 4; seed++) {
            MappedNetwork net = TestNetworks.randomNor(100 + seed, 6, 150, 5);
            Program s = simpler.scheduleMinRow(net, TestNetworks.MAGIC_NOR, opts(ScheduleOptions.UNLIMITED, InitModel.BULK));
            Program l = live.scheduleMinRow(net, TestNetworks.MAGIC_NOR, opts(ScheduleOptions.UNLIMITED, InitModel.BULK));
            assertTrue(l.rowSize() <= s.rowSize(), "min row " + l.rowSize() + " > SIMPLER " + s.rowSize());
            Program atSimpler = live.schedule(net, TestNetworks.MAGIC_NOR, opts(s.rowSize(), InitModel.BULK));
            assertTrue(atSimpler.stats().cycles() <= s.stats().cycles(), "cycles " + atSimpler.stats().cycles() + " > SIMPLER " + s.stats().cycles());
        }
    }

    @Test
    void recomputedConesComputeTheSameFunction() {
        for (long seed = 1; seed <= 10; seed++) {
            MappedNetwork net = TestNetworks.randomNor(seed, 5, 120, 4);
            for (int cone : new int[] {1, 3}) {
                MappedNetwork r = Rematerialize.inputCones(net, cone);
                if (r == null) continue;
                long[][] in = new long[5][2];
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
                for (long[] a : in) { a[0] = rnd.nextLong(); a[1] = rnd.nextLong(); }
                assertArrayEquals(net.simulate(in), r.simulate(in), "seed " + seed + " cone " + cone);
                assertTrue(r.gates().size() >= new GateGraph(net).neededGates().length);
            }
        }
    }

    @Test
    void sameSeedSameProgram() {
        MappedNetwork net = TestNetworks.randomNor(42, 6, 90, 4);
        ScheduleOptions o = new ScheduleOptions(ScheduleOptions.UNLIMITED, InitModel.BULK, 3, Duration.ofSeconds(30));
        assertEquals(live.scheduleMinRow(net, TestNetworks.MAGIC_NOR, o), live.scheduleMinRow(net, TestNetworks.MAGIC_NOR, o));
    }
}
