package kautz.opt;

import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A symmetric function built for the least space: a counter adds the inputs one at a time (a ripple
 * incrementer whose width grows as ceil(log2(i+1)) after i inputs), then the function is read off the count
 * by a decision diagram over its bits. Nodes are created in evaluation order, stage after stage, so a
 * scheduler that follows the network's order holds only the count's bits, the carry and a few temporaries
 * (a peak of about log2(n) + 8 values once mapped to NOR: 14 for 63 inputs, 18 for 1001) instead of the many partial sums of an adder tree; the price is about
 * 3 n log2(n) ANDs.
 */
final class SerialCounter {
    private SerialCounter() {}

    /** The count of ones among {@code inputs}, least significant bit first. */
    static int[] count(AigBuilder b, int[] inputs) {
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            int width = bits.size();
            int newWidth = 32 - Integer.numberOfLeadingZeros(i + 1); // bits of the largest count after this input
            int carry = inputs[i];
            for (int j = 0; j < width; j++) {
                int c = bits.get(j);
                bits.set(j, b.xor(c, carry));
                if (j + 1 < newWidth) carry = b.and(c, carry); // the carry out of the top bit exists only when the count grows a bit
            }
            if (newWidth > width) bits.add(carry);
        }
        return bits.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@code values[count]} as a literal: a decision diagram over the count's bits, most significant at the
     * root, shared by sub-vector (a threshold is then a chain of one AND or OR per bit). Counts above
     * {@code values.length - 1} cannot occur; they take the last value, which keeps thresholds thresholds.
     */
    static int select(AigBuilder b, int[] bits, boolean[] values) {
        int size = 1 << bits.length;
        BitSet vector = new BitSet(size);
        for (int w = 0; w < size; w++) if (values[Math.min(w, values.length - 1)]) vector.set(w);
        return node(b, bits, bits.length - 1, vector, size, new HashMap<>());
    }

    private record Key(int level, BitSet vector) {}

    private static int node(AigBuilder b, int[] bits, int level, BitSet vector, int size, Map<Key, Integer> memo) {
        if (vector.isEmpty()) return Lit.FALSE;
        if (vector.cardinality() == size) return Lit.TRUE;
        Key key = new Key(level, vector);
        Integer known = memo.get(key);
        if (known != null) return known;
        int half = size / 2;
        // the lower half first: nodes are created as they are evaluated, the low bits' chain before the high
        int lo = node(b, bits, level - 1, vector.get(0, half), half, memo);
        int hi = node(b, bits, level - 1, vector.get(half, size), half, memo);
        int r = mux(b, bits[level], hi, lo);
        memo.put(key, r);
        return r;
    }

    /** c ? t : e, with the one-AND forms when an operand is constant. */
    private static int mux(AigBuilder b, int c, int t, int e) {
        if (t == e) return t;
        if (t == Lit.TRUE) return b.or(c, e);
        if (t == Lit.FALSE) return b.and(Lit.not(c), e);
        if (e == Lit.TRUE) return b.or(Lit.not(c), t);
        if (e == Lit.FALSE) return b.and(c, t);
        return b.mux(c, t, e);
    }
}
