package kautz.schedule;

import kautz.isa.InitModel;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TopoSchedulerTest {
    private final Scheduler topo = new TopoScheduler();

    @Test
    void randomNorNetworksRunCorrectlyUnderBothInitModels() {
        for (long seed = 1; seed <= 30; seed++) {
            MappedNetwork net = TestNetworks.randomNor(seed, 3 + (int) (seed % 7), 20 + (int) seed * 7, 1 + (int) (seed % 5));
            for (InitModel m : InitModel.values()) {
                Program p = topo.schedule(net, TestNetworks.MAGIC_NOR, new ScheduleOptions(ScheduleOptions.UNLIMITED, m, 1, Duration.ZERO));
                assertEquals(0, ProgramRunner.mismatches(p, net, 16, seed), "seed " + seed + " " + m);
            }
        }
    }

    @Test
    void mixedPrestatesAndSerialImplyRunCorrectly() {
        for (long seed = 1; seed <= 15; seed++) {
            MappedNetwork magic = TestNetworks.random(seed, 5, 60, 4, List.of(Primitives.NOR2, Primitives.OR2, Primitives.NAND2, Primitives.AND2, Primitives.INV1));
            MappedNetwork imply = TestNetworks.random(seed, 5, 60, 4, List.of(Primitives.NAND2, Primitives.INV1));
            for (InitModel m : InitModel.values()) {
                ScheduleOptions o = new ScheduleOptions(ScheduleOptions.UNLIMITED, m, 1, Duration.ZERO);
                assertEquals(0, ProgramRunner.mismatches(topo.schedule(magic, TestNetworks.MAGIC, o), magic, 8, seed));
                assertEquals(0, ProgramRunner.mismatches(topo.schedule(imply, TestNetworks.IMPLY, o), imply, 8, seed));
            }
        }
    }

    @Test
    void inPlaceImplyOverwritesADyingFanin() {
        // imp2(p, q) overwrites q: chains where each q is read once, plus NAND/NOT gates around them
        for (long seed = 1; seed <= 10; seed++) {
            MappedNetwork net = TestNetworks.random(seed, 4, 40, 1, List.of(Primitives.NAND2, Primitives.INV1));
            var gates = new java.util.ArrayList<>(net.gates());
            int last = net.numNodes() - 1;
            while (net.gate(last).primitive().isConstant()) last--;
            // append imp2(x0, last) and make it the only output, so the NAND output dies in place
            gates.add(new MappedNetwork.Gate(Primitives.IMP2, com.google.common.primitives.ImmutableIntArray.of(0, last)));
            MappedNetwork withImp = new MappedNetwork("imp" + seed, net.inputNames(), com.google.common.collect.ImmutableList.copyOf(gates),
                    com.google.common.collect.ImmutableList.of("y"), com.google.common.primitives.ImmutableIntArray.of(net.numNodes()));
            Program p = topo.schedule(withImp, kautz.target.Families.imply(), ScheduleOptions.defaults());
            assertEquals(0, ProgramRunner.mismatches(p, withImp, 4, seed), "seed " + seed);
            assertEquals(kautz.isa.Opcode.IMP, p.ops().get(p.ops().size() - 1).opcode());
        }
    }

    @Test
    void tooSmallRowNamesTheRowThatWorks() {
        MappedNetwork net = TestNetworks.randomNor(7, 6, 80, 3);
        Program p = topo.schedule(net, TestNetworks.MAGIC_NOR, ScheduleOptions.defaults());
        int needed = p.stats().cells();
        RowTooSmallException e = assertThrows(RowTooSmallException.class,
                () -> topo.schedule(net, TestNetworks.MAGIC_NOR, ScheduleOptions.defaults().withRowSize(needed - 1)));
        assertEquals(needed, e.smallestWorking());
        assertTrue(e.getMessage().contains("smallest row that works is " + needed), e.getMessage());
        Program fit = topo.schedule(net, TestNetworks.MAGIC_NOR, ScheduleOptions.defaults().withRowSize(needed));
        assertEquals(needed, fit.rowSize());
        assertEquals(needed, topo.scheduleMinRow(net, TestNetworks.MAGIC_NOR, ScheduleOptions.defaults()).rowSize());
    }

    @Test
    void singleInitCostsOneCyclePerGateAndBulkReinitIsBatched() {
        MappedNetwork net = TestNetworks.randomNor(3, 4, 50, 2);
        Program single = topo.schedule(net, TestNetworks.MAGIC_NOR, new ScheduleOptions(ScheduleOptions.UNLIMITED, InitModel.SINGLE, 1, Duration.ZERO));
        Program bulk = topo.schedule(net, TestNetworks.MAGIC_NOR, ScheduleOptions.defaults());
        int computed = single.stats().gates() + countConstantCells(single);
        assertEquals(computed, single.stats().initCycles());
        assertEquals(single.stats().gates(), bulk.stats().gates());
        assertTrue(bulk.stats().initCycles() <= single.stats().initCycles());
        assertTrue(bulk.ops().get(0).opcode().isInit(), "T0 comes first");
    }

    private static int countConstantCells(Program p) {
        int initOps = 0;
        for (var op : p.ops()) if (op.opcode().isInit()) initOps++;
        return initOps - p.stats().gates();
    }

    @Test
    void outputsThatAreInputsOrConstantsAreServed() {
        MappedNetwork net = TestNetworks.randomNor(11, 4, 40, 5); // outputs 0 and 1 are input 0; gate 9 is a zero constant
        Program p = topo.schedule(net, TestNetworks.MAGIC_NOR, ScheduleOptions.defaults());
        assertEquals(0, p.outputs().get(0).cell());
        assertEquals(0, p.outputs().get(1).cell());
        assertEquals(0, ProgramRunner.mismatches(p, net, 4, 11));
    }
}
