package kautz.ports;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Row data as the simulators hold it: one bit-plane per bit-level signal, {@code planes[bit][word]}, 64 rows
 * per {@code long} (row {@code r} is bit {@code r % 64} of word {@code r / 64}). Converts between planes
 * and per-row port values.
 */
public final class BitPlanes {
    private BitPlanes() {}

    public static int words(int rows) { return (rows + 63) >>> 6; }

    /** Mask of the valid rows in the last word. */
    public static long lastWordMask(int rows) {
        int r = rows & 63;
        return r == 0 ? -1L : (1L << r) - 1;
    }

    /** Uniformly random planes (rows beyond {@code rows} in the last word are zero). Seeded, reproducible. */
    public static long[][] random(int bits, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int words = words(rows);
        long[][] p = new long[bits][words];
        long mask = lastWordMask(rows);
        // word by word, so row i's values are the same whatever the number of rows
        for (int w = 0; w < words; w++) {
            for (long[] plane : p) plane[w] = rnd.nextLong();
        }
        for (long[] plane : p) plane[words - 1] &= mask;
        return p;
    }

    /** Writes {@code value} into a port's bits for one row (bits beyond the port's width must be zero). */
    public static void set(long[][] planes, Port port, int row, BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > port.width()) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + port.width() + " bits of " + port.name());
        }
        int w = row >>> 6;
        long bit = 1L << (row & 63);
        for (int i = 0; i < port.width(); i++) {
            long[] plane = planes[port.positions().get(i)];
            if (value.testBit(i)) plane[w] |= bit;
            else plane[w] &= ~bit;
        }
    }

    /** Reads a port's value in one row. */
    public static BigInteger get(long[][] planes, Port port, int row) {
        int w = row >>> 6;
        int shift = row & 63;
        BigInteger v = BigInteger.ZERO;
        for (int i = port.width() - 1; i >= 0; i--) {
            v = v.shiftLeft(1);
            if ((planes[port.positions().get(i)][w] >>> shift & 1) != 0) v = v.setBit(0);
        }
        return v;
    }

    /** Rows (below {@code rows}) where two sets of planes differ in any bit. */
    public static int mismatchedRows(long[][] a, long[][] b, int rows) {
        if (a.length != b.length) throw new IllegalArgumentException("different numbers of bits");
        int words = words(rows);
        int count = 0;
        for (int w = 0; w < words; w++) {
            long diff = 0;
            for (int i = 0; i < a.length; i++) diff |= a[i][w] ^ b[i][w];
            if (w == words - 1) diff &= lastWordMask(rows);
            count += Long.bitCount(diff);
        }
        return count;
    }

    /** Planes for {@code bits} signals where every one of {@code rows} rows holds the same port values. */
    public static long[][] sameInEveryRow(java.util.List<Port> ports, java.util.Map<String, BigInteger> values, int bits, int rows) {
        int words = words(rows);
        long mask = lastWordMask(rows);
        long[][] planes = new long[bits][words];
        for (Port port : ports) {
            BigInteger v = values.get(port.name());
            for (int i = 0; i < port.width(); i++) {
                if (!v.testBit(i)) continue;
                long[] plane = planes[port.positions().get(i)];
                java.util.Arrays.fill(plane, -1L);
                plane[words - 1] = mask;
            }
        }
        return planes;
    }
}
