package kautz.util;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object built key by key, in insertion order, for the {@code --json} reports (docs/json.md):
 * numbers, strings, booleans, nested objects and arrays of these. Unsigned values wider than 63 bits are written as strings,
 * as the report schema says.
 */
public final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Json put(String key, long value) { fields.put(key, value); return this; }
    public Json put(String key, double value) { fields.put(key, value); return this; }
    public Json put(String key, boolean value) { fields.put(key, value); return this; }
    public Json put(String key, String value) { fields.put(key, value); return this; }
    public Json put(String key, Json value) { fields.put(key, value); return this; }

    /** An array: its elements are numbers, strings, booleans, {@code Json} objects or lists of these. */
    public Json put(String key, java.util.List<?> values) {
        for (Object v : values) check(v);
        fields.put(key, java.util.List.copyOf(values));
        return this;
    }

    private static void check(Object v) {
        if (v instanceof java.util.List<?> l) l.forEach(Json::check);
        else if (!(v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof Json)) {
            throw new IllegalArgumentException("not a JSON value: " + v);
        }
    }

    /** An unsigned value: a number up to 63 bits, a string beyond. */
    public Json put(String key, BigInteger value) {
        fields.put(key, value.bitLength() <= 63 ? (Object) value.longValue() : value.toString());
        return this;
    }

    /** The fields in order, nested objects as maps; an unmodifiable copy. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach((k, v) -> m.put(k, plain(v)));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Object plain(Object v) {
        if (v instanceof Json j) return j.toMap();
        if (v instanceof java.util.List<?> l) return l.stream().map(Json::plain).toList();
        return v;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            quote(sb, e.getKey());
            sb.append(": ");
            value(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v instanceof String s) quote(sb, s);
        else if (v instanceof Double d) sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
        else if (v instanceof java.util.List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(", ");
                value(sb, l.get(i));
            }
            sb.append(']');
        } else sb.append(v);
    }

    /** A JSON string literal; also safe inside an HTML script element ({@code <>&} are escaped). */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        quote(sb, s);
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
