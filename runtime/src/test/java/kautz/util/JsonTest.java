package kautz.util;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

class JsonTest {
    @Test
    void writesKeysInOrderWithEscapesAndWideValuesAsStrings() {
        Json j = new Json().put("kernel", "a\"b\\c\n").put("rows", 1024).put("ok", true).put("pj", 1.5)
                .put("small", BigInteger.valueOf(12)).put("wide", BigInteger.ONE.shiftLeft(64))
                .put("nested", new Json().put("y", 3));
        assertEquals("{\"kernel\": \"a\\\"b\\\\c\\n\", \"rows\": 1024, \"ok\": true, \"pj\": 1.5, \"small\": 12, "
                + "\"wide\": \"18446744073709551616\", \"nested\": {\"y\": 3}}", j.toString());
        assertEquals("{\"x\": null}", new Json().put("x", Double.NaN).toString());
    }

    @Test
    void writesArraysOfValuesObjectsAndArraysAndRefusesOtherElements() {
        Json j = new Json().put("links", java.util.List.of(new Json().put("from", "a"), new Json().put("from", "b")))
                .put("mixed", java.util.List.of(1, "x", true, 2.5, java.util.List.of()));
        assertEquals("{\"links\": [{\"from\": \"a\"}, {\"from\": \"b\"}], \"mixed\": [1, \"x\", true, 2.5, []]}", j.toString());
        assertEquals(java.util.List.of(java.util.Map.of("from", "a"), java.util.Map.of("from", "b")), j.toMap().get("links"));
        assertThrows(IllegalArgumentException.class, () -> new Json().put("bad", java.util.List.of(new Object())));
    }
}
