package kautz.isa;

import com.google.common.primitives.ImmutableIntArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PartitionsTest {
    @Test
    void uniformSpecs() {
        Partitions p = Partitions.parse("4x8", 32);
        assertEquals(4, p.count());
        assertEquals(32, p.rowSize());
        assertEquals(8, p.width(3));
        assertEquals(24, p.start(3));
        assertEquals(0, p.partitionOf(7));
        assertEquals(1, p.partitionOf(8));
        assertEquals(3, p.partitionOf(31));
        assertEquals(2, p.indexOf(10));
        assertEquals("4x8", p.toString());
        assertFalse(p.isSingle());
        assertEquals(p, Partitions.parse(" 4x8 "));
    }

    @Test
    void listedWidths() {
        Partitions p = Partitions.parse("3,5,8", 16);
        assertEquals(ImmutableIntArray.of(3, 5, 8), p.widths());
        assertEquals(ImmutableIntArray.of(0, 3, 8), p.starts());
        int[] expected = {0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2};
        for (int c = 0; c < 16; c++) assertEquals(expected[c], p.partitionOf(c), "cell " + c);
        assertEquals("3,5,8", p.toString());
        assertEquals("4x4", Partitions.parse("4,4,4,4").toString());
        assertEquals(p, Partitions.parse(p.toString(), 16));
    }

    @Test
    void singleIsTheUndividedRow() {
        Partitions p = Partitions.single(12);
        assertTrue(p.isSingle());
        assertEquals(12, p.rowSize());
        assertEquals(0, p.partitionOf(11));
        assertEquals("12", p.toString());
        assertEquals(p, Partitions.parse("1x12", 12));
        assertThrows(IndexOutOfBoundsException.class, () -> p.partitionOf(12));
    }

    @Test
    void badSpecsSayWhatIsWrongOnOneLine() {
        assertEquals("partitions 4x7 hold 28 cells, but the row has 32",
                assertThrows(IllegalArgumentException.class, () -> Partitions.parse("4x7", 32)).getMessage());
        assertEquals("partitions 1,1,1 hold 3 cells, but the row has 2 (more partitions than cells)",
                assertThrows(IllegalArgumentException.class, () -> Partitions.parse("1,1,1", 2)).getMessage());
        for (String bad : new String[] {"", "x8", "4x", "4x8x2", "8,,8", "8,0", "0x8", "a,b", "-4x8", "8;8"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Partitions.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("bad partitions '"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void modelsParseByLabel() {
        for (PartitionModel m : PartitionModel.values()) assertEquals(m, PartitionModel.parse(m.label()));
        assertEquals("unknown partition model 'fast' (expected unlimited, standard or minimal)",
                assertThrows(IllegalArgumentException.class, () -> PartitionModel.parse("fast")).getMessage());
        assertEquals(InitModel.OP, InitModel.parse("op"));
    }
}
