package kautz.sweep;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A parsed JSON value that remembers where it was written, so a sweep description's mistakes are reported
 * as {@code file:line:col}. Numbers keep their text: {@code 1024} stays an integer, {@code 0.5} a real.
 */
public sealed interface JsonValue {
    /** 1-based line and column of the value's first character. */
    record Pos(int line, int col) {}

    Pos pos();

    /** What kind of value this is, for error messages ("a string", "an object"). */
    String kind();

    record JObject(LinkedHashMap<String, JsonValue> members, LinkedHashMap<String, Pos> keyPositions, Pos pos) implements JsonValue {
        public String kind() { return "an object"; }
    }

    record JArray(List<JsonValue> items, Pos pos) implements JsonValue {
        public String kind() { return "an array"; }
    }

    record JString(String value, Pos pos) implements JsonValue {
        public String kind() { return "a string"; }
    }

    record JNumber(String text, Pos pos) implements JsonValue {
        public String kind() { return "a number"; }

        public boolean isInteger() { return text.matches("-?\\d+"); }

        public double doubleValue() { return Double.parseDouble(text); }
    }

    record JBool(boolean value, Pos pos) implements JsonValue {
        public String kind() { return "a boolean"; }
    }

    record JNull(Pos pos) implements JsonValue {
        public String kind() { return "null"; }
    }
}
