package kautz.schedule;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.diag.UserError;
import kautz.isa.InitModel;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitive;
import kautz.mapped.Primitives;
import kautz.target.Families;
import kautz.target.GateFamily;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** In-place gates whose overwritten value has other readers (order edges), and inputs consumed in place. */
class InPlaceOrderTest {
    private static final GateFamily IMPLY = Families.imply();

    private static MappedNetwork net(int inputs, List<Object[]> gates, int... outputs) {
        List<String> in = new ArrayList<>();
        for (int i = 0; i < inputs; i++) in.add("x" + i);
        List<MappedNetwork.Gate> gs = new ArrayList<>();
        for (Object[] g : gates) gs.add(new MappedNetwork.Gate((Primitive) g[0], ImmutableIntArray.copyOf((int[]) g[1])));
        List<String> on = new ArrayList<>();
        for (int o = 0; o < outputs.length; o++) on.add("y" + o);
        return new MappedNetwork("t", ImmutableList.copyOf(in), ImmutableList.copyOf(gs), ImmutableList.copyOf(on), ImmutableIntArray.copyOf(outputs));
    }

    private static Object[] g(Primitive p, int... f) { return new Object[] {p, f}; }

    private static ScheduleOptions options(InitModel init, boolean consume) {
        return new ScheduleOptions(ScheduleOptions.UNLIMITED, init, 1, Duration.ZERO, consume);
    }

    /** n2 = nand(x0, x1); n3 = not(n2); n4 = imp(x0, n2) overwrites n2 after n3 read it. */
    private static MappedNetwork sharedSource() {
        return net(2, List.of(g(Primitives.NAND2, 0, 1), g(Primitives.INV1, 2), g(Primitives.IMP2, 0, 2)), 3, 4);
    }

    @Test
    void everySchedulerRunsTheOtherReaderBeforeTheInPlaceWrite() {
        MappedNetwork m = sharedSource();
        for (Scheduler s : Schedulers.undivided()) {
            for (InitModel init : InitModel.values()) {
                Program p = s.schedule(m, IMPLY, options(init, false));
                assertEquals(0, ProgramRunner.mismatches(p, m, 4, 1), s.name() + " " + init);
                // nand 2 + not 1 + in-place imp 1; inits under single: the nand's and the not's cells only
                assertEquals(4, p.stats().logicCycles(), s.name() + " " + init);
                if (init == InitModel.SINGLE) assertEquals(6, p.stats().cycles(), s.name());
                assertFalse(p.consumesInputs());
            }
        }
    }

    @Test
    void theEmitterRejectsAnInPlaceWriteBeforeAnotherReader() {
        MappedNetwork m = sharedSource();
        GateGraph graph = new GateGraph(m, IMPLY);
        assertArrayEquals(new int[] {3}, graph.runBefore(4));
        int[] cells = {0, 1, 2, 3, 2};
        assertThrows(IllegalStateException.class,
                () -> Emitter.emit(graph, IMPLY, options(InitModel.SINGLE, false), Placement.of(new int[] {2, 4, 3}, cells)));
        assertArrayEquals(new int[] {2, 3, 4}, graph.legalOrder(new int[] {2, 4, 3}));
    }

    @Test
    void aReaderLaterInTheNetworkIsAUserError() {
        // the reader of n2 comes after the in-place gate: the mapper's legaliser never emits this order
        MappedNetwork m = net(2, List.of(g(Primitives.NAND2, 0, 1), g(Primitives.IMP2, 0, 2), g(Primitives.INV1, 2)), 3, 4);
        UserError e = assertThrows(UserError.class, () -> new GateGraph(m, IMPLY));
        assertTrue(e.getMessage().contains("read by a later gate"), e.getMessage());
    }

    @Test
    void inputsAreConsumedOnlyWhenAllowed() {
        // n2 = nand(x0, x1) reads x1, then n3 = imp(x0, x1) overwrites x1 in place: x1 := ¬x0 ∨ x1
        MappedNetwork m = net(2, List.of(g(Primitives.NAND2, 0, 1), g(Primitives.IMP2, 0, 1)), 2, 3);
        UserError e = assertThrows(UserError.class, () -> new GateGraph(m, IMPLY));
        assertTrue(e.getMessage().contains("--consume-inputs"), e.getMessage());
        for (Scheduler s : Schedulers.undivided()) {
            for (InitModel init : InitModel.values()) {
                Program p = s.schedule(m, IMPLY, options(init, true));
                assertEquals(0, ProgramRunner.mismatches(p, m, 4, 2), s.name() + " " + init);
                assertTrue(p.consumesInputs(), s.name());
                assertEquals(1, p.outputs().get(1).cell(), "the in-place result stays in x1's cell");
                MicroOp last = p.ops().get(p.ops().size() - 1);
                assertEquals(Opcode.IMP, last.opcode());
                assertTrue(ProgramLint.check(p).isEmpty(), ProgramLint.check(p).toString());
                Program undeclared = new Program(p.kernel(), p.target(), p.rowSize(), p.initModel(), p.inputs(), p.outputs(), p.ops());
                assertTrue(ProgramLint.check(undeclared).stream().anyMatch(f -> f.kind() == ProgramLint.Kind.INPUT_OVERWRITTEN));
            }
        }
        // without an in-place write on an input, the program is not marked even when consuming is allowed
        Program plain = new TopoScheduler().schedule(sharedSource(), IMPLY, options(InitModel.SINGLE, true));
        assertFalse(plain.consumesInputs());
    }

    /** Random NAND/NOT networks with in-place imps appended on values other gates read, in every scheduler. */
    @Test
    void randomNetworksWithSharedInPlaceSources() {
        for (long seed = 1; seed <= 12; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            boolean consume = seed % 2 == 0;
            MappedNetwork base = TestNetworks.random(seed, 5, 40, 3, List.of(Primitives.NAND2, Primitives.INV1));
            List<MappedNetwork.Gate> gates = new ArrayList<>(base.gates());
            boolean[] taken = new boolean[base.numNodes()];
            for (int o = 0; o < base.numOutputs(); o++) taken[base.outputNodes().get(o)] = true;
            List<Integer> outs = new ArrayList<>();
            for (int o = 0; o < base.numOutputs(); o++) outs.add(base.outputNodes().get(o));
            for (int k = 0; k < 6; k++) {
                int q = r.nextInt(base.numNodes());
                boolean constant = !base.isInput(q) && base.gate(q).primitive().isConstant();
                if (taken[q] || constant || (base.isInput(q) && !consume)) continue;
                int p = r.nextInt(base.numNodes());
                if (p == q || taken[p]) continue;
                taken[q] = true;
                gates.add(new MappedNetwork.Gate(Primitives.IMP2, ImmutableIntArray.of(p, q)));
                outs.add(base.numNodes() + gates.size() - base.gates().size() - 1);
            }
            List<String> names = new ArrayList<>();
            for (int o = 0; o < outs.size(); o++) names.add("y" + o);
            MappedNetwork m = new MappedNetwork("imp" + seed, base.inputNames(), ImmutableList.copyOf(gates), ImmutableList.copyOf(names),
                    ImmutableIntArray.copyOf(outs.stream().mapToInt(Integer::intValue).toArray()));
            for (Scheduler s : Schedulers.undivided()) {
                for (InitModel init : InitModel.values()) {
                    Program p = s.schedule(m, IMPLY, options(init, consume));
                    assertEquals(0, ProgramRunner.mismatches(p, m, 4, seed), s.name() + " " + init + " seed " + seed);
                }
            }
        }
    }
}
