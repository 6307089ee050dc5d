package kautz.schedule;

import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Tag;
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
        assertEquals(List.of("live", "simpler", "topo", "part", "wear"), Schedulers.all().stream().map(Scheduler::name).toList());
    }

    @Test
    @Tag("slow")
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
                // below the least row as written, values may be computed again (more gates), never below the lower bound
                try {
                    Program below = live.schedule(net, TestNetworks.MAGIC_NOR, opts(min.rowSize() - 1, m));
                    assertEquals(0, ProgramRunner.mismatches(below, net, 16, seed), "row min-1, seed " + seed + " " + m);
                } catch (RowTooSmallException e) {
                    assertTrue(e.foundWorking() >= min.rowSize() - 1 + 1, e.getMessage());
                }
                int bound = Liveness.lowerBound(new GateGraph(net));
                RowTooSmallException e = assertThrows(RowTooSmallException.class, () -> live.schedule(net, TestNetworks.MAGIC_NOR, opts(bound - 1, m)));
                assertEquals(bound, e.lowerBound());
                assertTrue(e.getMessage().contains("at least " + bound + " cells"), e.getMessage());
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

    @Test
    void recomputationFitsRowsFarBelowTheMinimumAsWritten() {
        MappedNetwork net = TestNetworks.twoWayChains(24);
        ScheduleOptions o = opts(ScheduleOptions.UNLIMITED, InitModel.BULK);
        Program min = live.scheduleMinRow(net, TestNetworks.MAGIC_NOR, o);
        int inputs = net.numInputs();
        assertTrue(min.rowSize() >= inputs + 12, "as written, about k/2 values stay alive: " + min.rowSize());
        for (int row : new int[] {min.rowSize() - 1, (min.rowSize() + inputs + 8) / 2, inputs + 8}) {
            Program p = live.schedule(net, TestNetworks.MAGIC_NOR, o.withRowSize(row));
            assertEquals(row, p.rowSize());
            assertEquals(0, ProgramRunner.mismatches(p, net, 8, row), "row " + row);
            assertTrue(p.stats().gates() > min.stats().gates() && p.stats().gates() <= LiveSearchScheduler.RECOMPUTE_FACTOR * min.stats().gates(),
                    "row " + row + ": " + p.stats().gates() + " gates");
        }
    }

    @Test
    void recomputedNetworksComputeTheSameFunctionWithinTheirCells() {
        for (long seed = 1; seed <= 6; seed++) {
            MappedNetwork net = seed == 1 ? TestNetworks.twoWayChains(16) : TestNetworks.randomNor(300 + seed, 6, 200, 3);
            GateGraph g = new GateGraph(net);
            int[] plan = Orders.greedy(g);
            int peak = Liveness.peak(g, plan);
            for (int capacity = peak; capacity >= 3; capacity--) {
                MappedNetwork r = Recompute.expand(g, plan, capacity, 20 * plan.length, seed);
                if (r == null) continue;
                GateGraph rg = new GateGraph(r);
                assertTrue(Liveness.peak(rg, rg.neededGates()) <= capacity, "capacity " + capacity);
                assertEquals(r, Recompute.expand(g, plan, capacity, 20 * plan.length, seed), "deterministic");
                long[][] in = new long[net.numInputs()][2];
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
                for (long[] a : in) { a[0] = rnd.nextLong(); a[1] = rnd.nextLong(); }
                assertArrayEquals(net.simulate(in), r.simulate(in), "seed " + seed + " capacity " + capacity);
            }
        }
        GateGraph chains = new GateGraph(TestNetworks.twoWayChains(16));
        int[] plan = Orders.greedy(chains);
        assertNull(Recompute.expand(chains, plan, 2, 20 * plan.length, 1), "a NOR2 of two gates needs three cells");
        assertNull(Recompute.expand(chains, plan, 6, plan.length, 1), "no room to compute anything again");
    }

    @Test
    void aRowBelowTheInputsAndOutputsFailsAtOnceWithALowerBound() {
        MappedNetwork net = TestNetworks.randomNor(5, 6, 120, 40);
        int bound = Liveness.lowerBound(new GateGraph(net));
        RowTooSmallException e = assertThrows(RowTooSmallException.class,
                () -> live.schedule(net, TestNetworks.MAGIC_NOR, opts(bound - 1, InitModel.BULK)));
        assertEquals(bound, e.lowerBound());
        assertTrue(e.needs().startsWith(">=" + bound), e.needs());
        assertTrue(e.getMessage().contains("a lower bound"), e.getMessage());
    }
}
