package kautz.mapping;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NorFormulasTest {
    @Test
    void shippedSizesMatchTheEnumeration() {
        byte[] fresh = NorFormulas.enumerateSizes();
        byte[] shipped = new byte[1 << 16];
        for (int f = 0; f < shipped.length; f++) shipped[f] = (byte) NorFormulas.get().size(f);
        assertArrayEquals(fresh, shipped);
    }

    @Test
    void knownSizes() {
        NorFormulas nf = NorFormulas.get();
        int a = NorFormulas.VARS[0], b = NorFormulas.VARS[1];
        assertEquals(1, nf.size(~(a | b) & 0xFFFF)); // NOR
        assertEquals(3, nf.size(a & b));             // AND = NOR(¬a, ¬b)
        assertEquals(5, nf.size(a ^ b));             // as a tree; 4 gates once NOR(a, b) is shared
    }

    @Test
    void everyBuiltFormulaComputesItsFunctionWithAtMostItsSize() {
        NorFormulas nf = NorFormulas.get();
        for (int f = 0; f < 1 << 16; f += 97) {
            List<int[]> gates = new ArrayList<>();
            int[] value = new int[64];
            int[] inputs = {0, 1, 2, 3};
            System.arraycopy(NorFormulas.VARS, 0, value, 0, 4);
            int[] count = {4};
            int out = nf.build(f, inputs, new NorFormulas.GateSink() {
                @Override public int not(int x) { value[count[0]] = ~value[x] & 0xFFFF; return count[0]++; }
                @Override public int nor(int x, int y) { value[count[0]] = ~(value[x] | value[y]) & 0xFFFF; return count[0]++; }
            });
            assertEquals(f, value[out], "function " + Integer.toHexString(f));
            assertEquals(nf.size(f), count[0] - 4);
        }
    }
}
