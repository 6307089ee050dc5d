package kautz.ports;

import kautz.diag.UsageError;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** --inputs values: non-negative ones up to 2^w - 1, negative ones down to -2^(w-1) as their two's complement. */
class InputSpecTest {
    private static final List<Port> PORTS = Ports.group(List.of("a[0]", "a[1]", "a[2]", "a[3]", "b"));

    private static BigInteger a(String spec) { return InputSpec.parse(spec, PORTS).get("a"); }

    @Test
    void negativeValuesAreTwosComplement() {
        assertEquals(BigInteger.valueOf(15), a("a=-1,b=0"));
        assertEquals(BigInteger.valueOf(8), a("a=-8,b=0"));
        assertEquals(BigInteger.valueOf(11), a("a=-0x5,b=0"));
        assertEquals(BigInteger.ZERO, a("a=-0,b=0"));
        assertEquals(BigInteger.ONE, InputSpec.parse("a=0,b=-1", PORTS).get("b"));
    }

    @Test
    void outOfRangeValuesAreRefused() {
        UsageError e = assertThrows(UsageError.class, () -> InputSpec.parse("a=-9,b=0", PORTS));
        assertEquals("--inputs: a=-9 does not fit in 4 bits (two's complement, down to -8)", e.getMessage());
        assertThrows(UsageError.class, () -> InputSpec.parse("a=16,b=0", PORTS));
        assertThrows(UsageError.class, () -> InputSpec.parse("a=0,b=-2", PORTS));
        e = assertThrows(UsageError.class, () -> InputSpec.parse("a=--1,b=0", PORTS));
        assertTrue(e.getMessage().contains("is not a number"), e.getMessage());
    }
}
