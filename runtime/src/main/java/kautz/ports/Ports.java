package kautz.ports;

import com.google.common.collect.ImmutableList;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one convention for naming bits: bit {@code i} of port {@code a} is {@code a[i]}; a 1-bit port may be
 * named plainly {@code a}. Networks, programs and reports all use it, so values given as
 * {@code --inputs a=5} map to the same bits everywhere.
 */
public final class Ports {
    private static final Pattern INDEXED = Pattern.compile("^(.*)\\[(\\d+)]$");

    private Ports() {}

    public static String bitName(String port, int index) { return port + "[" + index + "]"; }

    /**
     * Groups bit-level names into ports in order of first appearance. {@code a[0], a[1], b} gives ports
     * {@code a} (width 2) and {@code b} (width 1). If a group's indices are not exactly {@code 0..N-1}, its
     * bits stay separate ports named by their full bit names.
     */
    public static ImmutableList<Port> group(List<String> bitNames) {
        Map<String, TreeMap<Integer, Integer>> groups = new LinkedHashMap<>();
        Map<String, Integer> plain = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (int pos = 0; pos < bitNames.size(); pos++) {
            String n = bitNames.get(pos);
            Matcher m = INDEXED.matcher(n);
            if (m.matches() && m.group(2).length() < 9) {
                String base = m.group(1);
                if (!groups.containsKey(base)) order.add(base);
                groups.computeIfAbsent(base, k -> new TreeMap<>()).merge(Integer.parseInt(m.group(2)), pos, (x, y) -> -1);
            } else {
                order.add("\0" + n);
                plain.put(n, pos);
            }
        }
        ImmutableList.Builder<Port> out = ImmutableList.builder();
        for (String key : order) {
            if (key.startsWith("\0")) {
                String n = key.substring(1);
                out.add(new Port(n, ImmutableList.of(plain.get(n))));
                continue;
            }
            TreeMap<Integer, Integer> bits = groups.get(key);
            boolean dense = bits.firstKey() == 0 && bits.lastKey() == bits.size() - 1 && !bits.containsValue(-1)
                    && !plain.containsKey(key);
            if (dense) {
                out.add(new Port(key, ImmutableList.copyOf(bits.values())));
            } else {
                for (Map.Entry<Integer, Integer> e : bits.entrySet()) {
                    out.add(new Port(bitName(key, e.getKey()), ImmutableList.of(e.getValue())));
                }
            }
        }
        return out.build();
    }

    /** Parses a value as written on the command line: decimal, {@code 0x…} or {@code 0b…}. */
    public static BigInteger parseValue(String text) {
        String t = text.trim().replace("_", "");
        if (t.isEmpty()) throw new NumberFormatException("empty value");
        if (t.startsWith("0x") || t.startsWith("0X")) return new BigInteger(t.substring(2), 16);
        if (t.startsWith("0b") || t.startsWith("0B")) return new BigInteger(t.substring(2), 2);
        BigInteger v = new BigInteger(t);
        if (v.signum() < 0) throw new NumberFormatException("negative value");
        return v;
    }
}
