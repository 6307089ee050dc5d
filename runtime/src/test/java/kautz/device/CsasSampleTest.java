package kautz.device;

import kautz.isa.Assembler;
import kautz.isa.PartitionModel;
import kautz.isa.PartitionRules;
import kautz.isa.Program;
import kautz.isa.ProgramLint;
import kautz.ports.BitPlanes;
import kautz.engines.Engines;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** samples/csas_mul4.kasm, the hand-partitioned multiplier: legal under the minimal model, a×b for all 256 pairs on every engine. */
class CsasSampleTest {
    private static final Path SAMPLE = Path.of("..", "samples", "csas_mul4.kasm");

    @Test
    void multipliesEveryPairOnEveryEngine() {
        Program p = Assembler.read(SAMPLE);
        assertEquals(PartitionModel.MINIMAL, p.model());
        assertEquals(java.util.List.of(), PartitionRules.check(p));
        assertEquals(java.util.List.of(), ProgramLint.check(p));
        int rows = 256;
        long[][] in = new long[8][BitPlanes.words(rows)];
        for (int r = 0; r < rows; r++) {
            for (int bit = 0; bit < 8; bit++) if ((r >>> bit & 1) != 0) in[bit][r >>> 6] |= 1L << (r & 63); // a = r & 15, b = r >> 4
        }
        DeviceConfig ideal = DeviceConfig.of(DevicePresets.load("rram-2bit-levy2021"), ArrayType.ONE_T_ONE_R, rows, 1).asIdeal();
        long[][][] results = {
                Engines.byName("interp").run(p, in, rows),
                Engines.byName("jit").run(p, in, rows),
                new DeviceSession(ideal).run(p, in).outputs()};
        for (long[][] out : results) {
            for (int r = 0; r < rows; r++) {
                int product = 0;
                for (int bit = 0; bit < 8; bit++) if ((out[bit][r >>> 6] >>> (r & 63) & 1) != 0) product |= 1 << bit;
                assertEquals((r & 15) * (r >>> 4), product, "a=" + (r & 15) + " b=" + (r >>> 4));
            }
        }
    }
}
