package kautz.netlist;

import kautz.diag.UserError;
import kautz.load.Design;
import kautz.network.Lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ISCAS {@code .bench}: {@code INPUT(x)}, {@code OUTPUT(y)} and {@code y = GATE(a, b, ...)} with
 * AND, NAND, OR, NOR, XOR, XNOR (any number of inputs), NOT, BUF/BUFF, ABC's constants {@code vdd} and
 * {@code gnd} (as gates or as signal names) and {@code LUT 0x<hex> (a, b, ...)} (bit m of the table is
 * the output for minterm m, the first input the least significant). DFFs are rejected.
 */
public final class BenchReader {
    private static final Pattern PORT = Pattern.compile("(INPUT|OUTPUT)\\s*\\(\\s*([^()\\s,]+)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GATE = Pattern.compile("([^=\\s]+)\\s*=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(0[xX][0-9a-fA-F]+)?\\s*(?:\\((.*)\\))?");

    private BenchReader() {}

    public static Design read(Path path) { return read(path.toString(), NetlistFiles.readText(path)); }

    public static Design read(String file, String text) {
        NetlistGraph g = new NetlistGraph(file);
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            int lineNo = n + 1;
            String s = lines[n];
            int hash = s.indexOf('#');
            if (hash >= 0) s = s.substring(0, hash);
            s = s.strip();
            if (s.isEmpty()) continue;
            Matcher p = PORT.matcher(s);
            if (p.matches()) {
                if (p.group(1).equalsIgnoreCase("INPUT")) g.addInput(p.group(2), lineNo);
                else g.addOutput(p.group(2), lineNo);
                continue;
            }
            Matcher m = GATE.matcher(s);
            if (!m.matches()) throw new UserError(file + ":" + lineNo + ": expected INPUT(x), OUTPUT(x) or 'x = GATE(a, ...)'");
            gate(g, lineNo, m.group(1), m.group(2).toUpperCase(Locale.ROOT), m.group(3), m.group(4));
        }
        // ABC uses vdd and gnd as signal names without defining them
        if (g.isKnown("vdd") && !g.isDefined("vdd")) g.define("vdd", new int[0], (b, in) -> Lit.TRUE, NetlistGraph.Mapping.NONE, 0);
        if (g.isKnown("gnd") && !g.isDefined("gnd")) g.define("gnd", new int[0], (b, in) -> Lit.FALSE, NetlistGraph.Mapping.NONE, 0);
        return g.toDesign(NetlistFiles.stem(file));
    }

    private static void gate(NetlistGraph g, int line, String out, String type, String hex, String args) {
        List<String> ins = new ArrayList<>();
        if (args != null && !args.isBlank()) {
            for (String a : args.split(",")) {
                String t = a.strip();
                if (t.isEmpty() || t.matches(".*[\\s()=].*")) throw new UserError(g.file() + ":" + line + ": bad signal name '" + t + "'");
                ins.add(t);
            }
        }
        int[] fanins = new int[ins.size()];
        for (int i = 0; i < fanins.length; i++) fanins[i] = g.signal(ins.get(i), line);
        NetlistGraph.Logic logic = switch (type) {
            case "AND" -> (b, in) -> CellLibrary.fold(b, in, 0);
            case "NAND" -> (b, in) -> Lit.not(CellLibrary.fold(b, in, 0));
            case "OR" -> (b, in) -> CellLibrary.fold(b, in, 1);
            case "NOR" -> (b, in) -> Lit.not(CellLibrary.fold(b, in, 1));
            case "XOR" -> (b, in) -> CellLibrary.fold(b, in, 2);
            case "XNOR" -> (b, in) -> Lit.not(CellLibrary.fold(b, in, 2));
            case "NOT", "INV" -> (b, in) -> Lit.not(in[0]);
            case "BUF", "BUFF" -> (b, in) -> in[0];
            case "VDD" -> (b, in) -> Lit.TRUE;
            case "GND" -> (b, in) -> Lit.FALSE;
            case "LUT" -> lut(g, line, hex, fanins.length);
            case "DFF", "DFFR", "DFFS", "LATCH" -> throw new UserError(g.file() + ":" + line + ": " + type + ": sequential elements are not supported");
            default -> throw new UserError(g.file() + ":" + line + ": unknown gate type '" + type + "'");
        };
        int want = switch (type) {
            case "NOT", "INV", "BUF", "BUFF" -> 1;
            case "VDD", "GND" -> 0;
            case "LUT" -> fanins.length;
            default -> -1;
        };
        if (want >= 0 ? fanins.length != want : fanins.length == 0) {
            throw new UserError(g.file() + ":" + line + ": " + type + " takes " + (want >= 0 ? want + " input(s)" : "at least one input") + ", found " + fanins.length);
        }
        if (hex != null && !type.equals("LUT")) throw new UserError(g.file() + ":" + line + ": only LUT takes a truth table");
        g.countCell(type.equals("BUFF") ? "BUF" : type);
        g.define(out, fanins, logic, NetlistGraph.Mapping.NONE, line);
    }

    private static NetlistGraph.Logic lut(NetlistGraph g, int line, String hex, int k) {
        if (hex == null) throw new UserError(g.file() + ":" + line + ": LUT needs a truth table such as 0x8");
        if (k > 16) throw new UserError(g.file() + ":" + line + ": LUT with " + k + " inputs is too large (at most 16)");
        String digits = hex.substring(2);
        int bits = 1 << k;
        if (digits.length() > Math.max(1, (bits + 3) / 4)) throw new UserError(g.file() + ":" + line + ": truth table " + hex + " is wider than 2^" + k + " bits");
        java.math.BigInteger table = new java.math.BigInteger(digits, 16);
        if (table.bitLength() > bits) throw new UserError(g.file() + ":" + line + ": truth table " + hex + " is wider than 2^" + k + " bits");
        // f = OR over the table's minterms
        return (b, in) -> {
            int f = Lit.FALSE;
            for (int m = 0; m < bits; m++) {
                if (!table.testBit(m)) continue;
                int term = Lit.TRUE;
                for (int i = 0; i < k; i++) term = b.and(term, Lit.notIf(in[i], (m >>> i & 1) == 0));
                f = b.or(f, term);
            }
            return f;
        };
    }
}
