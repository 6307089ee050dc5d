package kautz.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The smallest NOR2/NOT formula for every Boolean function of at most four inputs. Functions are 16-bit
 * truth tables over inputs x0..x3 (x0 = 0xAAAA, x1 = 0xCCCC, x2 = 0xF0F0, x3 = 0xFF00); a function of fewer
 * inputs simply ignores the others.
 *
 * <p>{@link #enumerateSizes()} finds every size by enumeration in order of size (formulas of size c are NOT
 * of a size c-1 formula or NOR of two formulas whose sizes add to c-1). That takes seconds, so the sizes
 * are computed once and shipped as the resource {@code nor-formula-sizes.bin.gz} (a test checks it against
 * the enumeration); a formula itself is recovered from the sizes when first needed, and remembered.
 *
 * <p>Formulas are trees; when one is built, equal sub-formulas become one gate (the builder hash-conses),
 * so the gates a cut really costs can only be fewer than {@link #size}.
 */
final class NorFormulas {
    static final int[] VARS = {0xAAAA, 0xCCCC, 0xF0F0, 0xFF00};
    static final String RESOURCE = "nor-formula-sizes.bin.gz";
    private static final int FUNCTIONS = 1 << 16;
    private static final int UNKNOWN = 255;
    private static final NorFormulas INSTANCE = new NorFormulas(load());

    private final byte[] size;
    private final int[][] bySize;
    /** f → (a << 16 | b): f = NOR(a, b), or NOT(a) when a == b. */
    private final ConcurrentHashMap<Integer, Integer> split = new ConcurrentHashMap<>();

    NorFormulas(byte[] size) {
        this.size = size.clone();
        int max = 0;
        for (byte s : size) max = Math.max(max, s & 0xFF);
        int[] count = new int[max + 1];
        for (byte s : size) count[s & 0xFF]++;
        bySize = new int[max + 1][];
        for (int c = 0; c <= max; c++) bySize[c] = new int[count[c]];
        int[] fill = new int[max + 1];
        for (int f = 0; f < FUNCTIONS; f++) bySize[size[f] & 0xFF][fill[size[f] & 0xFF]++] = f;
    }

    static NorFormulas get() { return INSTANCE; }

    /** Gates in the smallest formula of {@code f} (inputs free). */
    int size(int f) { return size[f] & 0xFF; }

    /** Builds {@code f} over the given input nodes; {@code inputs[i]} realises x_i. */
    int build(int f, int[] inputs, GateSink sink) {
        if (size(f) == 0) {
            for (int i = 0; i < VARS.length; i++) if (VARS[i] == f) return inputs[i];
        }
        int ab = split.computeIfAbsent(f, this::findSplit);
        int a = ab >>> 16;
        int b = ab & 0xFFFF;
        int na = build(a, inputs, sink);
        if (a == b) return sink.not(na);
        return sink.nor(na, build(b, inputs, sink));
    }

    /** A decomposition of f that achieves its size. */
    private int findSplit(int f) {
        int c = size(f);
        int nf = ~f & 0xFFFF;
        if (size(nf) == c - 1) return nf << 16 | nf;
        for (int i = 0; i <= (c - 1) / 2; i++) {
            int j = c - 1 - i;
            for (int a : bySize[i]) {
                if ((a & f) != 0) continue;
                int need = nf & ~a; // b must cover what a leaves of ¬f, and stay inside ¬f
                if (Integer.bitCount(a) <= 12) {
                    for (int s = a; ; s = (s - 1) & a) { // every subset s of a
                        int b = need | s;
                        if (size(b) == j) return a << 16 | b;
                        if (s == 0) break;
                    }
                } else {
                    for (int b : bySize[j]) if ((a | b) == nf && (b & f) == 0) return a << 16 | b;
                }
            }
        }
        throw new IllegalStateException("formula table inconsistent at " + Integer.toHexString(f));
    }

    /** Where formula gates go. */
    interface GateSink {
        int not(int a);
        int nor(int a, int b);
    }

    private static byte[] load() {
        try (InputStream in = NorFormulas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return enumerateSizes();
            byte[] b = new GZIPInputStream(in).readAllBytes();
            if (b.length != FUNCTIONS) throw new IllegalStateException(RESOURCE + " has " + b.length + " entries");
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sizes of the smallest NOR2/NOT formulas of all 4-input functions, by enumeration (seconds). */
    static byte[] enumerateSizes() {
        byte[] size = new byte[FUNCTIONS];
        Arrays.fill(size, (byte) UNKNOWN);
        List<int[]> bySize = new ArrayList<>();
        for (int v : VARS) size[v] = 0;
        bySize.add(VARS.clone());
        int found = VARS.length;
        int[] next = new int[FUNCTIONS];
        for (int c = 1; found < FUNCTIONS && c < UNKNOWN; c++) {
            int n = 0;
            for (int a : bySize.get(c - 1)) {
                int f = ~a & 0xFFFF;
                if ((size[f] & 0xFF) == UNKNOWN) {
                    size[f] = (byte) c;
                    next[n++] = f;
                }
            }
            for (int i = 0; i <= (c - 1) / 2; i++) {
                int[] la = bySize.get(i);
                int[] lb = bySize.get(c - 1 - i);
                for (int x = 0; x < la.length; x++) {
                    int a = la[x];
                    for (int y = i == c - 1 - i ? x : 0; y < lb.length; y++) {
                        int f = ~(a | lb[y]) & 0xFFFF;
                        if ((size[f] & 0xFF) == UNKNOWN) {
                            size[f] = (byte) c;
                            next[n++] = f;
                        }
                    }
                }
            }
            bySize.add(Arrays.copyOf(next, n));
            found += n;
        }
        return size;
    }

    /** Writes the resource: {@code java kautz.mapping.NorFormulas OUT.bin.gz}. */
    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(buf)) {
            z.write(enumerateSizes());
        }
        kautz.util.AtomicFiles.write(java.nio.file.Path.of(args[0]), out -> buf.writeTo(out));
    }
}
