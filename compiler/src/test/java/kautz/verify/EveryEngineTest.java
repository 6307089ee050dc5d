package kautz.verify;

import com.google.common.collect.ImmutableList;
import kautz.device.ArrayType;
import kautz.device.DeviceConfig;
import kautz.device.DevicePresets;
import kautz.device.DeviceSession;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.isa.RandomPrograms;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.engines.Engines;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every opcode and random programs on every engine: the interpreter, the JIT, the device engine with an ideal
 * preset, and the verifier's symbolic execution simulated on the same rows. All take an op's function from the
 * Opcode table, so all must give the same bits.
 */
class EveryEngineTest {
    /** The outputs of each engine; cells never written read 0 (the symbolic engine's free variables are set to 0). */
    static Map<String, long[][]> runAll(Program p, long[][] in, int rows) {
        Map<String, long[][]> out = new LinkedHashMap<>();
        out.put("interp", Engines.byName("interp").run(p, in, rows));
        out.put("jit", Engines.byName("jit").run(p, in, rows));
        DeviceConfig ideal = DeviceConfig.of(DevicePresets.load("rram-2bit-levy2021"), ArrayType.ONE_T_ONE_R, rows, 1).asIdeal();
        out.put("device", new DeviceSession(ideal).run(p, in).outputs());
        Aig aig = SymbolicExecution.network(p);
        long[][] symIn = new long[aig.numInputs()][];
        for (int i = 0; i < symIn.length; i++) symIn[i] = i < in.length ? in[i] : new long[BitPlanes.words(rows)];
        long[][] sym = AigSimulator.simulate(aig, symIn);
        for (long[] o : sym) o[o.length - 1] &= BitPlanes.lastWordMask(rows);
        out.put("symbolic", sym);
        return out;
    }

    static void assertSameBits(Program p, long[][] in, int rows, String what) {
        Map<String, long[][]> all = runAll(p, in, rows);
        long[][] ref = all.get("interp");
        for (Map.Entry<String, long[][]> e : all.entrySet()) {
            assertEquals(0, BitPlanes.mismatchedRows(ref, e.getValue(), rows), what + ": " + e.getKey() + " differs from interp");
        }
    }

    @Test
    void everyOpcodeOnEveryEngine() {
        // Three inputs in cells 0..2; every opcode writes cell 3 from every pre-state, read out after each op.
        for (Opcode oc : Opcode.values()) {
            if (oc == Opcode.PROG) continue; // written with sense below
            for (int pre = 0; pre < 2; pre++) {
                List<MicroOp> ops = new ArrayList<>();
                ops.add(MicroOp.of(pre == 1 ? Opcode.INIT1 : Opcode.INIT0, 3));
                ops.add(switch (oc) {
                    case INIT0, INIT1, FALSE -> MicroOp.of(oc, 3);
                    case IMP -> MicroOp.of(oc, 0, 3);
                    case MIN3 -> MicroOp.of(oc, 3, 0, 1, 2);
                    case SENSE -> MicroOp.of(oc, 3, 4, 5);
                    default -> MicroOp.of(oc, 3, 0, 1);
                });
                if (oc == Opcode.SENSE) ops.add(0, MicroOp.prog(5, 1));
                Program p = new Program(oc.mnemonic(), "t", 6, InitModel.BULK,
                        ImmutableList.of(new IoBit("a", 0), new IoBit("b", 1), new IoBit("c", 2)),
                        ImmutableList.of(new IoBit("y", 3), new IoBit("z", 4)), ImmutableList.copyOf(ops));
                int rows = 8;
                long[][] in = {{0b10101010}, {0b11001100}, {0b11110000}};
                assertSameBits(p, in, rows, oc.mnemonic() + " on " + pre);
            }
        }
    }

    @Test
    void randomProgramsOnEveryEngine() {
        for (long seed = 1; seed <= 60; seed++) {
            // prog and sense are left out: the device programs multi-level cells physically (FunctionalAgreementTest)
            Program r = RandomPrograms.generate(seed, 5, 8, 80, 20);
            Program p = new Program(r.kernel(), r.target(), r.rowSize(), r.initModel(), r.inputs(), r.outputs(),
                    ImmutableList.copyOf(r.ops().stream().filter(op -> op.opcode().isLogic() || op.opcode().isInit()).toList()));
            int rows = 1 + (int) (seed * 37 % 150);
            assertSameBits(p, BitPlanes.random(5, rows, seed), rows, "seed " + seed);
        }
    }
}
