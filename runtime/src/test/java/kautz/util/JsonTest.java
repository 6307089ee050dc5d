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
}
