package kautz.netlist;

import kautz.diag.UserError;
import kautz.load.Design;
import kautz.mapped.Primitives;
import kautz.netlist.NetlistGraph.Mapping;
import kautz.netlist.VerilogLexer.Kind;
import kautz.netlist.VerilogLexer.Token;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Reads one combinational module of structural Verilog: gate-level netlists as ABC writes them (cells of
 * {@link CellLibrary}, e.g. the {@code nor2/inv1/buf/zero/one} of the NOR-mapped benchmarks, and Yosys's
 * internal gate cells {@code $_AND_}, {@code $_MUX_}, ..., connected by pin name), Verilog's built-in gates
 * ({@code and (y, a, b);}) and {@code assign} statements with bitwise expressions, in any order. Vectors
 * declared with a range become bits {@code a[i]}, the same names as ABC's escaped {@code \a[i] }; whole
 * vectors, part selects {@code a[3:0]}, concatenations {@code {a, b}}, replications {@code {4{x}}} and sized
 * constants {@code 4'h0} are taken bit by bit (Verilog's widths: the shorter operand is zero-extended, an
 * assignment truncates or zero-extends to its left side); {@code x} and {@code z} bits are read as 0.
 *
 * <p>Behavioural Verilog ({@code reg}, {@code always}, arithmetic and comparison operators, parameters,
 * several modules) is outside this reader: it throws {@link Behavioural}, and {@link VerilogDesigns} then
 * synthesises the file with Yosys.
 */
public final class VerilogReader {
    private static final int MAX_NESTING = 2000;
    private static final int MAX_WIDTH = 1 << 20;

    /** The file uses a construct of behavioural Verilog, which this reader leaves to Yosys. */
    public static final class Behavioural extends UserError {
        Behavioural(String message) { super(message); }
    }

    private static final Set<String> BEHAVIOURAL_WORDS = Set.of("reg", "always", "always_ff", "always_comb",
            "always_latch", "initial", "if", "case", "casez", "casex", "for", "while", "function", "task", "parameter",
            "localparam", "generate", "integer", "genvar", "begin", "logic", "bit");
    private static final Set<String> BEHAVIOURAL_OPS = Set.of("+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==",
            "!=", "===", "!==", "<<", ">>", "<<<", ">>>", "**", "@", "#", "$");

    private final String file;
    private final String top;
    private final List<Token> tokens;
    private int pos;
    private final NetlistGraph graph;
    private final Map<String, int[]> vectors = new HashMap<>(); // name -> {msb, lsb}
    private final List<String> inputOrder = new ArrayList<>();
    private final List<String> outputOrder = new ArrayList<>();
    private int hidden;

    private VerilogReader(String file, String text, String top) {
        this.file = file;
        this.top = top;
        this.tokens = VerilogLexer.tokenize(file, text);
        this.graph = new NetlistGraph(file);
    }

    /** Parses Verilog text; {@code file} names it in messages and supplies a fallback design name. */
    public static Design read(String file, String text) {
        return read(file, text, null);
    }

    /** @param top the module to read, or null for the file's only module */
    public static Design read(String file, String text, String top) {
        return new VerilogReader(file, text, top).module();
    }

    public static Design read(java.nio.file.Path path) {
        return read(path.toString(), NetlistFiles.readText(path));
    }

    // ---- module structure ----

    private Design module() {
        long modules = tokens.stream().filter(t -> t.is("module")).count();
        if (modules > 1) {
            throw new Behavioural(file + ": " + modules + " modules (hierarchy is read through Yosys, which flattens it)");
        }
        while (!peek().is("module")) {
            if (peek().kind() == Kind.EOF) throw new UserError(file + ": no module found");
            if (BEHAVIOURAL_WORDS.contains(peek().text()) || peek().text().startsWith("`")) throw at(peek(), "unexpected");
            pos++;
        }
        pos++;
        Token nameTok = expectIdent("a module name");
        if (top != null && !nameTok.text().equals(top)) {
            throw at(nameTok, "no module '" + top + "' in the file (it holds module '" + nameTok.text() + "')");
        }
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
        for (String in : inputOrder) graph.addInput(in, 0);
        for (String out : outputOrder) graph.addOutput(out, 0);
        String name = nameTok.text().matches("[A-Za-z_][A-Za-z0-9_$]*") ? nameTok.text() : NetlistFiles.stem(file);
        return graph.toDesign(name);
    }

    private void body() {
        Token t = peek();
        if (t.kind() == Kind.EOF) throw at(t, "missing 'endmodule'");
        if (isDirection(t) || t.is("wire") || t.is("tri") || t.is("supply0") || t.is("supply1")) {
            pos++;
            declaration(t);
            while (accept(",")) {
                if (isDirection(peek())) declaration(next()); // ANSI-style headers repeat directions
                else declarationNames(t, null);
            }
            expect(";");
        } else if (t.is("assign")) {
            pos++;
            do assignment(); while (accept(","));
            expect(";");
        } else if (t.kind() == Kind.IDENT && !BEHAVIOURAL_WORDS.contains(t.text())) {
            instance();
        } else {
            throw at(t, "expected a declaration, 'assign', a cell instance or 'endmodule', found '" + t.text() + "'");
        }
    }

    private static boolean isDirection(Token t) { return t.is("input") || t.is("output") || t.is("inout"); }

    /** After a direction or net keyword: optional {@code wire}, optional range, then names. */
    private void declaration(Token kind) {
        if (kind.is("inout")) throw at(kind, "inout ports are not supported");
        if (peek().is("wire") || peek().is("signed")) pos++;
        declarationNames(kind, range());
    }

    private void declarationNames(Token kind, int[] range) {
        do {
            Token name = expectIdent("a signal name");
            if (range != null) vectors.put(name.text(), range);
            List<String> bits = bitsOf(name.text(), range);
            if (kind.is("input")) inputOrder.addAll(bits);
            if (kind.is("output")) outputOrder.addAll(bits);
            if (accept("=")) assign(bits, name); // wire x = expr;
        } while (peek().is(",") && tokens.get(pos + 1).kind() == Kind.IDENT && !isDirection(tokens.get(pos + 1)) && accept(","));
    }

    private int[] range() {
        if (!accept("[")) return null;
        int msb = number(expect(Kind.NUMBER, "a number"));
        expect(":");
        int lsb = number(expect(Kind.NUMBER, "a number"));
        expect("]");
        if (Math.abs((long) msb - lsb) >= MAX_WIDTH) throw at(peek(), "vector range [" + msb + ":" + lsb + "] is too wide");
        return new int[]{msb, lsb};
    }

    /** The bits of a declared vector (or a part of it), least significant first. */
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
        List<String> lhs = lvalue();
        expect("=");
        assign(lhs, lhsTok);
    }

    /** Defines each bit of {@code lhs} (least significant first) by the right-hand side that follows. */
    private void assign(List<String> lhs, Token where) {
        List<Expr> rhs = resize(expr(0), lhs.size());
        for (int i = 0; i < lhs.size(); i++) define(lhs.get(i), rhs.get(i), where.line());
    }

    private void define(String name, Expr e, int line) {
        LinkedHashSet<Integer> signals = new LinkedHashSet<>();
        e.signals(signals);
        int[] fanins = signals.stream().mapToInt(Integer::intValue).toArray();
        Map<Integer, Integer> index = new HashMap<>();
        for (int k = 0; k < fanins.length; k++) index.put(fanins[k], k);
        Mapping mapping = e instanceof Expr.Ref ? Mapping.WIRE
                : e instanceof Expr.Const c ? Mapping.of(c.value() ? Primitives.ONE : Primitives.ZERO) : Mapping.NONE;
        graph.define(name, fanins, (b, in) -> e.build(b, s -> in[index.get(s)]), mapping, line);
    }

    /** An assignment target: a bit, a vector, a part select or a concatenation of them; least significant first. */
    private List<String> lvalue() {
        if (accept("{")) {
            List<String> bits = new ArrayList<>();
            do bits.addAll(0, lvalue()); while (accept(","));
            expect("}");
            return bits;
        }
        Token id = expectIdent("a signal name");
        return select(id);
    }

    /** The bits a name denotes with an optional {@code [i]} or {@code [msb:lsb]} after it. */
    private List<String> select(Token id) {
        int[] declared = vectors.get(id.text());
        if (accept("[")) {
            int i = number(expect(Kind.NUMBER, "a bit index"));
            if (accept(":")) {
                int j = number(expect(Kind.NUMBER, "a number"));
                expect("]");
                return bitsOf(id.text(), new int[]{i, j});
            }
            expect("]");
            return List.of(id.text() + "[" + i + "]");
        }
        return bitsOf(id.text(), declared);
    }

    /** Precedence climbing over Verilog's bitwise and logical operators, bit by bit. */
    private List<Expr> expr(int depth) {
        if (depth > MAX_NESTING) throw at(peek(), "expression nests too deeply");
        List<Expr> cond = binary(0, depth);
        if (!accept("?")) return cond;
        List<Expr> t = expr(depth + 1);
        expect(":");
        List<Expr> e = expr(depth + 1);
        Expr c = reduce("|", cond);
        int w = Math.max(t.size(), e.size());
        List<Expr> out = new ArrayList<>(w);
        for (int i = 0; i < w; i++) out.add(new Expr.Mux(c, resize(t, w).get(i), resize(e, w).get(i)));
        return out;
    }

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("|"), List.of("^", "~^", "^~"), List.of("&"));

    private List<Expr> binary(int level, int depth) {
        if (level == LEVELS.size()) return unary(depth);
        List<Expr> left = binary(level + 1, depth);
        while (peek().kind() == Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            String op = next().text();
            List<Expr> right = binary(level + 1, depth);
            if (op.equals("&&") || op.equals("||")) {
                left = List.of(new Expr.Binary(op, reduce("|", left), reduce("|", right)));
            } else {
                int w = Math.max(left.size(), right.size());
                List<Expr> l = resize(left, w), r = resize(right, w), out = new ArrayList<>(w);
                for (int i = 0; i < w; i++) out.add(new Expr.Binary(op, l.get(i), r.get(i)));
                left = out;
            }
        }
        return left;
    }

    private List<Expr> unary(int depth) {
        if (depth > MAX_NESTING) throw at(peek(), "expression nests too deeply");
        Token t = peek();
        if (t.is("~")) {
            pos++;
            List<Expr> out = new ArrayList<>();
            for (Expr e : unary(depth + 1)) out.add(new Expr.Not(e));
            return out;
        }
        if (t.is("!")) { pos++; return List.of(new Expr.Not(reduce("|", unary(depth + 1)))); }
        if (t.kind() == Kind.PUNCT && List.of("&", "|", "^", "~&", "~|", "~^", "^~").contains(t.text())) {
            pos++; // reduction operators
            List<Expr> operand = unary(depth + 1);
            return List.of(switch (t.text()) {
                case "~&" -> new Expr.Not(reduce("&", operand));
                case "~|" -> new Expr.Not(reduce("|", operand));
                case "~^", "^~" -> new Expr.Not(reduce("^", operand));
                default -> reduce(t.text(), operand);
            });
        }
        if (t.is("(")) {
            pos++;
            List<Expr> e = expr(depth + 1);
            expect(")");
            return e;
        }
        if (t.is("{")) {
            pos++;
            return concatenation(depth);
        }
        if (t.kind() == Kind.NUMBER) { pos++; return constant(t); }
        if (t.kind() == Kind.IDENT) {
            pos++;
            List<Expr> out = new ArrayList<>();
            for (String bit : select(t)) out.add(new Expr.Ref(graph.signal(bit, t.line())));
            return out;
        }
        throw at(t, "expected an operand, found '" + t.text() + "'");
    }

    /** After '{': {@code {a, b, c}} (a most significant) or the replication {@code {n{a, b}}}. */
    private List<Expr> concatenation(int depth) {
        if (peek().kind() == Kind.NUMBER && tokens.get(pos + 1).is("{")) {
            Token countTok = next();
            int count = number(countTok);
            pos++;
            List<Expr> item = concatenation(depth + 1);
            expect("}");
            if ((long) count * item.size() > MAX_WIDTH) throw at(countTok, "replication is too wide");
            List<Expr> out = new ArrayList<>();
            for (int k = 0; k < count; k++) out.addAll(item);
            return out;
        }
        List<Expr> out = new ArrayList<>();
        do out.addAll(0, expr(depth + 1)); while (accept(","));
        expect("}");
        return out;
    }

    /** A constant's bits: {@code 1'b0}, {@code 8'h0f}, {@code 4'b10x1} (x and z read as 0), or a plain decimal (32 bits). */
    private List<Expr> constant(Token t) {
        String s = t.text().toLowerCase(Locale.ROOT).replace("_", "");
        int tick = s.indexOf('\'');
        int width;
        BigInteger value;
        try {
            if (tick < 0) {
                width = 32;
                value = new BigInteger(s);
            } else {
                width = tick == 0 ? 32 : Integer.parseInt(s.substring(0, tick));
                int k = tick + 1;
                if (k < s.length() && s.charAt(k) == 's') k++;
                if (k >= s.length() - 1) throw at(t, "malformed number '" + t.text() + "'");
                int radix = switch (s.charAt(k)) {
                    case 'b' -> 2;
                    case 'o' -> 8;
                    case 'd' -> 10;
                    case 'h' -> 16;
                    default -> throw at(t, "malformed number '" + t.text() + "'");
                };
                value = new BigInteger(s.substring(k + 1).replaceAll("[xz?]", "0"), radix);
            }
        } catch (NumberFormatException e) {
            throw at(t, "malformed number '" + t.text() + "'");
        }
        if (width < 1 || width > MAX_WIDTH) throw at(t, "constant width " + width + " is out of range");
        List<Expr> bits = new ArrayList<>(width);
        for (int i = 0; i < width; i++) bits.add(new Expr.Const(value.testBit(i)));
        return bits;
    }

    /** Truncates or zero-extends to {@code width} bits. */
    private static List<Expr> resize(List<Expr> bits, int width) {
        if (bits.size() == width) return bits;
        if (bits.size() > width) return bits.subList(0, width);
        List<Expr> out = new ArrayList<>(bits);
        out.addAll(Collections.nCopies(width - bits.size(), new Expr.Const(false)));
        return out;
    }

    private static Expr reduce(String op, List<Expr> bits) {
        Expr r = bits.get(0);
        for (int i = 1; i < bits.size(); i++) r = new Expr.Binary(op, r, bits.get(i));
        return r;
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
                outName = oneBit(lvalue(), pin);
            } else if (cell.inputs().contains(pin.text())) {
                pinSignal.put(pin.text(), operandSignal(pin));
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
        graph.define(outName, fanins, cell.logic(), cell.mapping(), type.line());
    }

    private void positionalConnections(Token type, CellLibrary.Builtin gate) {
        Token outTok = peek();
        String out = oneBit(lvalue(), outTok);
        List<Integer> ins = new ArrayList<>();
        while (accept(",")) ins.add(operandSignal(peek()));
        expect(")");
        if (ins.isEmpty() || gate.unary() && ins.size() != 1) {
            throw at(type, "'" + type.text() + "' takes " + (gate.unary() ? "one input" : "at least one input"));
        }
        int[] fanins = ins.stream().mapToInt(Integer::intValue).toArray();
        graph.define(out, fanins, gate.logic(), Mapping.NONE, type.line());
    }

    private String oneBit(List<String> bits, Token where) {
        if (bits.size() != 1) throw at(where, "a cell pin takes one bit, found " + bits.size());
        return bits.get(0);
    }

    /** A cell input: a signal, or an expression (a constant, a bit of a vector) given a hidden signal of its own. */
    private int operandSignal(Token where) {
        List<Expr> e = expr(0);
        if (e.size() != 1) throw at(where, "a cell pin takes one bit, found " + e.size());
        if (e.get(0) instanceof Expr.Ref r) return r.signal();
        String name = "$pin" + (hidden++);
        define(name, e.get(0), where.line());
        return graph.signal(name, where.line());
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

    private Token expectIdent(String what) {
        if (BEHAVIOURAL_WORDS.contains(peek().text())) throw at(peek(), "expected " + what);
        return expect(Kind.IDENT, what);
    }

    /**
     * An error at a token; a token of behavioural Verilog (a keyword such as {@code always}, an arithmetic or
     * comparison operator, a compiler directive) gives {@link Behavioural} instead, whatever was expected.
     */
    private UserError at(Token t, String message) {
        boolean word = !t.escaped() && t.kind() == Kind.IDENT && BEHAVIOURAL_WORDS.contains(t.text());
        boolean op = t.kind() == Kind.PUNCT && BEHAVIOURAL_OPS.contains(t.text()) || t.text().startsWith("`");
        if (word || op) {
            return new Behavioural(file + ":" + t.line() + ":" + t.col() + ": '" + t.text()
                    + "' is behavioural Verilog (the structural reader takes gates, cells and bitwise assigns)");
        }
        return UserError.at(file, t.line(), t.col(), message, null);
    }

    /** A parsed right-hand side bit over named signals. */
    private sealed interface Expr {
        int build(AigBuilder b, IntUnaryOperator litOf);

        default void signals(Set<Integer> into) {}

        record Ref(int signal) implements Expr {
            public int build(AigBuilder b, IntUnaryOperator litOf) { return litOf.applyAsInt(signal); }
            public void signals(Set<Integer> into) { into.add(signal); }
        }

        record Const(boolean value) implements Expr {
            public int build(AigBuilder b, IntUnaryOperator litOf) { return value ? Lit.TRUE : Lit.FALSE; }
        }

        record Not(Expr a) implements Expr {
            public int build(AigBuilder b, IntUnaryOperator litOf) { return Lit.not(a.build(b, litOf)); }
            public void signals(Set<Integer> into) { a.signals(into); }
        }

        record Mux(Expr c, Expr t, Expr e) implements Expr {
            public int build(AigBuilder b, IntUnaryOperator litOf) {
                return b.mux(c.build(b, litOf), t.build(b, litOf), e.build(b, litOf));
            }
            public void signals(Set<Integer> into) { c.signals(into); t.signals(into); e.signals(into); }
        }

        record Binary(String op, Expr a, Expr c) implements Expr {
            public int build(AigBuilder b, IntUnaryOperator litOf) {
                int x = a.build(b, litOf), y = c.build(b, litOf);
                return switch (op) {
                    case "&", "&&" -> b.and(x, y);
                    case "|", "||" -> b.or(x, y);
                    case "^" -> b.xor(x, y);
                    default -> b.xnor(x, y); // ~^ and ^~
                };
            }
            public void signals(Set<Integer> into) { a.signals(into); c.signals(into); }
        }
    }
}
