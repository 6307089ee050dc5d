package kautz.device;

import com.google.common.collect.ImmutableList;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MultiLevelTest {
    @Test
    void levy2021CalibrationTargetsAreMetWithin25Percent() {
        DevicePreset p = DevicePresets.load("rram-2bit-levy2021");
        WriteVerifyBench.Result ispp = WriteVerifyBench.measure(p, WriteScheme.ISPP, 4, 4000, 1);
        WriteVerifyBench.Result adaptive = WriteVerifyBench.measure(p, WriteScheme.ADAPTIVE, 4, 4000, 1);
        assertEquals(21.8, ispp.meanPulses(), 21.8 * 0.25, "ISPP pulses per write");
        assertEquals(8.6, adaptive.meanPulses(), 8.6 * 0.25, "adaptive pulses per write");
        assertEquals(0.002, ispp.readBER(), 0.002 * 0.75, "ISPP bit error rate");   // few thousand bits: wider band
        assertEquals(0.002, adaptive.readBER(), 0.002 * 0.75, "adaptive bit error rate");
        assertEquals(0, ispp.writeErrors());
        WriteVerifyBench.Result fixed = WriteVerifyBench.measure(p, WriteScheme.FIXED, 4, 2000, 1);
        assertTrue(fixed.meanPulses() > 1);
    }

    @Test
    void pulseCapHitsAreCountedAsWriteErrors() {
        DevicePreset tight = DevicePresets.parse("tight.device",
                "name = t\ntitle = t\ncitation = test\nstates = 4\npulseCap = 3\n");
        WriteVerifyBench.Result r = WriteVerifyBench.measure(tight, WriteScheme.ISPP, 4, 400, 2);
        assertTrue(r.writeErrors() > 0);
        assertTrue(r.maxPulses() <= 3);
    }

    /** Kernel 1 stores x into mem cell @m[0] (2 bits); kernel 2 reads it back and outputs it. */
    @Test
    void aMemWrittenInOneKernelIsSensedInTheNext() {
        ImmutableList<IoBit> xs = ImmutableList.of(new IoBit("x[0]", 0), new IoBit("x[1]", 1));
        Program store = new Program("store", "magic-nor", 4, InitModel.BULK, xs,
                ImmutableList.of(new IoBit("@m[0][0]", 2), new IoBit("@m[0][1]", 3)),
                ImmutableList.of(MicroOp.of(Opcode.INIT1, 2, 3), MicroOp.of(Opcode.NOR, 2, 0), MicroOp.of(Opcode.NOR, 3, 1),
                        MicroOp.of(Opcode.INIT1, 0, 1), MicroOp.of(Opcode.NOR, 0, 2), MicroOp.of(Opcode.NOR, 1, 3),
                        MicroOp.of(Opcode.INIT1, 2, 3), MicroOp.of(Opcode.NOR, 2, 0), MicroOp.of(Opcode.NOR, 3, 1)));
        Program load = new Program("load", "magic-nor", 4, InitModel.BULK,
                ImmutableList.of(new IoBit("@m[0][0]", 0), new IoBit("@m[0][1]", 1)),
                ImmutableList.of(new IoBit("y[0]", 0), new IoBit("y[1]", 1)), ImmutableList.of());
        int rows = 512;
        DeviceSession s = new DeviceSession(DeviceConfig.of(DevicePresets.load("rram-2bit-levy2021"), ArrayType.ONE_T_ONE_R, rows, 3));
        long[][] x = BitPlanes.random(2, rows, 8);
        DeviceRun w = s.run(store, x);
        // the store wrote ~x (two inversions of x, then a third): a NOT of x into the mem
        assertEquals(rows, w.mlc().writes());
        assertTrue(w.mlc().verifyReads() >= rows && w.energy().of(EnergyKind.PROGRAM) > 0 && w.energy().of(EnergyKind.VERIFY) > 0);
        DeviceRun r = s.run(load, new long[2][BitPlanes.words(rows)]);
        long[][] expected = s.intendedInputs(load, new long[2][BitPlanes.words(rows)]);
        for (int b = 0; b < 2; b++) {
            for (int word = 0; word < expected[b].length; word++) {
                assertEquals(~x[b][word] & BitPlanes.lastWordMask(word == expected[b].length - 1 ? rows : 64), expected[b][word]);
            }
        }
        int wrong = BitPlanes.mismatchedRows(r.outputs(), expected, rows);
        assertEquals(2L * rows, r.mlc().bitsRead());
        assertTrue(wrong <= rows / 50, "a calibrated 2-bit device reads back almost everything, got " + wrong + " wrong rows");
        assertEquals(r.mlc().bitErrors() > 0, wrong > 0);
        assertTrue(r.energy().of(EnergyKind.READ) > 0);
    }

    @Test
    void progAndSenseOpsRunInTheEngine() {
        Program p = new Program("ps", "t", 4, InitModel.BULK, ImmutableList.of(),
                ImmutableList.of(new IoBit("y[0]", 1), new IoBit("y[1]", 2)),
                ImmutableList.of(MicroOp.prog(0, 2), MicroOp.of(Opcode.SENSE, 1, 2, 0)));
        DeviceRun r = new DeviceSession(DeviceConfig.of(DevicePresets.load("rram-2bit-levy2021"), ArrayType.ONE_T_ONE_R, 64, 1).asIdeal())
                .run(p, new long[0][]);
        for (int row = 0; row < 64; row++) {
            assertEquals(0, DeviceSessionTest.bit(r.outputs()[0], row));
            assertEquals(1, DeviceSessionTest.bit(r.outputs()[1], row));
        }
        assertEquals(64, r.mlc().writes());
        assertEquals(0, r.mlc().readBER());
    }

    @Test
    void pcmDriftShiftsLevelsDownAfterARest() {
        DevicePreset gst = DevicePresets.load("gst-8");
        DeviceConfig cfg = DeviceConfig.of(gst, ArrayType.ONE_T_ONE_R, 256, 1).withMlcLevels(8);
        Program p = new Program("ps", "t", 4, InitModel.BULK, ImmutableList.of(),
                ImmutableList.of(new IoBit("y[0]", 1), new IoBit("y[1]", 2), new IoBit("y[2]", 3)),
                ImmutableList.of(MicroOp.prog(0, 6), MicroOp.of(Opcode.SENSE, 1, 2, 3, 0)));
        double fresh = new DeviceSession(cfg).run(p, new long[0][]).mlc().readBER();
        double rested = new DeviceSession(cfg.withReadDelay(1e6)).run(p, new long[0][]).mlc().readBER();
        assertTrue(rested > fresh, "fresh " + fresh + " rested " + rested);
    }
}
