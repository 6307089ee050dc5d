package kautz.device;

import java.util.SplittableRandom;

/**
 * Measures a write-verify scheme on a device: {@code cells} cells of a 1T1R column each programmed to a
 * random level of {@code levels}, then each sensed once (after the configured rest). Used for the Levy et al.
 * calibration (tests and docs/devices.md), by {@code kautz devices --write-verify} and by the bit-error study.
 *
 * <p>Besides the raw bit error rate (level ℓ stores the bits of ℓ) it reports two codings of the same reads:
 * Gray-coded levels (level ℓ stores ℓ ⊕ ℓ/2, so a read one level off costs one bit) and, on top of Gray, a
 * Hamming(7,4) code over the stream of stored bits (each 7 consecutive bits a codeword correcting one error;
 * rate 4/7). The code is linear, so the residual data errors follow from each codeword's error pattern alone.
 */
public final class WriteVerifyBench {
    private WriteVerifyBench() {}

    /** Mean/p99/max pulses per write, verify reads per write, write errors and the bit error rates of the reads. */
    public record Result(double meanPulses, int p99Pulses, int maxPulses, double verifyReadsPerWrite,
                         long writeErrors, double readBER, double energyPerWritePJ, double grayBER, double hammingBER) {}

    public static Result measure(DevicePreset preset, WriteScheme scheme, int levels, int cells, long seed) {
        return measure(preset, scheme, levels, cells, seed, 0);
    }

    /** The same after the cells rest {@code readDelayS} seconds (drift, retention loss). */
    public static Result measure(DevicePreset preset, WriteScheme scheme, int levels, int cells, long seed, double readDelayS) {
        DeviceConfig config = DeviceConfig.of(preset, ArrayType.ONE_T_ONE_R, cells, seed).withScheme(scheme).withMlcLevels(levels)
                .withReadDelay(readDelayS);
        Crossbar xb = new Crossbar(preset, cells, 1, seed, false);
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        ReadPath reader = new ReadPath(xb, config, rnd);
        MlcStats stats = new MlcStats();
        MlcProgrammer programmer = new MlcProgrammer(xb, config, reader, rnd, stats);
        EnergyLedger ledger = new EnergyLedger(0);
        xb.makeMultiLevel(0, levels);
        for (int r = 0; r < cells; r++) programmer.program(0, r, rnd.nextInt(levels), levels, ledger, 0);
        int bits = 32 - Integer.numberOfLeadingZeros(levels - 1);
        long grayErrors = 0;
        BitStream errors = new BitStream();
        for (int r = 0; r < cells; r++) {
            double g = reader.sense(0, r, true);
            int level = (int) Math.max(0, Math.min(levels - 1, Math.round(g * (levels - 1))));
            int intended = xb.intendedLevel(0, r);
            stats.recordRead(level, intended, bits);
            int e = gray(level) ^ gray(intended);
            grayErrors += Integer.bitCount(e);
            errors.append(e, bits);
        }
        long bitsRead = (long) cells * bits;
        return new Result(stats.meanPulses(), stats.percentilePulses(0.99), stats.maxPulses(),
                (double) stats.verifyReads() / cells, stats.writeErrors(), stats.readBER(), ledger.total() / cells,
                bitsRead == 0 ? 0 : (double) grayErrors / bitsRead, errors.hammingResidualBER());
    }

    static int gray(int level) { return level ^ (level >>> 1); }

    /** Error bits of the stored stream, in order, cut into Hamming(7,4) codewords. */
    private static final class BitStream {
        private int word;
        private int filled;
        private long dataErrors;
        private long codewords;

        void append(int bits, int n) {
            for (int i = 0; i < n; i++) {
                word |= (bits >>> i & 1) << filled;
                if (++filled == 7) {
                    dataErrors += residual(word);
                    codewords++;
                    word = 0;
                    filled = 0;
                }
            }
        }

        double hammingResidualBER() { return codewords == 0 ? 0 : (double) dataErrors / (4 * codewords); }

        // Hamming(7,4), positions 1..7 with parity at 1, 2, 4 and data at 3, 5, 6, 7: the syndrome of the error
        // pattern names the position the decoder flips; what remains wrong among the data positions is residual
        private static int residual(int e) {
            int syndrome = 0;
            for (int pos = 1; pos <= 7; pos++) if ((e >>> (pos - 1) & 1) != 0) syndrome ^= pos;
            int corrected = syndrome == 0 ? e : e ^ (1 << (syndrome - 1));
            int dataMask = (1 << 2) | (1 << 4) | (1 << 5) | (1 << 6);
            return Integer.bitCount(corrected & dataMask);
        }
    }
}
