package kautz.sim;

import kautz.engines.Engines;
import kautz.isa.Assembler;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class InterpreterTest {
    /** y = a XOR b from five NORs; z uses an uninitialised output cell. */
    static final String XOR = """
            .kernel xor
            .rowsize 10
            .input a 0
            .input b 1
            .output y 6
            .output z 7
            init1 2, 3, 4, 5, 6
            nor 2, 0, 1     # n = nor(a, b)
            nor 3, 0, 2     # nor(a, n)
            nor 4, 1, 2     # nor(b, n)
            nor 5, 3, 4     # xnor
            nor 6, 5        # xor
            nor 7, 5        # z: cell 7 was never set to 1, so on a chip (and here) z stays 0
            """;

    @Test
    void physicalSemanticsOnAllFourRows() {
        Program p = Assembler.parse(XOR, "xor.kasm");
        long[][] in = {{0b1010}, {0b1100}};
        for (Engine e : Engines.all()) {
            long[][] out = e.run(p, in, 4);
            assertEquals(0b0110, out[0][0], e.name() + ": y = a ^ b");
            assertEquals(0, out[1][0], e.name() + ": the uninitialised output gives 0, not xor");
        }
    }

    @Test
    void initAndMultiLevelSemantics() {
        Program p = Assembler.parse("""
                .kernel k
                .rowsize 12
                .input a 0
                .output o 1
                .output s0 4
                .output s1 5
                .output s2 6
                .output never 9
                .output imp 8
                init0 1
                or 1, 0
                and 1, 0, 0
                prog 3, 5
                sense 4, 5, 6, 3
                false 8
                imp 0, 8
                """, "k.kasm");
        long[][] in = {{0b01}};
        for (Engine e : Engines.all()) {
            long[][] out = e.run(p, in, 2);
            assertEquals(0b01, out[0][0], e.name());
            assertEquals(0b11, out[1][0], e.name() + ": bit 0 of level 5");
            assertEquals(0b00, out[2][0], e.name());
            assertEquals(0b11, out[3][0], e.name());
            assertEquals(0, out[4][0], e.name() + ": a cell never written reads 0 (HRS)");
            assertEquals(0b10, out[5][0], e.name() + ": imp: ~a | 0");
        }
    }

    @Test
    void rowsPastTheEndAreZeroAndInputsAreChecked() {
        Program p = Assembler.parse(XOR, "xor.kasm");
        long[][] in = BitPlanes.random(2, 100, 3);
        long[][] out = new Interpreter().run(p, in, 100);
        assertEquals(2, out[0].length);
        assertEquals(0, out[0][1] & ~BitPlanes.lastWordMask(100));
        assertThrows(IllegalArgumentException.class, () -> new Interpreter().run(p, new long[1][2], 100));
    }
}
