package kautz.device;

import java.util.SplittableRandom;

/**
 * Measures a write-verify scheme on a device: {@code cells} cells of a 1T1R column each programmed to a
 * random level of {@code levels}, then each sensed once. Used for the Levy et al. calibration (tests and
 * docs/devices.md) and by {@code kautz devices --write-verify}.
 */
public final class WriteVerifyBench {
    private WriteVerifyBench() {}

    /** Mean/p99/max pulses per write, verify reads per write, write errors and the bit error rate of the reads. */
    public record Result(double meanPulses, int p99Pulses, int maxPulses, double verifyReadsPerWrite,
                         long writeErrors, double readBER, double energyPerWritePJ) {}

    public static Result measure(DevicePreset preset, WriteScheme scheme, int levels, int cells, long seed) {
        DeviceConfig config = DeviceConfig.of(preset, ArrayType.ONE_T_ONE_R, cells, seed).withScheme(scheme).withMlcLevels(levels);
        Crossbar xb = new Crossbar(preset, cells, 1, seed, false);
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        ReadPath reader = new ReadPath(xb, config, rnd);
        MlcStats stats = new MlcStats();
        MlcProgrammer programmer = new MlcProgrammer(xb, config, reader, rnd, stats);
        EnergyLedger ledger = new EnergyLedger(0);
        xb.makeMultiLevel(0, levels);
        for (int r = 0; r < cells; r++) programmer.program(0, r, rnd.nextInt(levels), levels, ledger, 0);
        int bits = 32 - Integer.numberOfLeadingZeros(levels - 1);
        for (int r = 0; r < cells; r++) {
            double g = reader.sense(0, r, true);
            int level = (int) Math.max(0, Math.min(levels - 1, Math.round(g * (levels - 1))));
            stats.recordRead(level, xb.intendedLevel(0, r), bits);
        }
        return new Result(stats.meanPulses(), stats.percentilePulses(0.99), stats.maxPulses(),
                (double) stats.verifyReads() / cells, stats.writeErrors(), stats.readBER(), ledger.total() / cells);
    }
}
