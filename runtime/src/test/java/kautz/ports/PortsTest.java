package kautz.ports;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PortsTest {
    @Test
    void groupsIndexedBitsIntoPorts() {
        List<Port> ports = Ports.group(List.of("a[1]", "a[0]", "c", "b[0]", "b[2]"));
        assertEquals(4, ports.size());
        assertEquals("a", ports.get(0).name());
        assertEquals(List.of(1, 0), ports.get(0).positions());
        assertEquals("c", ports.get(1).name());
        assertEquals("b[0]", ports.get(2).name(), "a gap in the indices keeps bits separate");
    }

    @Test
    void parsesCommandLineValues() {
        assertEquals(BigInteger.valueOf(13), Ports.parseValue("0x0d"));
        assertEquals(BigInteger.valueOf(13), Ports.parseValue("0b1101"));
        assertEquals(BigInteger.valueOf(13), Ports.parseValue("13"));
        assertThrows(NumberFormatException.class, () -> Ports.parseValue("-1"));
    }
}
