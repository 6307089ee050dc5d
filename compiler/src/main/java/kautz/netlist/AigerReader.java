package kautz.netlist;

import kautz.diag.UserError;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads AIGER 1.9 combinational networks, ASCII ({@code aag}) and binary ({@code aig}): header, inputs,
 * outputs, AND gates (binary: delta-encoded in 7-bit groups), the symbol table and the comment section
 * (kept as raw bytes: ABC's holds a NUL). Latches and the 1.9 extensions (bad, constraint, justice,
 * fairness) are sequential and rejected. Errors name a line (ASCII) or a byte offset (binary).
 * The result is strashed through {@link AigBuilder}; unnamed inputs and outputs are called {@code i<k>}
 * and {@code o<k>}.
 */
public final class AigerReader {
    /** What an AIGER file holds besides the network: its comment section, as bytes (empty if none). */
    public record Result(Aig aig, byte[] comment) {}

    private final String file;
    private final byte[] in;
    private int pos;
    private int[] defAt; // where each AND variable is defined, for messages
    private boolean binary;

    private AigerReader(String file, byte[] in) {
        this.file = file;
        this.in = in;
    }

    /** The file as a design named after the file (AIGER has no model name). */
    public static kautz.load.Design readDesign(Path path) {
        return kautz.load.Design.ofNetwork(NetlistFiles.stem(path.toString()), read(path).aig());
    }

    public static Result read(Path path) { return read(path.toString(), NetlistFiles.readBytes(path)); }

    public static Result read(String file, byte[] bytes) { return new AigerReader(file, bytes).parse(); }

    private Result parse() {
        String magic = token("the header 'aig' or 'aag'");
        if (!magic.equals("aig") && !magic.equals("aag")) throw error("bad header: expected 'aig' or 'aag', found '" + magic + "'");
        binary = magic.equals("aig");
        long[] h = new long[9];
        int count = 0;
        while (count < 9 && peekByte() == ' ') {
            pos++;
            h[count++] = number("a header number (bad header: expected aig M I L O A)");
        }
        if (count < 5) throw error("bad header: expected M I L O A");
        endOfLine();
        long m = h[0], nIn = h[1], nLatch = h[2], nOut = h[3], nAnd = h[4];
        if (nLatch > 0) throw errorAt(0, "the file has " + nLatch + " latches: sequential elements are not supported");
        for (int k = 5; k < count; k++) {
            if (h[k] > 0) throw errorAt(0, "bad/constraint/justice/fairness properties are not supported (sequential AIGER)");
        }
        if (m > AigBuilder.DEFAULT_MAX_NODES || nIn > m || nAnd > m || m < nIn + nAnd) {
            throw errorAt(0, "bad header: M=" + m + " must equal I+L+A=" + (nIn + nAnd) + " (and stay below " + AigBuilder.DEFAULT_MAX_NODES + ")");
        }
        // each listed item needs at least two bytes, so a header promising more than the file holds is caught here
        long minBytes = 2 * (nOut + nAnd + (binary ? 0 : nIn));
        if (minBytes > in.length - pos) throw errorAt(0, "truncated file: the header promises " + nOut + " outputs and " + nAnd + " ANDs");
        if (binary && m != nIn + nAnd) throw errorAt(0, "bad header: M=" + m + " must equal I+L+A=" + (nIn + nAnd) + " in binary AIGER");
        int maxVar = (int) m;
        int[] inputVars = new int[(int) nIn];
        if (binary) {
            for (int i = 0; i < nIn; i++) inputVars[i] = i + 1;
        } else {
            for (int i = 0; i < nIn; i++) {
                int lit = literal(maxVar, "an input literal");
                if (lit < 2 || Lit.isComplement(lit)) throw error("input literal " + lit + " must be even and not 0");
                inputVars[i] = Lit.node(lit);
                endOfLine();
            }
        }
        int[] outputLits = new int[(int) nOut];
        int[] outputAt = new int[(int) nOut];
        for (int o = 0; o < nOut; o++) {
            outputAt[o] = pos;
            outputLits[o] = literal(maxVar, "an output literal");
            endOfLine();
        }
        int[] f0 = new int[maxVar + 1];
        int[] f1 = new int[maxVar + 1];
        byte[] kind = new byte[maxVar + 1]; // 0 undefined, 1 input, 2 AND
        defAt = new int[maxVar + 1];
        for (int v : inputVars) {
            if (kind[v] != 0) throw error("variable " + v + " is an input twice");
            kind[v] = 1;
        }
        if (binary) {
            for (int a = 0; a < nAnd; a++) {
                int lhs = 2 * (int) (nIn + a + 1);
                int offset = pos;
                long d0 = varint(), d1 = varint();
                if (d0 == 0 || d0 > lhs || d1 > lhs - d0) throw errorAt(offset, "AND " + lhs + " has invalid deltas " + d0 + ", " + d1);
                int rhs0 = (int) (lhs - d0);
                f0[lhs >> 1] = rhs0;
                f1[lhs >> 1] = (int) (rhs0 - d1);
                kind[lhs >> 1] = 2;
                defAt[lhs >> 1] = offset;
            }
        } else {
            for (int a = 0; a < nAnd; a++) {
                int at = pos;
                int lhs = literal(maxVar, "an AND literal");
                if (lhs < 2 || Lit.isComplement(lhs)) throw error("AND literal " + lhs + " must be even and not 0");
                if (kind[lhs >> 1] != 0) throw error("variable " + (lhs >> 1) + " is defined twice");
                expect(' ');
                f0[lhs >> 1] = literal(maxVar, "a fan-in literal");
                expect(' ');
                f1[lhs >> 1] = literal(maxVar, "a fan-in literal");
                kind[lhs >> 1] = 2;
                defAt[lhs >> 1] = at;
                endOfLine();
            }
        }
        String[] inNames = new String[inputVars.length];
        String[] outNames = new String[outputLits.length];
        byte[] comment = symbols(inNames, outNames);
        return new Result(build(inputVars, outputLits, outputAt, f0, f1, kind, inNames, outNames), comment);
    }

    private Aig build(int[] inputVars, int[] outputLits, int[] outputAt, int[] f0, int[] f1, byte[] kind, String[] inNames, String[] outNames) {
        AigBuilder b = new AigBuilder();
        int[] map = new int[kind.length];
        Arrays.fill(map, -1);
        map[0] = Lit.FALSE;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputVars.length; i++) {
            String name = inNames[i] != null ? inNames[i] : "i" + i;
            if (!seen.add(name)) throw new UserError(file + ": input name '" + name + "' is used twice");
            map[inputVars[i]] = b.addInput(name);
        }
        // ASCII ANDs may come in any order: define each after its fan-ins (iteratively; deep networks exist).
        int[] stack = new int[kind.length];
        for (int v = 1; v < kind.length; v++) {
            if (kind[v] != 2 || map[v] >= 0) continue;
            int sp = 0;
            stack[sp++] = v;
            map[v] = -2; // on the stack
            while (sp > 0) {
                int x = stack[sp - 1];
                int pending = pendingFanin(x, f0, f1, kind, map);
                if (pending > 0) {
                    map[pending] = -2;
                    stack[sp++] = pending;
                    continue;
                }
                map[x] = b.and(lit(map, f0[x]), lit(map, f1[x]));
                sp--;
            }
        }
        for (int o = 0; o < outputLits.length; o++) {
            int v = outputLits[o] >> 1;
            if (kind[v] == 0 && v != 0) throw errorAt(outputAt[o], "output " + o + " refers to undefined variable " + v);
            b.addOutput(outNames[o] != null ? outNames[o] : "o" + o, lit(map, outputLits[o]));
        }
        return b.build();
    }

    /** The first fan-in variable of AND {@code x} still to be built, 0 if none; reports cycles and undefined ones. */
    private int pendingFanin(int x, int[] f0, int[] f1, byte[] kind, int[] map) {
        for (int k = 0; k < 2; k++) {
            int v = (k == 0 ? f0[x] : f1[x]) >> 1;
            if (v == 0 || map[v] >= 0) continue;
            if (kind[v] == 0) throw errorAt(defAt[x], "AND " + 2 * x + " reads undefined variable " + v);
            if (map[v] == -2) throw errorAt(defAt[x], "combinational cycle through AND " + 2 * x + " and variable " + v);
            return v;
        }
        return 0;
    }

    private static int lit(int[] map, int aigerLit) { return Lit.notIf(map[aigerLit >> 1], (aigerLit & 1) != 0); }

    /** The symbol table, then the comment section; returns the comment's bytes. */
    private byte[] symbols(String[] inNames, String[] outNames) {
        while (pos < in.length) {
            int start = pos;
            byte c = in[pos];
            if (c == 'c' && (pos + 1 == in.length || in[pos + 1] == '\n' || in[pos + 1] == '\r')) {
                pos++;
                if (pos < in.length && in[pos] == '\r') pos++;
                if (pos < in.length) pos++;
                return Arrays.copyOfRange(in, pos, in.length);
            }
            if (c != 'i' && c != 'o' && c != 'l' && c != 'b' && c != 'c' && c != 'j' && c != 'f') {
                throw errorAt(start, "expected a symbol ('i0 name', 'o0 name') or 'c' for comments");
            }
            pos++;
            long index = number("a symbol index");
            expect(' ');
            int end = pos;
            while (end < in.length && in[end] != '\n') end++;
            String name = new String(in, pos, end - pos, StandardCharsets.ISO_8859_1);
            if (name.endsWith("\r")) name = name.substring(0, name.length() - 1);
            if (name.isEmpty()) throw errorAt(start, "empty symbol name");
            String[] table = c == 'i' ? inNames : c == 'o' ? outNames : null;
            if (table == null || index >= table.length) throw errorAt(start, "symbol '" + (char) c + index + "' refers to no such " + (c == 'i' ? "input" : c == 'o' ? "output" : "element"));
            if (table[(int) index] != null) throw errorAt(start, "symbol '" + (char) c + index + "' is named twice");
            table[(int) index] = name;
            pos = end;
            endOfLine();
        }
        return new byte[0];
    }

    // ---- low-level scanning ----

    private int peekByte() { return pos < in.length ? in[pos] & 0xff : -1; }

    private String token(String what) {
        int s = pos;
        while (pos < in.length && in[pos] != ' ' && in[pos] != '\n' && pos - s < 16) pos++;
        if (s == pos) throw error("expected " + what);
        return new String(in, s, pos - s, StandardCharsets.ISO_8859_1);
    }

    private long number(String what) {
        int s = pos;
        long v = 0;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            v = v * 10 + (in[pos++] - '0');
            if (v > Integer.MAX_VALUE) throw error("number too large");
        }
        if (s == pos) throw error(pos >= in.length ? "unexpected end of file, expected " + what : "expected " + what);
        return v;
    }

    private int literal(int maxVar, String what) {
        long v = number(what);
        if (v > 2L * maxVar + 1) throw error("literal " + v + " exceeds the maximum variable " + maxVar);
        return (int) v;
    }

    private void expect(char c) {
        if (pos >= in.length) throw error("unexpected end of file, expected '" + c + "'");
        if (in[pos] != c) throw error("expected '" + c + "'");
        pos++;
    }

    private void endOfLine() {
        if (pos < in.length && in[pos] == '\r') pos++;
        if (pos >= in.length) throw error("unexpected end of file (missing newline)");
        if (in[pos] != '\n') throw error("expected the end of the line");
        pos++;
    }

    /** An unsigned integer in 7-bit groups, least significant first; the high bit says more follow. */
    private long varint() {
        long x = 0;
        for (int shift = 0; ; shift += 7) {
            if (pos >= in.length) throw error("unexpected end of file inside an AND gate");
            if (shift > 28) throw error("delta too large");
            int b = in[pos++] & 0xff;
            x |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return x;
        }
    }

    private UserError error(String message) { return errorAt(pos, message); }

    /** Binary files are placed by byte offset (lines mean nothing among the deltas), ASCII ones by line. */
    private UserError errorAt(int offset, String message) {
        if (binary) return new UserError(file + ": byte " + offset + ": " + message);
        return new UserError(file + ":" + lineOf(offset) + ": " + message);
    }

    private int lineOf(int offset) {
        int l = 1;
        for (int k = 0; k < offset && k < in.length; k++) if (in[k] == '\n') l++;
        return l;
    }
}
