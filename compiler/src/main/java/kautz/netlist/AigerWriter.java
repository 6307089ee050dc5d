package kautz.netlist;

import kautz.network.Aig;
import kautz.network.Lit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes AIGER: binary ({@code aig}, what ABC reads) or ASCII ({@code aag}), always with the symbol table,
 * since equivalence checkers match inputs and outputs by name. An {@link Aig}'s node numbering is already
 * AIGER's (constant 0, inputs, then ANDs in topological order), so literals are written unchanged.
 */
public final class AigerWriter {
    private AigerWriter() {}

    public static void writeBinary(Aig aig, OutputStream out) throws IOException {
        int m = aig.size() - 1;
        ascii(out, "aig " + m + " " + aig.numInputs() + " 0 " + aig.numOutputs() + " " + aig.numAnds() + "\n");
        for (int o = 0; o < aig.numOutputs(); o++) ascii(out, aig.output(o) + "\n");
        byte[] buf = new byte[10];
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            int lhs = Lit.of(n, false);
            int r0 = Math.max(aig.fanin0(n), aig.fanin1(n)), r1 = Math.min(aig.fanin0(n), aig.fanin1(n));
            out.write(buf, 0, varint(buf, lhs - r0));
            out.write(buf, 0, varint(buf, r0 - r1));
        }
        symbolsAndComment(aig, out);
    }

    public static void writeAscii(Aig aig, OutputStream out) throws IOException {
        int m = aig.size() - 1;
        StringBuilder sb = new StringBuilder();
        sb.append("aag ").append(m).append(' ').append(aig.numInputs()).append(" 0 ")
                .append(aig.numOutputs()).append(' ').append(aig.numAnds()).append('\n');
        for (int i = 0; i < aig.numInputs(); i++) sb.append(aig.input(i)).append('\n');
        for (int o = 0; o < aig.numOutputs(); o++) sb.append(aig.output(o)).append('\n');
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            sb.append(Lit.of(n, false)).append(' ').append(Math.max(aig.fanin0(n), aig.fanin1(n)))
                    .append(' ').append(Math.min(aig.fanin0(n), aig.fanin1(n))).append('\n');
        }
        ascii(out, sb.toString());
        symbolsAndComment(aig, out);
    }

    private static void symbolsAndComment(Aig aig, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < aig.numInputs(); i++) sb.append('i').append(i).append(' ').append(aig.inputName(i)).append('\n');
        for (int o = 0; o < aig.numOutputs(); o++) sb.append('o').append(o).append(' ').append(aig.outputName(o)).append('\n');
        sb.append("c\nwritten by Kautz\n");
        ascii(out, sb.toString());
    }

    /** Encodes x in 7-bit groups, least significant first, high bit set on all but the last. */
    private static int varint(byte[] buf, int x) {
        int k = 0;
        while ((x & ~0x7f) != 0) {
            buf[k++] = (byte) ((x & 0x7f) | 0x80);
            x >>>= 7;
        }
        buf[k++] = (byte) x;
        return k;
    }

    private static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
