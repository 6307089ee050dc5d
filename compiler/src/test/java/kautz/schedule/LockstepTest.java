package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.isa.InitModel;
import kautz.isa.PartitionModel;
import kautz.isa.PartitionRules;
import kautz.isa.Program;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LockstepTest {
    private static ScheduleOptions options(int k, PartitionModel model, InitModel init) {
        return new ScheduleOptions(ScheduleOptions.UNLIMITED, init, 1, Duration.ZERO).withPartitions(k, null, model);
    }

    /**
     * k slices of the same chain of {@code length} gates over x[i] and y[i], each gate also reading the
     * previous one; with {@code neighbour}, the last gate of slice i also reads the chain end of slice i+1.
     */
    private static MappedNetwork slices(int k, int length, boolean neighbour) {
        List<String> in = new ArrayList<>();
        for (int i = 0; i < k; i++) in.add("x[" + i + "]");
        for (int i = 0; i < k; i++) in.add("y[" + i + "]");
        List<MappedNetwork.Gate> gates = new ArrayList<>();
        int inputs = 2 * k;
        int[] end = new int[k];
        for (int i = 0; i < k; i++) {
            int prev = i;
            for (int g = 0; g < length; g++) {
                ImmutableIntArray f = g == 0 ? ImmutableIntArray.of(i) : g % 2 == 1 ? ImmutableIntArray.of(prev, k + i) : ImmutableIntArray.of(prev, i);
                gates.add(new MappedNetwork.Gate(f.length() == 1 ? Primitives.INV1 : Primitives.NOR2, f));
                prev = inputs + gates.size() - 1;
            }
            end[i] = prev;
        }
        List<String> outNames = new ArrayList<>();
        int[] outs = new int[k];
        for (int i = 0; i < k; i++) {
            if (neighbour && i + 1 < k) {
                gates.add(new MappedNetwork.Gate(Primitives.NOR2, ImmutableIntArray.of(end[i], end[i + 1])));
                outs[i] = inputs + gates.size() - 1;
            } else {
                outs[i] = end[i];
            }
            outNames.add("z[" + i + "]");
        }
        return new MappedNetwork("slices", ImmutableList.copyOf(in), ImmutableList.copyOf(gates), ImmutableList.copyOf(outNames),
                ImmutableIntArray.copyOf(outs));
    }

    private static Program lockstep(MappedNetwork net, ScheduleOptions o, boolean lowest) {
        GateGraph graph = new GateGraph(net, TestNetworks.MAGIC_NOR);
        var vectors = SliceHomes.vectors(graph);
        int[] home = SliceHomes.homes(graph, o.partitionCount(), vectors.get("x"), vectors, lowest);
        return Lockstep.schedule(graph, TestNetworks.MAGIC_NOR, o, home);
    }

    @Test
    void repeatedSlicesRunOneOpOfEverySliceEachCycleUnderEveryModel() {
        int k = 8, length = 9;
        MappedNetwork net = slices(k, length, false);
        for (PartitionModel model : PartitionModel.values()) {
            Program p = lockstep(net, options(k, model, InitModel.BULK), true);
            assertEquals(List.of(), PartitionRules.check(p), model.toString());
            assertEquals(0, ProgramRunner.mismatches(p, net, 16, 3), model.toString());
            assertEquals(length, p.stats().logicCycles(), model + ": one cycle per gate of a slice");
            assertEquals((double) k, p.stats().parallelism(), 1e-9, model.toString());
        }
    }

    @Test
    void neighbourReadsAndBroadcastsAreMovedAndStayCorrect() {
        for (int k : new int[] {2, 5, 8, 16}) {
            MappedNetwork net = slices(k, 6, true);
            for (PartitionModel model : PartitionModel.values()) {
                for (InitModel init : InitModel.values()) {
                    for (boolean lowest : new boolean[] {true, false}) {
                        Program p = lockstep(net, options(k, model, init), lowest);
                        String what = "k=" + k + " " + model + " " + init + " lowest=" + lowest;
                        assertEquals(List.of(), PartitionRules.check(p), what);
                        assertEquals(0, ProgramRunner.mismatches(p, net, 16, k), what);
                    }
                }
            }
        }
    }

    @Test
    void homesFollowTheLowestOrHighestBitOfTheVectorThenTheOtherVectors() {
        // g_i = NOR(a[i], a[i+1]) for i < 3, then NOT(b[2]) and NOR(NOT(b[2]), g_0)
        List<MappedNetwork.Gate> gates = new ArrayList<>();
        for (int i = 0; i < 3; i++) gates.add(new MappedNetwork.Gate(Primitives.NOR2, ImmutableIntArray.of(i, i + 1)));
        gates.add(new MappedNetwork.Gate(Primitives.INV1, ImmutableIntArray.of(6)));
        gates.add(new MappedNetwork.Gate(Primitives.NOR2, ImmutableIntArray.of(11, 8)));
        MappedNetwork net = new MappedNetwork("h", ImmutableList.of("a[0]", "a[1]", "a[2]", "a[3]", "b[0]", "b[1]", "b[2]", "b[3]"),
                ImmutableList.copyOf(gates), ImmutableList.of("o[0]", "o[1]", "o[2]", "o[3]"), ImmutableIntArray.of(9, 10, 11, 12));
        GateGraph graph = new GateGraph(net, TestNetworks.MAGIC_NOR);
        var vectors = SliceHomes.vectors(graph);
        assertEquals(List.of("a", "b"), List.copyOf(vectors.keySet()));
        int[] low = SliceHomes.homes(graph, 4, vectors.get("a"), vectors, true);
        int[] high = SliceHomes.homes(graph, 4, vectors.get("a"), vectors, false);
        assertArrayEquals(new int[] {0, 1, 2}, new int[] {low[8], low[9], low[10]});
        assertArrayEquals(new int[] {1, 2, 3}, new int[] {high[8], high[9], high[10]});
        assertEquals(2, low[11], "a gate reading no bit of a goes by b's bits");
        assertEquals(0, low[12]);
        assertEquals(1, high[12]);
        int[] eight = SliceHomes.homes(graph, 8, vectors.get("a"), vectors, true);
        assertEquals(2, eight[9], "bit 1 of 4 on 8 partitions: partition 2");
    }
}
