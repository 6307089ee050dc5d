package kautz.device;

import kautz.isa.Assembler;
import kautz.isa.PartitionRules;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import kautz.engines.Engines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The device engine runs a cycle's ops at once: the same bits, each op's energy, the slowest op's time. */
class ParallelCyclesOnDeviceTest {
    /** Four NOTs, one per partition, then a NOR in each partition: once in parallel cycles, once one op a line. */
    private static final String PARALLEL = """
            .kernel nots
            .rowsize 32
            .init op
            .partitions 4x8
            .model standard
            .input a 0
            .input b 8
            .input c 16
            .input d 24
            .output w 3
            .output x 11
            .output y 19
            .output z 27
            init1 2 | init1 10 | init1 18 | init1 26
            nor 2, 0 | nor 10, 8 | nor 18, 16 | nor 26, 24
            init1 3 | init1 11 | init1 19 | init1 27
            nor 3, 2, 0 | nor 11, 10, 8 | nor 19, 18, 16 | nor 27, 26, 24
            """;

    @Test
    void sameBitsSameEnergyFewerCycles() {
        Program parallel = Assembler.parse(PARALLEL, "nots.kasm");
        assertTrue(PartitionRules.isLegal(parallel));
        Program serial = Assembler.parse(PARALLEL.replace(" | ", "\n"), "serial.kasm");
        assertEquals(parallel.ops(), serial.ops());
        assertEquals(4, parallel.stats().cycles());
        assertEquals(16, serial.stats().cycles());
        int rows = 100;
        long[][] in = BitPlanes.random(4, rows, 7);
        long[][] expected = Engines.byName("interp").run(parallel, in, rows);
        DeviceConfig cfg = DeviceConfig.of(DevicePresets.load("rram-2bit-levy2021"), ArrayType.ONE_T_ONE_R, rows, 1).asIdeal();
        DeviceRun p = new DeviceSession(cfg).run(parallel, in);
        DeviceRun s = new DeviceSession(cfg).run(serial, in);
        assertEquals(0, BitPlanes.mismatchedRows(expected, p.outputs(), rows));
        assertEquals(0, BitPlanes.mismatchedRows(expected, s.outputs(), rows));
        assertEquals(s.energy().total(), p.energy().total(), 1e-9 * s.energy().total(), "every op is charged, in parallel or not");
        long io = 4 + 4; // input writes and output reads
        assertEquals(4 + io, p.deviceCycles());
        assertEquals(16 + io, s.deviceCycles());
    }

    @Test
    void aCycleLastsAsLongAsItsSlowestOp() {
        Program p = Assembler.parse("""
                .kernel k
                .rowsize 16
                .init op
                .partitions 2x8
                init1 1 | prog 9, 3
                """, "k.kasm");
        DeviceConfig cfg = DeviceConfig.of(DevicePresets.load("rram-2bit-levy2021"), ArrayType.ONE_T_ONE_R, 64, 3);
        DeviceRun parallel = new DeviceSession(cfg).run(p, new long[0][]);
        DeviceRun progAlone = new DeviceSession(cfg).run(Assembler.parse("""
                .kernel k
                .rowsize 16
                prog 9, 3
                """, "k.kasm"), new long[0][]);
        assertTrue(progAlone.deviceCycles() > 1, "write-verify takes several pulses");
        assertEquals(progAlone.deviceCycles(), parallel.deviceCycles());
    }
}
