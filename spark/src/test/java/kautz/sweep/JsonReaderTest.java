package kautz.sweep;

import kautz.diag.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReaderTest {
    @Test
    void readsEveryKindOfValueAndRemembersWhere() {
        JsonValue v = JsonReader.parse("t.json", "{\n  \"a\": [1, -2.5e3, \"x\\u0041\\n\"],\n  \"b\": {\"t\": true, \"f\": false, \"n\": null}\n}");
        JsonValue.JObject o = assertInstanceOf(JsonValue.JObject.class, v);
        assertEquals(List.of("a", "b"), List.copyOf(o.members().keySet()));
        JsonValue.JArray a = assertInstanceOf(JsonValue.JArray.class, o.members().get("a"));
        assertEquals("1", ((JsonValue.JNumber) a.items().get(0)).text());
        assertTrue(((JsonValue.JNumber) a.items().get(0)).isInteger());
        assertEquals(-2500.0, ((JsonValue.JNumber) a.items().get(1)).doubleValue());
        assertEquals("xA\n", ((JsonValue.JString) a.items().get(2)).value());
        assertEquals(new JsonValue.Pos(2, 8), a.pos());
        assertEquals(new JsonValue.Pos(3, 3), o.keyPositions().get("b"));
        assertInstanceOf(JsonValue.JNull.class, Measures.lookup(v, "b.n"));
    }

    @Test
    void errorsNameFileLineAndColumn() {
        UserError e = assertThrows(UserError.class, () -> JsonReader.parse("s.json", "{\n  \"a\": [1, 2,]\n}"));
        assertEquals("s.json:2:14: unexpected character ']', expected a value", e.getMessage());
        assertTrue(e.detail().contains("^"));
        assertEquals("s.json:1:10: duplicate key \"a\"", assertThrows(UserError.class, () -> JsonReader.parse("s.json", "{\"a\": 1, \"a\": 2}")).getMessage());
        assertEquals("s.json:1:4: unexpected text after the JSON value", assertThrows(UserError.class, () -> JsonReader.parse("s.json", "{} x")).getMessage());
        assertTrue(assertThrows(UserError.class, () -> JsonReader.parse("s.json", "[\"abc")).getMessage().contains("unterminated string"));
        assertTrue(assertThrows(UserError.class, () -> JsonReader.parse("s.json", "01")).getMessage().contains("unexpected text"));
        assertTrue(assertThrows(UserError.class, () -> JsonReader.parse("s.json", "[".repeat(100))).getMessage().contains("nested deeper"));
    }
}
