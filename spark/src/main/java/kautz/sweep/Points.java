package kautz.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Expands a description into its points: files outermost, then the axes in order, the last varying fastest. */
public final class Points {
    private Points() {}

    public static List<Point> expand(SweepSpec spec) {
        List<Point> points = new ArrayList<>((int) spec.size());
        List<String> names = new ArrayList<>(spec.axes().keySet());
        int[] at = new int[names.size()];
        for (SweepSpec.InputFile file : spec.files()) {
            java.util.Arrays.fill(at, 0);
            while (true) {
                LinkedHashMap<String, String> axes = new LinkedHashMap<>();
                for (int k = 0; k < names.size(); k++) axes.put(names.get(k), spec.axes().get(names.get(k)).get(at[k]));
                points.add(point(spec, points.size(), file, axes));
                int k = names.size() - 1;
                while (k >= 0 && ++at[k] == spec.axes().get(names.get(k)).size()) at[k--] = 0;
                if (k < 0) break;
            }
        }
        return points;
    }

    static Point point(SweepSpec spec, int index, SweepSpec.InputFile file, LinkedHashMap<String, String> axes) {
        Map<String, String> all = new LinkedHashMap<>(spec.options());
        all.putAll(axes);
        List<String> args = new ArrayList<>();
        args.add(spec.command());
        args.add(file.path().toString());
        for (Map.Entry<String, String> e : all.entrySet()) {
            String flag = (e.getKey().length() == 1 ? "-" : "--") + e.getKey();
            if (e.getValue().equals(SweepSpec.FLAG_TRUE)) args.add(flag);
            else if (!e.getValue().equals(SweepSpec.FLAG_FALSE)) {
                args.add(flag);
                args.add(e.getValue());
            }
        }
        args.add("--json");
        return new Point(index, id(spec.command(), file.label(), all), file.label(), axes, List.copyOf(args));
    }

    /** What the point computes, independent of the order options are written in. */
    static String id(String command, String file, Map<String, String> options) {
        StringBuilder sb = new StringBuilder(command).append('\0').append(file);
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) sb.append('\0').append(e.getKey()).append('=').append(e.getValue());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
