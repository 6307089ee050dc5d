package kautz.netlist;

import kautz.network.Aig;
import kautz.network.Lit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link Aig} as structural Verilog: one {@code assign} per AND over possibly inverted operands.
 * Names that are not plain identifiers are escaped ({@code \a[0] }), which {@link VerilogReader} reads
 * back as the same bit name.
 */
public final class VerilogWriter {
    private VerilogWriter() {}

    public static void write(Aig aig, String module, OutputStream stream) throws IOException {
        NetworkNames names = new NetworkNames(aig, "Verilog");
        Writer w = new OutputStreamWriter(stream, StandardCharsets.ISO_8859_1);
        List<String> ports = new ArrayList<>();
        for (String n : aig.inputNames()) ports.add(id(n));
        for (int o = 0; o < aig.numOutputs(); o++) if (!names.outputIsSameNamedInput(o)) ports.add(id(aig.outputName(o)));
        w.write("// written by Kautz\nmodule " + id(module) + " (" + String.join(", ", ports) + ");\n");
        for (String n : aig.inputNames()) w.write("  input " + id(n) + ";\n");
        for (int o = 0; o < aig.numOutputs(); o++) if (!names.outputIsSameNamedInput(o)) w.write("  output " + id(aig.outputName(o)) + ";\n");
        for (int n = aig.firstAnd(); n < aig.size(); n++) w.write("  wire " + names.node(n) + ";\n");
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            w.write("  assign " + names.node(n) + " = " + operand(names, aig.fanin0(n)) + " & " + operand(names, aig.fanin1(n)) + ";\n");
        }
        for (int o = 0; o < aig.numOutputs(); o++) {
            if (names.outputIsSameNamedInput(o)) continue;
            w.write("  assign " + id(aig.outputName(o)) + " = " + operand(names, aig.output(o)) + ";\n");
        }
        w.write("endmodule\n");
        w.flush();
    }

    private static String operand(NetworkNames names, int lit) {
        if (Lit.isConstant(lit)) return lit == Lit.TRUE ? "1'b1" : "1'b0";
        return (Lit.isComplement(lit) ? "~" : "") + id(names.node(Lit.node(lit)));
    }

    /** A plain identifier as is; anything else escaped, ending at the mandatory space. */
    static String id(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_$]*") && !KEYWORDS.contains(name) ? name : "\\" + name + " ";
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("module", "endmodule", "input", "output",
            "inout", "wire", "reg", "assign", "always", "initial", "and", "or", "nand", "nor", "xor", "xnor", "not", "buf",
            "tri", "supply0", "supply1", "signed");
}
