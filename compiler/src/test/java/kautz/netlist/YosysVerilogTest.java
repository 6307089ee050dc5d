package kautz.netlist;

import kautz.diag.UserError;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What Yosys and ABC write, read by the structural Verilog reader (vector assigns, concatenations, Yosys's gate
 * cells, sized constants), and behavioural Verilog through Yosys itself (skipped with a message without it).
 */
class YosysVerilogTest {
    private static final Path ALU = Path.of("..", "samples", "rtl", "alu.v");

    /** Evaluates every output port on 64 random rows and compares with {@code expected} of the input ports. */
    private static void assertComputes(Design d, Map<String, ToLongFunction<Map<String, Long>>> expected, long seed) {
        Aig aig = d.network();
        Random rnd = new Random(seed);
        long[][] in = new long[aig.numInputs()][1];
        for (long[] w : in) w[0] = rnd.nextLong();
        long[][] out = AigSimulator.simulate(aig, in);
        for (int row = 0; row < 64; row++) {
            Map<String, Long> inputs = new HashMap<>();
            for (int i = 0; i < aig.numInputs(); i++) add(inputs, aig.inputName(i), in[i][0] >>> row & 1);
            Map<String, Long> outputs = new HashMap<>();
            for (int o = 0; o < aig.numOutputs(); o++) add(outputs, aig.outputName(o), out[o][0] >>> row & 1);
            for (var e : expected.entrySet()) {
                assertEquals(e.getValue().applyAsLong(inputs), outputs.get(e.getKey()), e.getKey() + " for " + inputs);
            }
        }
    }

    /** Adds bit {@code a[i]} (or scalar {@code a}) of a port to its value. */
    private static void add(Map<String, Long> ports, String bit, long v) {
        int open = bit.indexOf('[');
        String port = open < 0 ? bit : bit.substring(0, open);
        int i = open < 0 ? 0 : Integer.parseInt(bit.substring(open + 1, bit.length() - 1));
        ports.merge(port, v << i, Long::sum);
    }

    @Test
    void vectorAssignsConcatenationsPartSelectsAndConstants() {
        String v = """
                module m(a, b, s, y, z, w, q);
                  input [3:0] a;
                  input [3:0] b;
                  input s;
                  output [3:0] y;
                  output [5:0] z;
                  output [7:0] w;
                  output q;
                  wire [1:0] _0_;
                  wire _1_;
                  assign y = s ? a : ~b;
                  assign _0_ = a[1:0] ^ b[3:2];
                  assign _1_ = &a;
                  assign z = { _0_, 1'h0, _1_, 2'b1x };
                  assign { w[7:4], w[3:0] } = { {2{b[1:0]}}, a & 4'hc };
                  assign q = ~|b || !s;
                endmodule
                """;
        Design d = VerilogReader.read("t.v", v);
        assertComputes(d, Map.of(
                "y", p -> p.get("s") == 1 ? p.get("a") : ~p.get("b") & 15,
                "z", p -> ((p.get("a") & 3 ^ p.get("b") >> 2) << 4) | (p.get("a") == 15 ? 4 : 0) | 2,
                "w", p -> (p.get("b") & 3) * 0x50 | p.get("a") & 0xc,
                "q", p -> p.get("b") == 0 || p.get("s") == 0 ? 1 : 0), 1);
    }

    @Test
    void yosysGateCellsInAnyOrder() {
        String v = """
                module cells(a, b, c, d, s, y);
                  input a, b, c, d, s;
                  output [13:0] y;
                  wire _0_;
                  \\$_MUX_  _5_ (.A(a), .B(b), .S(s), .Y(y[0]));
                  \\$_AND_ _6_ (.A(_0_), .B(b), .Y(y[1]));
                  \\$_NOT_ _7_ (.A(a), .Y(_0_));
                  \\$_OR_ g8 (.A(a), .B(b), .Y(y[2]));
                  \\$_XOR_ g9 (.A(a), .B(b), .Y(y[3]));
                  \\$_NAND_ g10 (.A(a), .B(b), .Y(y[4]));
                  \\$_NOR_ g11 (.A(a), .B(b), .Y(y[5]));
                  \\$_XNOR_ g12 (.A(a), .B(b), .Y(y[6]));
                  \\$_ANDNOT_ g13 (.A(a), .B(b), .Y(y[7]));
                  \\$_ORNOT_ g14 (.A(a), .B(b), .Y(y[8]));
                  \\$_NMUX_ g15 (.A(a), .B(b), .S(s), .Y(y[9]));
                  \\$_AOI3_ g16 (.A(a), .B(b), .C(c), .Y(y[10]));
                  \\$_OAI4_ g17 (.A(a), .B(b), .C(c), .D(d), .Y(y[11]));
                  \\$_AND_ g18 (.A(1'b1), .B(c), .Y(y[12]));
                  \\$_OR_ g19 (.A(1'b0), .B(1'b0), .Y(y[13]));
                endmodule
                """;
        Design d = VerilogReader.read("t.v", v);
        assertComputes(d, Map.of("y", p -> {
            long a = p.get("a"), b = p.get("b"), c = p.get("c"), dd = p.get("d"), s = p.get("s");
            long[] bits = {s == 1 ? b : a, (1 - a) & b, a | b, a ^ b, 1 - (a & b), 1 - (a | b), 1 - (a ^ b), a & (1 - b),
                    a | (1 - b), 1 - (s == 1 ? b : a), 1 - ((a & b) | c), 1 - ((a | b) & (c | dd)), c, 0};
            long y = 0;
            for (int i = 0; i < bits.length; i++) y |= bits[i] << i;
            return y;
        }), 2);
        assertEquals(15, d.cellCounts().values().stream().mapToInt(Integer::intValue).sum(), "cells counted as written");
    }

    @Test
    void behaviouralConstructsAreRecognised() {
        for (String body : List.of("reg y;", "always @(*) y = a;", "assign y = a + 1'b1;", "assign y = a < 1'b1;",
                "parameter W = 1;", "assign y = (a == 1'b1);")) {
            String v = "module m(a, y);\n input a;\n output y;\n " + body + "\nendmodule\n";
            assertThrows(VerilogReader.Behavioural.class, () -> VerilogReader.read("t.v", v), body);
        }
        assertThrows(VerilogReader.Behavioural.class,
                () -> VerilogReader.read("t.v", "module a(x); input x; endmodule\nmodule b(y); output y; endmodule\n"));
        assertThrows(VerilogReader.Behavioural.class, () -> VerilogReader.read("t.v", "module m(y);\n output reg y;\nendmodule\n"));
        // a structural mistake stays a plain error at its place
        UserError e = assertThrows(UserError.class, () -> VerilogReader.read("t.v", "module m(y);\n output y;\n assign y = ;\nendmodule\n"));
        assertFalse(e instanceof VerilogReader.Behavioural);
        assertTrue(e.getMessage().startsWith("t.v:3:13: expected an operand"), e.getMessage());
    }

    @Test
    void withoutYosysBehaviouralVerilogSaysHowToInstallIt() {
        UserError e = assertThrows(UserError.class, () -> Yosys.synthesise(ALU, null, "alu.v:9:5: 'always' is behavioural", Optional.empty()));
        assertEquals("alu.v:9:5: 'always' is behavioural; behavioural Verilog is compiled through Yosys, which is not installed"
                + " (Debian/Ubuntu: apt-get install yosys)", e.getMessage());
    }

    private static void assumeYosys() {
        if (Yosys.executable().isEmpty()) System.err.println("YosysVerilogTest: skipped: yosys is not installed (apt-get install yosys)");
        Assumptions.assumeTrue(Yosys.executable().isPresent(), "yosys is not installed");
    }

    @Test
    void rtlAluThroughYosys() {
        assumeYosys();
        Design d = DesignLoader.load(ALU, null);
        assertEquals("alu", d.name());
        assertComputes(d, Map.of("y", p -> {
            long a = p.get("a"), b = p.get("b");
            return switch (p.get("op").intValue()) {
                case 0 -> a + b;
                case 1 -> a - b;
                case 2 -> a & b;
                case 3 -> a | b;
                case 4 -> a ^ b;
                case 5 -> a << (b & 7);
                case 6 -> a < b ? 1 : 0;
                default -> b;
            } & 0xff;
        }), 3);
    }

    @Test
    void yosysErrorsAreOneLineAtTheirPlace(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeYosys();
        Path seq = dir.resolve("counter.v");
        Files.writeString(seq, "module counter(input clk, output reg [3:0] q);\n always @(posedge clk) q <= q + 1;\nendmodule\n");
        UserError e = assertThrows(UserError.class, () -> DesignLoader.load(seq, null));
        assertTrue(e.getMessage().startsWith(seq + ": the design is sequential (Yosys synthesised a $_"), e.getMessage());

        Path bad = dir.resolve("bad.v");
        Files.writeString(bad, "module m(input a, output y);\n always @(*) y = a +;\nendmodule\n");
        e = assertThrows(UserError.class, () -> DesignLoader.load(bad, null));
        assertTrue(e.getMessage().startsWith(bad + ": Yosys: " + bad + ":2: "), e.getMessage());

        Path two = dir.resolve("two.v");
        Files.writeString(two, "module inv(input a, output y); assign y = ~a; endmodule\n"
                + "module top(input [1:0] x, output [1:0] y);\n inv i0(.a(x[0]), .y(y[0]));\n inv i1(.a(x[1]), .y(y[1]));\nendmodule\n");
        assertEquals(List.of("x[0]", "x[1]"), DesignLoader.load(two, "top").network().inputNames());
        assertEquals("inv", DesignLoader.load(two, "inv").name());
        e = assertThrows(UserError.class, () -> DesignLoader.load(two, "nosuch"));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }
}
