package kautz.netlist;

import kautz.network.Aig;
import kautz.network.Lit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes an {@link Aig} as BLIF: one two-input {@code .names} per AND, a buffer or inverter per output. */
public final class BlifWriter {
    private BlifWriter() {}

    public static void write(Aig aig, String model, OutputStream stream) throws IOException {
        NetworkNames names = new NetworkNames(aig, "BLIF");
        Writer w = new OutputStreamWriter(stream, StandardCharsets.ISO_8859_1);
        w.write(".model " + model + "\n.inputs");
        for (String n : aig.inputNames()) w.write(" " + n);
        w.write("\n.outputs");
        for (String n : aig.outputNames()) w.write(" " + n);
        w.write("\n");
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            int a = aig.fanin0(n), b = aig.fanin1(n);
            w.write(".names " + names.node(Lit.node(a)) + " " + names.node(Lit.node(b)) + " " + names.node(n) + "\n");
            w.write(bit(a) + "" + bit(b) + " 1\n");
        }
        for (int o = 0; o < aig.numOutputs(); o++) {
            if (names.outputIsSameNamedInput(o)) continue;
            int lit = aig.output(o);
            if (Lit.isConstant(lit)) {
                w.write(".names " + aig.outputName(o) + "\n" + (lit == Lit.TRUE ? "1\n" : ""));
            } else {
                w.write(".names " + names.node(Lit.node(lit)) + " " + aig.outputName(o) + "\n" + bit(lit) + " 1\n");
            }
        }
        w.write(".end\n");
        w.flush();
    }

    /** The cover bit that makes a literal true: 1 for a plain one, 0 for a complemented one. */
    private static char bit(int lit) { return Lit.isComplement(lit) ? '0' : '1'; }
}
