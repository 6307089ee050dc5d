package kautz.sweep;

import kautz.sweep.JsonValue.JBool;
import kautz.sweep.JsonValue.JNumber;
import kautz.sweep.JsonValue.JObject;
import kautz.sweep.JsonValue.JString;

import java.util.LinkedHashMap;
import java.util.List;

/** Picks the measures (report keys, {@code a.b} for nested ones) out of a JSON report. */
public final class Measures {
    private Measures() {}

    /** Each measure's value as text: numbers as printed, strings as they are, absent keys and objects empty. */
    public static LinkedHashMap<String, String> extract(String report, List<String> measures) {
        return extract(JsonReader.parse("report", report), measures);
    }

    /** {@link #extract(String, List)} of a report already parsed. */
    public static LinkedHashMap<String, String> extract(JsonValue root, List<String> measures) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (String m : measures) out.put(m, text(lookup(root, m)));
        return out;
    }

    static JsonValue lookup(JsonValue root, String path) {
        JsonValue v = root;
        for (String part : path.split("\\.")) {
            if (!(v instanceof JObject o)) return null;
            v = o.members().get(part);
        }
        return v;
    }

    private static String text(JsonValue v) {
        if (v instanceof JNumber n) return Stats.csv(n.text()); // one format in a column, whatever the report printed
        if (v instanceof JString s) return s.value();
        if (v instanceof JBool b) return Boolean.toString(b.value());
        return "";
    }

    /** A measure's value as a number, or NaN when it is not one (empty, "unbounded", an error row). */
    public static double number(String text) {
        if (text == null || text.isEmpty()) return Double.NaN;
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
