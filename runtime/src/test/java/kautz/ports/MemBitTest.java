package kautz.ports;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class MemBitTest {
    @Test
    void namesRoundTrip() {
        MemCellId cell = new MemCellId("acc", 12);
        assertEquals("@acc[12]", cell.portName());
        assertEquals("@acc[12][3]", cell.bit(3).name());
        assertEquals(Optional.of(cell), MemCellId.parse("@acc[12]"));
        assertEquals(Optional.of(cell.bit(3)), MemBit.parse("@acc[12][3]"));
    }

    @Test
    void otherNamesAreNotMemCells() {
        for (String name : new String[]{"a", "a[3]", "@acc", "@acc[x][1]", "@acc[1][", "acc[1][2]", "@@a[1][2]", "@a[1][2][3]"}) {
            assertTrue(MemBit.parse(name).isEmpty(), name);
        }
        assertTrue(MemCellId.parse("@acc[1][2]").isEmpty(), "a bit is not a cell");
        assertTrue(MemBit.parse("@acc[1]").isEmpty(), "a cell is not a bit");
        assertTrue(MemCellId.isMemPort("@acc[1]"));
        assertFalse(MemCellId.isMemPort("acc"));
        assertFalse(MemCellId.isMemPort("@acc[1][0]"));
    }

    @Test
    void bitsForLevels() {
        assertEquals(1, MemCellId.bitsFor(2));
        assertEquals(2, MemCellId.bitsFor(3));
        assertEquals(2, MemCellId.bitsFor(4));
        assertEquals(3, MemCellId.bitsFor(5));
    }

    @Test
    void badIdentitiesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MemCellId("a[1]", 0));
        assertThrows(IllegalArgumentException.class, () -> new MemCellId("a", -1));
        assertThrows(IllegalArgumentException.class, () -> new MemCellId("a", 0).bit(-1));
    }
}
