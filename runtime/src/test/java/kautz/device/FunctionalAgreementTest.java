package kautz.device;

import com.google.common.collect.ImmutableList;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import kautz.sim.Engine;
import kautz.engines.Engines;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The device engine on healthy devices computes exactly what the functional interpreter computes. */
class FunctionalAgreementTest {
    private static final Opcode[] LOGIC = {Opcode.NOR, Opcode.OR, Opcode.NAND, Opcode.AND, Opcode.IMP, Opcode.MIN3,
            Opcode.INIT0, Opcode.INIT1, Opcode.FALSE};

    @Test
    void randomProgramsGiveTheSameBitsAsTheInterpreter() {
        Engine interp = Engines.byName("interp");
        SplittableRandom rnd = new SplittableRandom(2024);
        for (int trial = 0; trial < 40; trial++) {
            int inputs = 1 + rnd.nextInt(4);
            int binary = inputs + 3 + rnd.nextInt(12);
            int mlcCell = binary;            // a cell used only by prog and sense
            int cells = binary + 1;
            List<MicroOp> ops = new ArrayList<>();
            int n = 10 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(10) == 0) {
                    ops.add(MicroOp.prog(mlcCell, rnd.nextInt(4)));
                    int d0 = inputs + rnd.nextInt(binary - inputs), d1 = inputs + rnd.nextInt(binary - inputs);
                    ops.add(d0 == d1 ? MicroOp.of(Opcode.SENSE, d0, mlcCell) : MicroOp.of(Opcode.SENSE, d0, d1, mlcCell));
                    continue;
                }
                Opcode oc = LOGIC[rnd.nextInt(LOGIC.length)];
                int d = inputs + rnd.nextInt(binary - inputs);
                int k = oc == Opcode.MIN3 ? 3 : oc == Opcode.IMP ? 1 : 1 + rnd.nextInt(3);
                int[] ops2 = new int[k + 1];
                ops2[0] = d;
                for (int s = 1; s <= k; s++) {
                    int a;
                    do a = rnd.nextInt(binary); while (a == d);
                    ops2[s] = a;
                }
                if (oc == Opcode.IMP) ops.add(MicroOp.of(oc, ops2[1], d));
                else if (oc.isInit()) ops.add(MicroOp.of(oc, d));
                else if (k == 1 && oc != Opcode.NOR) ops.add(MicroOp.of(oc, d, ops2[1], ops2[1]));
                else ops.add(MicroOp.of(oc, ops2));
            }
            ImmutableList.Builder<IoBit> in = ImmutableList.builder();
            for (int i = 0; i < inputs; i++) in.add(new IoBit("x[" + i + "]", i));
            ImmutableList.Builder<IoBit> out = ImmutableList.builder();
            for (int c = 0; c < binary; c++) out.add(new IoBit("c[" + c + "]", c));
            Program p = new Program("r" + trial, "t", cells, InitModel.BULK, in.build(), out.build(), ImmutableList.copyOf(ops));
            int rows = 1 + rnd.nextInt(200);
            long[][] planes = BitPlanes.random(inputs, rows, trial);
            long[][] expected = interp.run(p, planes, rows);
            DeviceConfig cfg = DeviceConfig.of(DevicePresets.load("rram-2bit-levy2021"), ArrayType.ONE_T_ONE_R, rows, trial).asIdeal();
            DeviceRun run = new DeviceSession(cfg).run(p, planes);
            assertEquals(0, BitPlanes.mismatchedRows(expected, run.outputs(), rows), "trial " + trial + ": " + p.ops());
        }
    }
}
