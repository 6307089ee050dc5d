package kautz.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Home partitions sliced by the bits of one input vector: bit b of a W-bit vector belongs to partition
 * b·K/W, and a gate to the slice of the lowest (or highest) bit of that vector in its cone. Repeated bit
 * slices of a word-level kernel then land one per partition: the columns of a carry-save multiplier (lowest
 * bit of the first operand: column i holds every full adder that reads a[i] and nothing lower), the bits of
 * an adder (highest bit). Gates that read no bit of the vector go with their readers (the lowest reader's
 * partition), so a value read by every slice starts at the lowest one.
 */
final class SliceHomes {
    private SliceHomes() {}

    private static final Pattern BIT = Pattern.compile("(.*)\\[(\\d+)]");

    /** The input vectors of at least two bits, in input order, each with its inputs by bit. */
    static Map<String, List<int[]>> vectors(GateGraph graph) {
        Map<String, List<int[]>> out = new LinkedHashMap<>();
        for (int i = 0; i < graph.inputs(); i++) {
            Matcher m = BIT.matcher(graph.network().inputNames().get(i));
            if (!m.matches()) continue;
            out.computeIfAbsent(m.group(1), key -> new ArrayList<>()).add(new int[] {i, Integer.parseInt(m.group(2))});
        }
        out.values().removeIf(bits -> bits.size() < 2);
        return out;
    }

    /** The {@code n} widest input vectors (the earlier one among equals), each with its inputs by bit. */
    static List<List<int[]>> widest(GateGraph graph, int n) {
        List<List<int[]>> all = new ArrayList<>(vectors(graph).values());
        all.sort((x, y) -> Integer.compare(y.size(), x.size()));
        return all.subList(0, Math.min(n, all.size()));
    }

    /**
     * A home for every node (inputs included): the slice of the lowest ({@code lowest}) or highest bit of
     * {@code bits} (input, bit index) in its cone; else, by the same rule, of the other input vectors' bits;
     * else its lowest reader's home, else 0.
     */
    static int[] homes(GateGraph graph, int k, List<int[]> bits, Map<String, List<int[]>> others, boolean lowest) {
        int[] home = cone(graph, k, List.of(bits), lowest);
        List<List<int[]>> rest = new ArrayList<>(others.values());
        rest.remove(bits);
        int[] second = cone(graph, k, rest, lowest);
        int[] order = graph.neededGates();
        for (int g = 0; g < home.length; g++) if (home[g] < 0) home[g] = second[g];
        for (int i = order.length - 1; i >= -graph.inputs(); i--) {
            int g = i >= 0 ? order[i] : -1 - i;
            if (home[g] >= 0 || i >= 0 && graph.isConstant(g)) continue;
            int h = -1;
            for (int r : graph.readers(g)) if (graph.isNeeded(r) && home[r] >= 0 && (h < 0 || home[r] < h)) h = home[r];
            home[g] = Math.max(h, 0);
        }
        return home;
    }

    /** The slice of the lowest or highest bit of the vectors in each node's cone; -1 where there is none. */
    private static int[] cone(GateGraph graph, int k, List<List<int[]>> vectors, boolean lowest) {
        int[] home = new int[graph.nodes()];
        Arrays.fill(home, -1);
        for (List<int[]> bits : vectors) {
            int width = 0;
            for (int[] b : bits) width = Math.max(width, b[1] + 1);
            for (int[] b : bits) home[b[0]] = (int) ((long) b[1] * k / width);
        }
        for (int g : graph.neededGates()) {
            if (graph.isConstant(g)) continue;
            int h = -1;
            for (int f : graph.fanins(g)) {
                int s = home[f];
                if (s >= 0 && (h < 0 || (lowest ? s < h : s > h))) h = s;
            }
            home[g] = h;
        }
        return home;
    }
}
