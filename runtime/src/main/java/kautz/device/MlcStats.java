package kautz.device;

import java.util.Arrays;

/**
 * Multi-level cell statistics of a run: programming pulses per write (mean, p99, max), verify reads, write
 * errors (writes that hit the pulse cap) and sensing errors (levels and bits read wrong). Mutable while the
 * engine runs; read through the accessors.
 */
public final class MlcStats {
    private int[] pulses = new int[64];
    private int writes;
    private long verifyReads;
    private long writeErrors;
    private long levelReads;
    private long levelErrors;
    private long bitsRead;
    private long bitErrors;

    void recordWrite(int pulseCount, int verifies, boolean capped) {
        if (writes == pulses.length) pulses = Arrays.copyOf(pulses, writes * 2);
        pulses[writes++] = pulseCount;
        verifyReads += verifies;
        if (capped) writeErrors++;
    }

    /** Adds another run's statistics to these. */
    void addAll(MlcStats o) {
        for (int i = 0; i < o.writes; i++) recordWrite(o.pulses[i], 0, false);
        verifyReads += o.verifyReads;
        writeErrors += o.writeErrors;
        levelReads += o.levelReads;
        levelErrors += o.levelErrors;
        bitsRead += o.bitsRead;
        bitErrors += o.bitErrors;
    }

    void recordRead(int read, int intended, int bits) {
        levelReads++;
        bitsRead += bits;
        if (read != intended) {
            levelErrors++;
            bitErrors += Integer.bitCount(read ^ intended);
        }
    }

    public int writes() { return writes; }
    public long verifyReads() { return verifyReads; }
    public long writeErrors() { return writeErrors; }
    public long levelReads() { return levelReads; }
    public long levelErrors() { return levelErrors; }
    public long bitsRead() { return bitsRead; }
    public long bitErrors() { return bitErrors; }

    /** Bit errors per bit sensed from multi-level cells (0 when none were sensed). */
    public double readBER() { return bitsRead == 0 ? 0 : (double) bitErrors / bitsRead; }

    public double meanPulses() {
        long s = 0;
        for (int i = 0; i < writes; i++) s += pulses[i];
        return writes == 0 ? 0 : (double) s / writes;
    }

    public int percentilePulses(double q) {
        if (writes == 0) return 0;
        int[] sorted = Arrays.copyOf(pulses, writes);
        Arrays.sort(sorted);
        return sorted[Math.min(writes - 1, (int) Math.ceil(q * writes) - 1)];
    }

    public int maxPulses() { return percentilePulses(1.0); }
}
