package kautz.netlist;

import kautz.diag.UserError;
import kautz.load.Design;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Each reader's format features, on small circuits with known truth tables. */
class ReaderFeaturesTest {
    /** Truth table of each output over the first inputs (input 0 least significant), as a bit string per output. */
    private static long[] table(Aig aig) {
        long[][] in = new long[aig.numInputs()][1];
        for (int i = 0; i < in.length; i++) {
            long w = 0;
            for (int m = 0; m < 64; m++) if ((m >>> i & 1) != 0) w |= 1L << m;
            in[i][0] = w;
        }
        long[][] out = AigSimulator.simulate(aig, in);
        long mask = aig.numInputs() >= 6 ? -1L : (1L << (1 << aig.numInputs())) - 1;
        long[] t = new long[out.length];
        for (int o = 0; o < out.length; o++) t[o] = out[o][0] & mask;
        return t;
    }

    @Test
    void blifCoversDontCaresOffSetsContinuationsConstantsAndExdc() {
        String blif = """
                # comment
                .model m
                .inputs a b \\
                  c
                .outputs f g one zero
                .names a b c f
                1-1 1
                01- 1
                .names a b g   # OFF-set cover: g = ~(a & ~b)
                10 0
                .names one
                 1
                .names zero
                .end
                .exdc
                .names a f
                1 1
                """;
        Design d = BlifReader.read("t.blif", blif);
        assertEquals("m", d.name());
        // f = a&c | ~a&b over (a,b,c) minterms: a is bit 0
        long f = 0, g = 0;
        for (int m = 0; m < 8; m++) {
            boolean a = (m & 1) != 0, b = (m & 2) != 0, c = (m & 4) != 0;
            if (a && c || !a && b) f |= 1L << m;
            if (!(a && !b)) g |= 1L << m;
        }
        assertArrayEquals(new long[]{f, g, 0xFF, 0}, table(d.network()));
    }

    @Test
    void benchGatesLutsAndConstants() {
        String bench = """
                INPUT(a)
                INPUT(b)
                OUTPUT(y1)
                OUTPUT(y2)
                OUTPUT(y3)
                OUTPUT(y4)
                y4 = LUT 0x6 ( a, b )
                y1 = NAND(a, t)
                t = BUFF(b)
                y2 = XNOR(a, b, vdd)
                y3 = gnd
                """;
        Aig aig = BenchReader.read("t.bench", bench).network();
        assertArrayEquals(new long[]{0b0111, 0b0110, 0, 0b0110}, table(aig));
    }

    @Test
    void verilogAssignsOutOfOrderEscapedNamesConstantsVectorsAndGates() {
        String v = """
                module top(\\a[0] , \\a[1] , c, y, z, w);
                  input \\a[0] , \\a[1] ;
                  input c;
                  output y, z;
                  output [0:0] w;
                  wire t;
                  assign y = t ^ 1'h1;
                  assign t = \\a[0]  & (a[1] | ~c);
                  nor (z, c, 1'b0);
                  assign w[0] = c ? \\a[0]  : 1'b1;
                endmodule
                """;
        Design d = VerilogReader.read("t.v", v);
        assertEquals("top", d.name());
        long y = 0, z = 0, w = 0;
        for (int m = 0; m < 8; m++) {
            boolean a0 = (m & 1) != 0, a1 = (m & 2) != 0, c = (m & 4) != 0;
            if (!(a0 && (a1 || !c))) y |= 1L << m;
            if (!c) z |= 1L << m;
            if (c ? a0 : true) w |= 1L << m;
        }
        assertArrayEquals(new long[]{y, z, w}, table(d.network()));
        assertEquals("w[0]", d.network().outputName(2));
        assertTrue(d.asMapped().isEmpty(), "assign expressions are logic, not a mapped netlist");
    }

    @Test
    void aigerAsciiAndsInAnyOrder() {
        String aag = "aag 4 2 0 1 2\n2\n4\n9\n8 6 2\n6 2 5\n";
        Aig aig = AigerReader.read("t.aag", aag.getBytes(StandardCharsets.ISO_8859_1)).aig();
        // 6 = a & ~b; 8 = 6 & a; output ~8
        assertArrayEquals(new long[]{~0b0010L & 0xF}, table(aig));
    }

    @Test
    void errorsNameTheLine() {
        assertError("t.v:3: signal 'q' is used but never defined", () -> VerilogReader.read("t.v", "module m(y);\n output y;\n assign y = q;\nendmodule\n"));
        assertError("t.v:4: combinational cycle", () -> VerilogReader.read("t.v", "module m(y);\n output y;\n wire p;\n assign y = p;\n assign p = ~y;\nendmodule\n"));
        assertError("t.v:3: 'y' is driven twice (first at line 2)", () -> VerilogReader.read("t.v", "module m(y);\n output y; assign y = 1'b0;\n assign y = 1'b1;\nendmodule\n"));
        assertThrows(VerilogReader.Behavioural.class, () -> VerilogReader.read("t.v", "module m(y);\n reg y;\nendmodule\n"));
        assertError("t.v:2:2: 'dff': sequential elements are not supported", () -> VerilogReader.read("t.v", "module m(y);\n dff g(.D(y), .Q(y));\nendmodule\n"));
        assertError("t.blif:3: .latch: sequential elements are not supported", () -> BlifReader.read("t.blif", ".model m\n.inputs a\n.latch a b 0\n"));
        assertError("t.blif:4: bad cover row", () -> BlifReader.read("t.blif", ".model m\n.inputs a\n.names a b\n12 1\n"));
        assertError("t.bench:2: DFF: sequential elements are not supported", () -> BenchReader.read("t.bench", "INPUT(a)\nb = DFF(a)\n"));
        assertError("t.aig: byte 19: unexpected end of file inside an AND gate", () -> AigerReader.read("t.aig", "aig 3 2 0 1 1\n6\n\u0082\u0082\u0082".getBytes(StandardCharsets.ISO_8859_1)));
        assertError("t.aag:1: the file has 1 latches: sequential elements are not supported", () -> AigerReader.read("t.aag", "aag 2 1 1 0 0\n2\n4 2\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertError("t.aag:1: expected a header number (bad header", () -> AigerReader.read("t.aag", "aag x\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertError("t.aag:4: AND 4 reads undefined variable", () -> AigerReader.read("t.aag", "aag 3 1 0 1 1\n2\n4\n4 2 6\n".getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void assertError(String expectedPrefix, Runnable r) {
        UserError e = assertThrows(UserError.class, r::run);
        assertTrue(e.getMessage().startsWith(expectedPrefix), "got: " + e.getMessage());
    }
}
