package kautz.netlist;

import kautz.diag.UserError;
import kautz.load.Design;
import kautz.mapped.Primitive;
import kautz.mapped.Primitives;
import kautz.netlist.NetlistGraph.Mapping;
import kautz.netlist.VerilogLexer.Kind;
import kautz.netlist.VerilogLexer.Token;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one combinational module of structural Verilog: gate-level netlists as ABC writes them (cells of
 * {@link CellLibrary}, e.g. the {@code nor2/inv1/buf/zero/one} of the NOR-mapped benchmarks, connected by
 * name), Verilog's built-in gates ({@code and (y, a, b);}) and {@code assign} statements with bitwise
 * expressions, as Yosys writes them (in any order). Vectors declared with a range become bits
 * {@code a[i]}, the same names as ABC's escaped {@code \a[i] }. Registers, {@code always} blocks and
 * latch cells are rejected: only combinational logic is supported.
 */
public final class VerilogReader {
    private static final int MAX_NESTING = 2000;

    private final String file;
    private final List<Token> tokens;
    private int pos;
    private final NetlistGraph graph;
    private final Map<String, int[]> vectors = new HashMap<>(); // name -> {msb, lsb}
    private final List<String> inputOrder = new ArrayList<>();
    private final List<String> outputOrder = new ArrayList<>();
    private int constants;

    private VerilogReader(String file, String text) {
        this.file = file;
        this.tokens = VerilogLexer.tokenize(file, text);
        this.graph = new NetlistGraph(file);
    }

    /** Parses Verilog text; {@code file} names it in messages and supplies a fallback design name. */
    public static Design read(String file, String text) {
        return new VerilogReader(file, text).module();
    }

    public static Design read(java.nio.file.Path path) {
        return read(path.toString(), NetlistFiles.readText(path));
    }

    // ---- module structure ----

    private Design module() {
        while (!peek().is("module")) {
            if (peek().kind() == Kind.EOF) throw new UserError(file + ": no module found");
            rejectSequential(peek());
            pos++;
        }
        pos++;
        Token nameTok = expectIdent("a module name");
        if (accept("#")) throw at(peek(), "module parameters are not supported");
        if (accept("(")) {
            if (!accept(")")) {
                do {
                    if (isDirection(peek())) declaration(next());
                    else expectIdent("a port name");
                } while (accept(","));
                expect(")");
            }
        }
        expect(";");
        while (!peek().is("endmodule")) body();
        pos++;
        if (peek().is("module")) throw at(peek(), "only one module per file is supported (hierarchy is not)");
        for (String in : inputOrder) graph.addInput(in, 0);
        for (String out : outputOrder) graph.addOutput(out, 0);
        String name = nameTok.text().matches("[A-Za-z_][A-Za-z0-9_$]*") ? nameTok.text() : NetlistFiles.stem(file);
        return graph.toDesign(name);
    }

    private void body() {
        Token t = peek();
        if (t.kind() == Kind.EOF) throw at(t, "missing 'endmodule'");
        rejectSequential(t);
        if (isDirection(t) || t.is("wire") || t.is("tri") || t.is("supply0") || t.is("supply1")) {
            pos++;
            declaration(t);
            while (accept(",")) {
                if (isDirection(peek())) declaration(next()); // ANSI-style headers repeat directions
                else declarationNames(t);
            }
            expect(";");
        } else if (t.is("assign")) {
            pos++;
            do assignment(); while (accept(","));
            expect(";");
        } else if (t.kind() == Kind.IDENT) {
            instance();
        } else {
            throw at(t, "expected a declaration, 'assign', a cell instance or 'endmodule', found '" + t.text() + "'");
        }
    }

    private static boolean isDirection(Token t) { return t.is("input") || t.is("output") || t.is("inout"); }

    private void rejectSequential(Token t) {
        if (t.is("reg") || t.is("always") || t.is("always_ff") || t.is("always_latch") || t.is("initial")) {
            throw at(t, "'" + t.text() + "': sequential elements are not supported (Kautz compiles combinational logic)");
        }
    }

    /** After a direction or net keyword: optional {@code wire}, optional range, then names. */
    private void declaration(Token kind) {
        if (kind.is("inout")) throw at(kind, "inout ports are not supported");
        if (peek().is("reg")) rejectSequential(peek());
        if (peek().is("wire") || peek().is("signed")) pos++;
        declarationNames(kind, range());
    }

    private void declarationNames(Token kind) { declarationNames(kind, null); }

    private void declarationNames(Token kind, int[] range) {
        do {
            Token name = expectIdent("a signal name");
            if (range != null) vectors.put(name.text(), range);
            List<String> bits = bitsOf(name.text(), range);
            if (kind.is("input")) inputOrder.addAll(bits);
            if (kind.is("output")) outputOrder.addAll(bits);
            if (accept("=")) { // wire x = expr;
                if (bits.size() != 1) throw at(name, "initialising a vector wire is not supported");
                defineExpr(bits.get(0), name);
            }
        } while (peek().is(",") && tokens.get(pos + 1).kind() == Kind.IDENT && !isDirection(tokens.get(pos + 1)) && accept(","));
    }

    private int[] range() {
        if (!accept("[")) return null;
        int msb = number(expect(Kind.NUMBER, "a number"));
        expect(":");
        int lsb = number(expect(Kind.NUMBER, "a number"));
        expect("]");
        return new int[]{msb, lsb};
    }

    private static List<String> bitsOf(String name, int[] range) {
        if (range == null) return List.of(name);
        List<String> bits = new ArrayList<>();
        int step = range[0] >= range[1] ? -1 : 1;
        for (int i = range[1]; ; i -= step) {
            bits.add(name + "[" + i + "]");
            if (i == range[0]) break;
        }
        return bits;
    }

    private int number(Token t) {
        try {
            int v = Integer.parseInt(t.text().replace("_", ""));
            if (v > 1_000_000) throw at(t, "range bound " + v + " is too large");
            return v;
        } catch (NumberFormatException e) {
            throw at(t, "expected a plain number, found '" + t.text() + "'");
        }
    }

    // ---- assign and expressions ----

    private void assignment() {
        Token lhsTok = peek();
        String lhs = bitRef();
        expect("=");
        defineExpr(lhs, lhsTok);
    }

    private void defineExpr(String lhs, Token where) {
        List<Integer> fanins = new ArrayList<>();
        Expr e = expr(fanins, 0);
        int[] in = fanins.stream().mapToInt(Integer::intValue).toArray();
        Mapping mapping = e instanceof Expr.Ref ? Mapping.WIRE
                : e instanceof Expr.Const c ? Mapping.of(c.value() ? Primitives.ONE : Primitives.ZERO) : Mapping.NONE;
        graph.define(lhs, in, e::build, mapping, where.line());
    }

    /** Precedence climbing over Verilog's bitwise and logical operators on single bits. */
    private Expr expr(List<Integer> fanins, int depth) {
        if (depth > MAX_NESTING) throw at(peek(), "expression nests too deeply");
        Expr cond = binary(fanins, 0, depth);
        if (!accept("?")) return cond;
        Expr t = expr(fanins, depth + 1);
        expect(":");
        Expr e = expr(fanins, depth + 1);
        return new Expr.Mux(cond, t, e);
    }

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("|"), List.of("^", "~^", "^~"), List.of("&"));

    private Expr binary(List<Integer> fanins, int level, int depth) {
        if (level == LEVELS.size()) return unary(fanins, depth);
        Expr left = binary(fanins, level + 1, depth);
        while (peek().kind() == Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            String op = next().text();
            Expr right = binary(fanins, level + 1, depth);
            left = new Expr.Binary(op, left, right);
        }
        return left;
    }

    private Expr unary(List<Integer> fanins, int depth) {
        if (depth > MAX_NESTING) throw at(peek(), "expression nests too deeply");
        Token t = peek();
        if (t.is("~") || t.is("!")) { pos++; return new Expr.Not(unary(fanins, depth + 1)); }
        if (t.is("(")) {
            pos++;
            Expr e = expr(fanins, depth + 1);
            expect(")");
            return e;
        }
        if (t.kind() == Kind.NUMBER) { pos++; return new Expr.Const(constant(t)); }
        if (t.kind() == Kind.IDENT) {
            int line = t.line();
            String name = bitRef();
            fanins.add(graph.signal(name, line));
            return new Expr.Ref(fanins.size() - 1);
        }
        throw at(t, "expected an operand, found '" + t.text() + "'");
    }

    /** A one-bit constant: {@code 0}, {@code 1}, {@code 1'b0}, {@code 1'b1}, {@code 1'h1}, ... */
    private boolean constant(Token t) {
        String s = t.text().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        String digits = s.contains("'") ? s.substring(s.indexOf('\'') + 2) : s;
        if (s.contains("'") && s.length() < s.indexOf('\'') + 2) throw at(t, "malformed number '" + t.text() + "'");
        if (s.contains("'") && !s.substring(0, s.indexOf('\'')).equals("1") && !s.startsWith("'")) {
            throw at(t, "only one-bit constants are supported, found '" + t.text() + "'");
        }
        if (digits.matches("0+")) return false;
        if (digits.matches("0*1")) return true;
        throw at(t, "expected a one-bit constant, found '" + t.text() + "'");
    }

    /** A bit reference: a scalar name, or {@code name[i]} of a vector. */
    private String bitRef() {
        Token id = expectIdent("a signal name");
        if (accept("[")) {
            int i = number(expect(Kind.NUMBER, "a bit index"));
            if (peek().is(":")) throw at(peek(), "part selects are not supported; use single bits");
            expect("]");
            return id.text() + "[" + i + "]";
        }
        if (vectors.containsKey(id.text())) {
            int[] r = vectors.get(id.text());
            if (r[0] != r[1]) throw at(id, "vector '" + id.text() + "' used without a bit select (only single bits are supported)");
            return id.text() + "[" + r[0] + "]";
        }
        return id.text();
    }

    // ---- cell instances ----

    private void instance() {
        Token type = next();
        if (accept("#")) throw at(type, "cell parameters are not supported");
        CellLibrary.Builtin builtin = CellLibrary.builtin(type.text());
        if (peek().kind() == Kind.IDENT) pos++; // instance name (optional for built-in gates)
        expect("(");
        if (peek().is(".")) namedConnections(type);
        else if (builtin != null) positionalConnections(type, builtin);
        else throw at(peek(), "cell '" + type.text() + "' needs named connections (.pin(signal))");
        expect(";");
    }

    private void namedConnections(Token type) {
        CellLibrary.Cell cell = CellLibrary.cell(type.text());
        if (cell == null) {
            if (CellLibrary.looksSequential(type.text())) {
                throw at(type, "'" + type.text() + "': sequential elements are not supported (Kautz compiles combinational logic)");
            }
            throw at(type, "unknown cell '" + type.text() + "' (known cells: " + CellLibrary.cellNames() + ")");
        }
        Map<String, Token> pinTok = new HashMap<>();
        Map<String, Integer> pinSignal = new HashMap<>();
        String outName = null;
        do {
            expect(".");
            Token pin = expectIdent("a pin name");
            if (pinTok.containsKey(pin.text())) throw at(pin, "pin '" + pin.text() + "' connected twice");
            expect("(");
            pinTok.put(pin.text(), pin);
            if (pin.text().equals(cell.output())) {
                outName = bitRef();
            } else if (cell.inputs().contains(pin.text())) {
                pinSignal.put(pin.text(), operandSignal());
            } else {
                throw at(pin, "cell '" + cell.name() + "' has no pin '" + pin.text() + "'");
            }
            expect(")");
        } while (accept(","));
        expect(")");
        int[] fanins = new int[cell.inputs().size()];
        for (int k = 0; k < fanins.length; k++) {
            Integer s = pinSignal.get(cell.inputs().get(k));
            if (s == null) throw at(type, "input pin '" + cell.inputs().get(k) + "' of " + cell.name() + " is not connected");
            fanins[k] = s;
        }
        if (outName == null) throw at(type, "output pin '" + cell.output() + "' of " + cell.name() + " is not connected");
        graph.countCell(cell.name());
        Mapping mapping = cell.primitive() == null ? Mapping.WIRE : Mapping.of(cell.primitive());
        NetlistGraph.Logic logic = cell.primitive() == null ? (b, in) -> in[0] : NetlistGraph.logicOf(cell.primitive());
        graph.define(outName, fanins, logic, mapping, type.line());
    }

    private void positionalConnections(Token type, CellLibrary.Builtin gate) {
        String out = bitRef();
        List<Integer> ins = new ArrayList<>();
        while (accept(",")) ins.add(operandSignal());
        expect(")");
        if (ins.isEmpty() || gate.unary() && ins.size() != 1) {
            throw at(type, "'" + type.text() + "' takes " + (gate.unary() ? "one input" : "at least one input"));
        }
        int[] fanins = ins.stream().mapToInt(Integer::intValue).toArray();
        graph.define(out, fanins, gate.logic(), Mapping.NONE, type.line());
    }

    /** A cell input: a bit reference or a constant (a hidden constant signal). */
    private int operandSignal() {
        Token t = peek();
        if (t.kind() == Kind.NUMBER) {
            pos++;
            boolean v = constant(t);
            String name = "$const" + (constants++);
            Primitive p = v ? Primitives.ONE : Primitives.ZERO;
            graph.define(name, new int[0], (b, in) -> v ? Lit.TRUE : Lit.FALSE, Mapping.of(p), t.line());
            return graph.signal(name, t.line());
        }
        int line = t.line();
        return graph.signal(bitRef(), line);
    }

    // ---- token helpers ----

    private Token peek() { return tokens.get(pos); }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) pos++;
        return t;
    }

    private boolean accept(String s) {
        if (peek().is(s)) { pos++; return true; }
        return false;
    }

    private Token expect(String s) {
        if (!peek().is(s)) throw at(peek(), "expected '" + s + "', found '" + peek().text() + "'");
        return next();
    }

    private Token expect(Kind kind, String what) {
        if (peek().kind() != kind) throw at(peek(), "expected " + what + ", found '" + peek().text() + "'");
        return next();
    }

    private Token expectIdent(String what) { return expect(Kind.IDENT, what); }

    private UserError at(Token t, String message) { return UserError.at(file, t.line(), t.col(), message, null); }

    /** A parsed right-hand side; {@code Ref(i)} is the i-th fan-in of the assignment. */
    private sealed interface Expr {
        int build(AigBuilder b, int[] in);

        record Ref(int index) implements Expr {
            public int build(AigBuilder b, int[] in) { return in[index]; }
        }

        record Const(boolean value) implements Expr {
            public int build(AigBuilder b, int[] in) { return value ? Lit.TRUE : Lit.FALSE; }
        }

        record Not(Expr a) implements Expr {
            public int build(AigBuilder b, int[] in) { return Lit.not(a.build(b, in)); }
        }

        record Mux(Expr c, Expr t, Expr e) implements Expr {
            public int build(AigBuilder b, int[] in) { return b.mux(c.build(b, in), t.build(b, in), e.build(b, in)); }
        }

        record Binary(String op, Expr a, Expr c) implements Expr {
            public int build(AigBuilder b, int[] in) {
                int x = a.build(b, in), y = c.build(b, in);
                return switch (op) {
                    case "&", "&&" -> b.and(x, y);
                    case "|", "||" -> b.or(x, y);
                    case "^" -> b.xor(x, y);
                    default -> b.xnor(x, y); // ~^ and ^~
                };
            }
        }
    }
}
