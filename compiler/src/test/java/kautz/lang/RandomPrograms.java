package kautz.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of well-typed Kautz programs for the property tests: every operator, casts, slices,
 * concatenation, built-in gates, generic and tuple-returning functions, unrolled loops, compile-time int variables, compile-time and
 * run-time ifs and mem cells, over small widths so that bugs in carries and extensions show up quickly.
 */
final class RandomPrograms {
    private final Random rnd;
    private final List<String[]> atoms = new ArrayList<>(); // {expression, width} or {expression, width, "s"} if signed
    private int fresh;

    RandomPrograms(long seed) { this.rnd = new Random(seed); }

    private int between(int lo, int hi) { return lo + rnd.nextInt(hi - lo + 1); }

    String program() {
        atoms.clear();
        int wa = between(1, 10), wb = between(1, 10), wt = between(2, 10), wr = between(1, 10);
        atoms.add(new String[]{"a", "" + wa});
        atoms.add(new String[]{"b", "" + wb});
        atoms.add(new String[]{"c", "1"});
        boolean mem = rnd.nextBoolean();
        if (mem) atoms.add(new String[]{"m[" + rnd.nextInt(3) + "]", "2"});
        StringBuilder sb = new StringBuilder();
        sb.append("const K = ").append(between(0, 5)).append(";\n");
        if (mem) sb.append("mem m: mlc<4>[3];\n");
        sb.append("fn inc<N>(x: u<N>) -> u<N> { return x + 1; }\n");
        sb.append("fn fa(x: bit, y: bit, z: bit) -> (s: bit, co: bit) { s = x ^ y ^ z; co = maj(x, y, z); }\n");
        sb.append("fn mix<N>(x: u<N>, y: u<N>) -> (lo: u<N>, any: bit) { lo = x ^ y; any = |(x & y); }\n");
        sb.append("fn pick<N>(s: bit, x: u<N>, y: u<N>) -> u<N> { var r: u<N>; if s { r = x; } else { r = y; } return r; }\n");
        sb.append("kernel k(a: u<").append(wa).append(">, b: u<").append(wb).append(">, c: bit) -> (r: u<")
                .append(wr).append(">, q: bit) {\n");
        sb.append("    var t: u<").append(wt).append("> = ").append(expr(wt, 3)).append(";\n");
        atoms.add(new String[]{"t", "" + wt});
        int n = between(1, 6);
        for (int i = 0; i < n; i++) sb.append(stmt(wt, 2, "    "));
        if (mem && rnd.nextBoolean()) sb.append("    m[").append(rnd.nextInt(3)).append("] = ").append(expr(2, 2)).append(";\n");
        sb.append("    r = ").append(expr(wr, 3)).append(";\n");
        sb.append("    q = ").append(expr(1, 3)).append(";\n");
        sb.append("}\n");
        return sb.toString();
    }

    private String stmt(int wt, int depth, String ind) {
        int kind = rnd.nextInt(depth > 0 ? 9 : 3);
        switch (kind) {
            case 0: return ind + "t = " + expr(wt, 3) + ";\n";
            case 1: return ind + "t[" + rnd.nextInt(wt) + "] = " + expr(1, 3) + ";\n";
            case 2: {
                int lo = rnd.nextInt(wt), hi = between(lo, wt - 1);
                return ind + "t[" + hi + ":" + lo + "] = " + expr(hi - lo + 1, 3) + ";\n";
            }
            case 3: {
                String s = ind + "if " + expr(1, 2) + " {\n" + stmt(wt, depth - 1, ind + "    ") + ind + "}";
                if (rnd.nextBoolean()) s += " else {\n" + stmt(wt, depth - 1, ind + "    ") + ind + "}";
                return s + "\n";
            }
            case 4: return ind + "if K > 2 {\n" + stmt(wt, depth - 1, ind + "    ") + ind + "} else {\n"
                    + stmt(wt, depth - 1, ind + "    ") + ind + "}\n";
            case 5: {
                String i = "i" + fresh++;
                int trips = between(0, wt);
                return ind + "for " + i + " in 0..K+" + trips + " {\n"
                        + ind + "    if " + i + " < " + wt + " { t[" + i + "] = t[" + i + "] ^ " + expr(1, 2) + "; }\n"
                        + ind + "}\n";
            }
            case 6: {
                String s = "s" + fresh++, co = "co" + fresh++;
                int lo = rnd.nextInt(wt - 1);
                return ind + "var " + s + ": bit;\n" + ind + "var " + co + ": bit = 0;\n"
                        + ind + "(" + s + ", " + co + ") = fa(" + expr(1, 2) + ", " + expr(1, 2) + ", " + expr(1, 2) + ");\n"
                        + ind + "t[" + (lo + 1) + ":" + lo + "] = {" + co + ", " + s + "};\n";
            }
            case 7: { // a compile-time int: reassigned whole and by slices (negative values too), then read
                String n = "n" + fresh++, i = "i" + fresh++;
                return ind + "var " + n + ": int = K - " + between(0, 8) + ";\n"
                        + ind + "for " + i + " in 0.." + wt + " {\n"
                        + ind + "    " + n + " = " + n + " * " + between(2, 3) + " + " + i + " - " + between(0, 4) + ";\n"
                        + ind + "    " + n + "[" + between(1, 3) + ":1] = " + i + " % 2;\n"
                        + ind + "    if " + n + "[0] == 1 { t[" + i + "] = t[" + i + "] ^ " + expr(1, 2) + "; }\n"
                        + ind + "}\n"
                        + ind + "t[" + n + "[5:0] % " + wt + "] = " + expr(1, 2) + ";\n";
            }
            default: {
                String any = "any" + fresh++;
                return ind + "var " + any + ": bit;\n" + ind + "(t, " + any + ") = mix(" + expr(wt, 2) + ", " + expr(wt, 2) + ");\n"
                        + ind + "t[0] = t[0] ^ " + any + ";\n";
            }
        }
    }

    /** An expression of exactly {@code w} bits. */
    String expr(int w, int depth) {
        if (depth <= 0 || rnd.nextInt(5) == 0) return leaf(w);
        int choice = rnd.nextInt(w == 1 ? 22 : 16);
        String[] arith = {"+", "-", "*", "&", "|", "^", "/", "%"};
        switch (choice) {
            case 0, 1: return "(" + expr(w, depth - 1) + " " + arith[rnd.nextInt(8)] + " " + expr(w, depth - 1) + ")";
            case 2: return "(" + expr(w, depth - 1) + " " + arith[rnd.nextInt(3)] + " " + expr(between(1, w), depth - 1) + ")";
            case 3: return "(" + expr(w, depth - 1) + " " + arith[rnd.nextInt(6)] + " " + literal(w) + ")";
            case 4: return (rnd.nextBoolean() ? "~" : "-") + expr(w, depth - 1);
            case 5: return "(" + expr(w, depth - 1) + (rnd.nextBoolean() ? " << " : " >> ") + rnd.nextInt(w + 2) + ")";
            case 6: return "(" + expr(1, depth - 1) + " ? " + expr(w, depth - 1) + " : " + expr(w, depth - 1) + ")";
            case 7: return "u<" + w + ">(" + expr(between(1, 12), depth - 1) + ")";
            case 8: {
                if (w < 2) return leaf(w);
                int w1 = between(1, w - 1);
                return "{" + expr(w1, depth - 1) + ", " + expr(w - w1, depth - 1) + "}";
            }
            case 9: {
                int w2 = between(w, 12), lo = rnd.nextInt(w2 - w + 1);
                return "(" + expr(w2, depth - 1) + ")[" + (lo + w - 1) + ":" + lo + "]";
            }
            case 10: return "inc(" + expr(w, depth - 1) + ")";
            case 11: return "pick(" + expr(1, depth - 1) + ", " + expr(w, depth - 1) + ", " + expr(w, depth - 1) + ")";
            case 12: return (rnd.nextBoolean() ? "nor(" : "nand(") + expr(w, depth - 1) + ", " + expr(w, depth - 1)
                    + (rnd.nextBoolean() ? ", " + expr(w, depth - 1) : "") + ")";
            case 13: return (rnd.nextBoolean() ? "xnor(" : "imp(") + expr(w, depth - 1) + ", " + expr(w, depth - 1) + ")";
            case 14: return "maj(" + expr(w, depth - 1) + ", " + expr(w, depth - 1) + ", " + expr(w, depth - 1) + ")";
            case 15: return w < 3 ? leaf(w) : "(" + expr(w, depth - 1) + " + K)";
            // one-bit results
            case 16, 17: {
                String[] cmp = {"<", "<=", ">", ">=", "==", "!="};
                return "(" + expr(between(1, 9), depth - 1) + " " + cmp[rnd.nextInt(6)] + " " + expr(between(1, 9), depth - 1) + ")";
            }
            case 18: return "(" + expr(between(4, 9), depth - 1) + " < " + literal(4) + ")";
            case 19: return new String[]{"&", "|", "^"}[rnd.nextInt(3)] + expr(between(1, 9), depth - 1);
            case 20: {
                int w2 = between(1, 9);
                return "(" + expr(w2, depth - 1) + ")[" + rnd.nextInt(w2) + "]";
            }
            default: return "(K > 2 ? " + expr(1, depth - 1) + " : " + expr(1, depth - 1) + ")";
        }
    }

    /**
     * A program over signed values: s<N> inputs, var and result, every operator on them (arithmetic right shift,
     * signed comparison, division), sign-extending and narrowing casts, negative constants, signed functions,
     * and casts to and from the unsigned expressions of {@link #expr}.
     */
    String signedProgram() {
        atoms.clear();
        int wa = between(1, 10), wb = between(1, 10), wt = between(2, 10), wr = between(1, 10);
        atoms.add(new String[]{"a", "" + wa, "s"});
        atoms.add(new String[]{"b", "" + wb, "s"});
        atoms.add(new String[]{"c", "1"});
        StringBuilder sb = new StringBuilder();
        sb.append("const K = ").append(between(0, 5)).append(";\n");
        sb.append("fn inc<N>(x: u<N>) -> u<N> { return x + 1; }\n");
        sb.append("fn fa(x: bit, y: bit, z: bit) -> (s: bit, co: bit) { s = x ^ y ^ z; co = maj(x, y, z); }\n");
        sb.append("fn mix<N>(x: u<N>, y: u<N>) -> (lo: u<N>, any: bit) { lo = x ^ y; any = |(x & y); }\n");
        sb.append("fn pick<N>(s: bit, x: u<N>, y: u<N>) -> u<N> { var r: u<N>; if s { r = x; } else { r = y; } return r; }\n");
        sb.append("fn sdist<N>(x: s<N>, y: s<N>) -> s<N> { var d: s<N>; if x < y { d = y - x; } else { d = x - y; } return d; }\n");
        sb.append("fn shalf<N>(x: s<N>) -> (h: s<N>, neg: bit) { h = x >> 1; neg = x < 0; }\n");
        sb.append("kernel k(a: s<").append(wa).append(">, b: s<").append(wb).append(">, c: bit) -> (r: s<")
                .append(wr).append(">, q: bit) {\n");
        sb.append("    var t: s<").append(wt).append("> = ").append(sexpr(wt, 3)).append(";\n");
        atoms.add(new String[]{"t", "" + wt, "s"});
        int n = between(1, 5);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(5)) {
                case 0 -> sb.append("    t = ").append(sexpr(wt, 3)).append(";\n");
                case 1 -> sb.append("    t[").append(rnd.nextInt(wt)).append("] = ").append(sbit(2)).append(";\n");
                case 2 -> sb.append("    if ").append(sbit(2)).append(" { t = ").append(sexpr(wt, 2)).append("; } else { t = ")
                        .append(sexpr(wt, 2)).append("; }\n");
                case 3 -> {
                    String neg = "neg" + fresh++;
                    sb.append("    var ").append(neg).append(": bit;\n    (t, ").append(neg).append(") = shalf(")
                            .append(sexpr(wt, 2)).append(");\n    t[0] = t[0] ^ ").append(neg).append(";\n");
                }
                default -> sb.append("    t = t ").append(new String[]{"+", "-", "*", "/", "%"}[rnd.nextInt(5)]).append(" ")
                        .append(nonZeroSignedLiteral(wt)).append(";\n");
            }
        }
        sb.append("    r = ").append(sexpr(wr, 3)).append(";\n");
        sb.append("    q = ").append(sbit(3)).append(";\n");
        sb.append("}\n");
        return sb.toString();
    }

    /** A signed expression of exactly {@code w} bits. */
    private String sexpr(int w, int depth) {
        if (depth <= 0 || rnd.nextInt(5) == 0) return sleaf(w);
        String[] ops = {"+", "-", "*", "&", "|", "^", "/", "%"};
        switch (rnd.nextInt(12)) {
            case 0, 1: return "(" + sexpr(w, depth - 1) + " " + ops[rnd.nextInt(8)] + " " + sexpr(w, depth - 1) + ")";
            case 2: { // the narrower operand is sign-extended
                String[] ext = {"+", "-", "*", "/", "%"};
                return "(" + sexpr(w, depth - 1) + " " + ext[rnd.nextInt(5)] + " " + sexpr(between(1, w), depth - 1) + ")";
            }
            case 3: return "(" + sexpr(w, depth - 1) + " " + ops[rnd.nextInt(6)] + " " + signedLiteral(w) + ")";
            case 4: return (rnd.nextBoolean() ? "~" : "-") + sexpr(w, depth - 1);
            case 5: return "(" + sexpr(w, depth - 1) + (rnd.nextInt(3) == 0 ? " << " : " >> ") + rnd.nextInt(w + 2) + ")";
            case 6: return "(" + sbit(depth - 1) + " ? " + sexpr(w, depth - 1) + " : " + sexpr(w, depth - 1) + ")";
            case 7: return "s<" + w + ">(" + sexpr(between(1, 12), depth - 1) + ")";
            case 8: return "s<" + w + ">(" + expr(between(1, 12), depth - 1) + ")";
            case 9: return "sdist(" + sexpr(w, depth - 1) + ", " + sexpr(w, depth - 1) + ")";
            case 10: return "maj(" + sexpr(w, depth - 1) + ", " + sexpr(w, depth - 1) + ", " + sexpr(w, depth - 1) + ")";
            default: return "(" + sexpr(w, depth - 1) + " " + new String[]{"/", "%"}[rnd.nextInt(2)] + " " + nonZeroSignedLiteral(w) + ")";
        }
    }

    /** A one-bit unsigned expression: signed comparisons (operands of any widths, sign-extended), or unsigned ones. */
    private String sbit(int depth) {
        if (depth <= 0) return "c";
        String[] cmp = {"<", "<=", ">", ">=", "==", "!="};
        return switch (rnd.nextInt(4)) {
            case 0, 1 -> "(" + sexpr(between(1, 9), depth - 1) + " " + cmp[rnd.nextInt(6)] + " " + sexpr(between(1, 9), depth - 1) + ")";
            case 2 -> "(" + sexpr(between(2, 9), depth - 1) + " " + cmp[rnd.nextInt(6)] + " " + signedLiteral(2) + ")";
            default -> expr(1, depth - 1);
        };
    }

    private String sleaf(int w) {
        if (rnd.nextInt(6) == 0) return "s<" + w + ">(" + signedLiteral(w) + ")";
        String[] atom = atoms.get(rnd.nextInt(atoms.size()));
        int aw = Integer.parseInt(atom[1]);
        if (atom.length > 2 && aw == w) return atom[0];
        return "s<" + w + ">(" + atom[0] + ")";
    }

    /** A constant in the range of s<w>: -2^(w-1) .. 2^(w-1) - 1, negative ones parenthesised. */
    private String signedLiteral(int w) {
        long half = 1L << (w - 1);
        long v = Math.floorMod(rnd.nextLong(), 2 * half) - half;
        return v < 0 ? "(" + v + ")" : Long.toString(v);
    }

    private String nonZeroSignedLiteral(int w) {
        for (int i = 0; i < 8; i++) {
            String l = signedLiteral(w);
            if (!l.equals("0")) return l;
        }
        return "(-1)";
    }

    private String literal(int w) {
        long max = w >= 62 ? Long.MAX_VALUE : (1L << w) - 1;
        long v = Math.floorMod(rnd.nextLong(), max + 1);
        return switch (rnd.nextInt(3)) {
            case 0 -> Long.toString(v);
            case 1 -> "0x" + Long.toHexString(v);
            default -> "0b" + Long.toBinaryString(v);
        };
    }

    private String leaf(int w) {
        if (rnd.nextInt(6) == 0) return "u<" + w + ">(" + literal(w) + ")";
        String[] atom = atoms.get(rnd.nextInt(atoms.size()));
        int aw = Integer.parseInt(atom[1]);
        if (aw == w) return atom.length > 2 ? "u<" + w + ">(" + atom[0] + ")" : atom[0];
        if (aw > w) {
            int lo = rnd.nextInt(aw - w + 1);
            return atom[0] + "[" + (lo + w - 1) + ":" + lo + "]";
        }
        return "u<" + w + ">(" + atom[0] + ")";
    }
}
