package kautz.util;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object built key by key, in insertion order, for the {@code --json} reports (docs/json.md):
 * numbers, strings, booleans and nested objects. Unsigned values wider than 63 bits are written as strings,
 * as the report schema says.
 */
public final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public Json put(String key, long value) { fields.put(key, value); return this; }
    public Json put(String key, double value) { fields.put(key, value); return this; }
    public Json put(String key, boolean value) { fields.put(key, value); return this; }
    public Json put(String key, String value) { fields.put(key, value); return this; }
    public Json put(String key, Json value) { fields.put(key, value); return this; }

    /** An unsigned value: a number up to 63 bits, a string beyond. */
    public Json put(String key, BigInteger value) {
        fields.put(key, value.bitLength() <= 63 ? (Object) value.longValue() : value.toString());
        return this;
    }

    /** The fields in order, nested objects as maps; an unmodifiable copy. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach((k, v) -> m.put(k, v instanceof Json j ? j.toMap() : v));
        return java.util.Collections.unmodifiableMap(m);
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
            Object v = e.getValue();
            if (v instanceof String s) quote(sb, s);
            else if (v instanceof Double d) sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
            else sb.append(v);
        }
        return sb.append('}').toString();
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
