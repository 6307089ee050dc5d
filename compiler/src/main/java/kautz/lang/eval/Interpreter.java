package kautz.lang.eval;

import kautz.lang.ast.*;
import kautz.lang.check.Builtin;
import kautz.lang.check.ModuleScope;
import kautz.lang.check.Owned;
import kautz.lang.check.Program;
import kautz.ports.MemCellId;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a kernel directly on its AST with {@link BigInteger} values, one data item at a time: a second,
 * independent meaning of the language that the property tests hold the elaborated network to. A
 * run-time {@code if} executes only the branch taken (the network evaluates both and multiplexes).
 * It expects a checked program that elaborates without errors.
 */
public final class Interpreter {
    private final Program program;
    private final Map<MemCellId, BigInteger> mem = new LinkedHashMap<>();

    public Interpreter(Program program) { this.program = program; }

    /**
     * A compile-time integer ({@code width == 0}) or a sized value: its bits {@code 0 <= value < 2^width},
     * read as two's complement when {@code signed}.
     */
    private record V(BigInteger value, int width, boolean signed) {
        V(BigInteger value, int width) { this(value, width, false); }

        boolean sized() { return width > 0; }

        /** The number the value stands for: its bits, or for a signed value their two's-complement reading. */
        BigInteger number() { return signed && value.testBit(width - 1) ? value.subtract(BigInteger.ONE.shiftLeft(width)) : value; }
    }

    /** A variable: its value (bits), width and signedness. */
    private static final class Var {
        BigInteger value = BigInteger.ZERO;
        final int width;
        final boolean signed;

        Var(int width, boolean signed) {
            this.width = width;
            this.signed = signed;
        }
    }

    /** A compile-time {@code int} variable: an unbounded integer, reassignable. */
    private static final class IntVar {
        BigInteger value;

        IntVar(BigInteger value) { this.value = value; }
    }

    private static final class Frame {
        final SourceModule module;
        final Routine routine;
        final Deque<Map<String, Object>> scopes = new ArrayDeque<>();
        boolean returned;
        V result;

        Frame(SourceModule module, Routine routine) {
            this.module = module;
            this.routine = routine;
            scopes.push(new HashMap<>());
        }

        Object lookup(String name) {
            for (Map<String, Object> s : scopes) if (s.containsKey(name)) return s.get(name);
            return null;
        }
    }

    /**
     * Runs a kernel of the main module.
     *
     * @param inputs values by port name: parameters, and {@code @m[j]} for the initial level of mem cells (0 if absent)
     * @return values by port name: the outputs ({@code out} for a single unnamed result) and every mem cell
     *         the kernel wrote or was given, as {@code @m[j]}
     */
    public Map<String, BigInteger> run(String kernel, Map<String, BigInteger> inputs) {
        KernelDecl k = program.main().kernels().stream().filter(x -> x.name().equals(kernel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kernel " + kernel));
        mem.clear();
        for (Map.Entry<String, BigInteger> e : inputs.entrySet()) MemCellId.parse(e.getKey()).ifPresent(c -> mem.put(c, e.getValue()));
        Frame f = new Frame(program.main(), k);
        for (Param p : k.params()) {
            Var v = new Var(width(p.type(), f), p.type().signed());
            v.value = inputs.get(p.name());
            if (v.value == null) throw new IllegalArgumentException("missing input " + p.name());
            f.scopes.peek().put(p.name(), v);
        }
        List<String> results = declareResults(k, f);
        block(k.body(), f);
        Map<String, BigInteger> out = new LinkedHashMap<>();
        if (k.results() instanceof Results.Single) out.put("out", f.result.value());
        for (String r : results) out.put(r, ((Var) f.lookup(r)).value);
        mem.forEach((c, v) -> out.put(c.portName(), v));
        return out;
    }

    private List<String> declareResults(Routine r, Frame f) {
        List<String> names = new ArrayList<>();
        if (r.results() instanceof Results.Named n) {
            for (Param p : n.results()) {
                f.scopes.peek().put(p.name(), new Var(width(p.type(), f), p.type().signed()));
                names.add(p.name());
            }
        }
        return names;
    }

    // ------------------------------------------------------------ statements

    private void block(Block b, Frame f) {
        f.scopes.push(new HashMap<>());
        for (Stmt s : b.stmts()) {
            stmt(s, f);
            if (f.returned) break;
        }
        f.scopes.pop();
    }

    private void stmt(Stmt s, Frame f) {
        if (s instanceof Stmt.Var v) {
            Var x = new Var(width(v.type(), f), v.type().signed());
            if (v.init() != null) x.value = fit(eval(v.init(), f, x.width), x.width);
            f.scopes.peek().put(v.name(), x);
        } else if (s instanceof Stmt.IntVar v) {
            f.scopes.peek().put(v.name(), new IntVar(eval(v.init(), f, 0).value()));
        } else if (s instanceof Stmt.Assign a) {
            assign(a.target(), a.value(), null, f);
        } else if (s instanceof Stmt.TupleAssign t) {
            List<V> parts = call((Expr.Call) t.value(), f);
            for (int i = 0; i < parts.size(); i++) assign(t.targets().get(i), null, parts.get(i), f);
        } else if (s instanceof Stmt.For loop) {
            BigInteger hi = eval(loop.hi(), f, 0).value();
            for (BigInteger i = eval(loop.lo(), f, 0).value(); i.compareTo(hi) < 0 && !f.returned; i = i.add(BigInteger.ONE)) {
                f.scopes.push(new HashMap<>());
                f.scopes.peek().put(loop.var(), i);
                block(loop.body(), f);
                f.scopes.pop();
            }
        } else if (s instanceof Stmt.If i) {
            if (eval(i.cond(), f, 1).value().signum() != 0) block(i.then(), f);
            else if (i.orElse() != null) block(i.orElse(), f);
        } else if (s instanceof Stmt.Return r) {
            TypeRef type = ((Results.Single) f.routine.results()).type();
            int w = width(type, f);
            f.result = new V(fit(eval(r.value(), f, w), w), w, type.signed());
            f.returned = true;
        }
    }

    private void assign(Target t, Expr value, V computed, Frame f) {
        Object bound = f.lookup(t.name());
        if (bound == null) { // a mem cell
            Target.Bit b = (Target.Bit) t;
            int bits = MemCellId.bitsFor(levels(t.name(), f));
            V v = computed != null ? computed : eval(value, f, bits);
            mem.put(new MemCellId(t.name(), index(b.index(), f)), fit(v, bits));
            return;
        }
        if (bound instanceof IntVar iv) {
            BigInteger v = eval(value, f, 0).value();
            if (t instanceof Target.Whole) iv.value = v;
            else {
                int hi = index(t instanceof Target.Bit b ? b.index() : ((Target.Slice) t).hi(), f);
                int lo = index(t instanceof Target.Bit b ? b.index() : ((Target.Slice) t).lo(), f);
                BigInteger fieldMask = mask(hi - lo + 1).shiftLeft(lo);
                iv.value = iv.value.andNot(fieldMask).or(v.shiftLeft(lo).and(fieldMask));
            }
            return;
        }
        Var x = (Var) bound;
        int lo, hi;
        if (t instanceof Target.Bit b) lo = hi = index(b.index(), f);
        else if (t instanceof Target.Slice sl) {
            hi = index(sl.hi(), f);
            lo = index(sl.lo(), f);
        } else {
            lo = 0;
            hi = x.width - 1;
        }
        int w = hi - lo + 1;
        V v = computed != null ? computed : eval(value, f, w);
        BigInteger fieldMask = mask(w).shiftLeft(lo);
        x.value = x.value.andNot(fieldMask).or(fit(v, w).shiftLeft(lo));
    }

    private int levels(String mem, Frame f) {
        MemDecl d = program.scope(f.module).mems().get(mem);
        return eval(d.levels(), new Frame(f.module, null), 0).value().intValueExact();
    }

    // ------------------------------------------------------------ expressions

    private V eval(Expr e, Frame f, int hint) {
        if (e instanceof Expr.Literal l) return new V(l.value(), 0);
        if (e instanceof Expr.Name n) {
            Object b = f.lookup(n.name());
            if (b instanceof BigInteger i) return new V(i, 0);
            if (b instanceof Var x) return new V(x.value, x.width, x.signed);
            if (b instanceof IntVar x) return new V(x.value, 0);
            Owned<ConstDecl> c = scope(f).consts().get(n.name());
            return new V(eval(c.decl().value(), new Frame(c.module(), null), 0).value(), 0);
        }
        if (e instanceof Expr.Unary u) {
            V x = eval(u.operand(), f, u.op() == UnaryOp.NOT || u.op() == UnaryOp.NEG ? hint : 0);
            return switch (u.op()) {
                case NOT -> x.sized() ? sized(x.value().not(), x.width(), x.signed()) : new V(x.value().not(), 0);
                case NEG -> x.sized() ? sized(x.value().negate(), x.width(), x.signed()) : new V(x.value().negate(), 0);
                case REDUCE_AND -> bit(x.value().equals(mask(x.width())));
                case REDUCE_OR -> bit(x.value().signum() != 0);
                case REDUCE_XOR -> bit(x.value().bitCount() % 2 == 1);
            };
        }
        if (e instanceof Expr.Binary b) return binary(b, f, hint);
        if (e instanceof Expr.Ternary t) {
            V c = eval(t.cond(), f, 1);
            if (!c.sized()) return eval(c.value().signum() != 0 ? t.then() : t.orElse(), f, hint);
            V x = eval(t.then(), f, hint), y = eval(t.orElse(), f, hint);
            int w = x.sized() ? x.width() : y.sized() ? y.width() : hint;
            return new V(fit(c.value().signum() != 0 ? x : y, w), w, x.signed() || y.signed());
        }
        if (e instanceof Expr.Index i) {
            if (i.target() instanceof Expr.Name n && f.lookup(n.name()) == null && scope(f).mems().containsKey(n.name())) {
                int bits = MemCellId.bitsFor(levels(n.name(), f));
                return new V(mem.getOrDefault(new MemCellId(n.name(), index(i.index(), f)), BigInteger.ZERO), bits);
            }
            V x = eval(i.target(), f, 0);
            V bit = bit(x.value().testBit(index(i.index(), f)));
            return x.sized() ? bit : new V(bit.value(), 0);
        }
        if (e instanceof Expr.Slice s) {
            V x = eval(s.target(), f, 0);
            int hi = index(s.hi(), f), lo = index(s.lo(), f);
            V bits = sized(x.value().shiftRight(lo), hi - lo + 1);
            return x.sized() ? bits : new V(bits.value(), 0);
        }
        if (e instanceof Expr.Concat c) {
            BigInteger v = BigInteger.ZERO;
            int w = 0;
            for (Expr p : c.parts()) {
                V x = eval(p, f, 0);
                v = v.shiftLeft(x.width()).or(x.value());
                w += x.width();
            }
            return new V(v, w);
        }
        if (e instanceof Expr.Cast c) {
            int w = width(c.type(), f);
            return new V(fit(eval(c.value(), f, 0), w), w, c.type().signed());
        }
        Expr.Call call = (Expr.Call) e;
        if (Builtin.named(call.name()).isPresent()) return builtin(call, Builtin.named(call.name()).get(), f, hint);
        return call(call, f).get(0);
    }

    private V binary(Expr.Binary b, Frame f, int hint) {
        BinaryOp op = b.op();
        boolean shift = op == BinaryOp.SHL || op == BinaryOp.SHR;
        int h = op.isComparison() ? 0 : hint;
        V x = eval(b.left(), f, h), y = eval(b.right(), f, shift ? 0 : h);
        if (shift) {
            int k = y.value().min(BigInteger.valueOf(1 << 20)).intValueExact();
            BigInteger r = op == BinaryOp.SHL ? x.value().shiftLeft(k) : x.number().shiftRight(k); // arithmetic if signed
            return x.sized() ? sized(r, x.width(), x.signed()) : new V(r, 0);
        }
        if (!x.sized() && !y.sized()) {
            BigInteger p = x.value(), q = y.value();
            return new V(switch (op) {
                case OR -> p.or(q);
                case XOR -> p.xor(q);
                case AND -> p.and(q);
                case ADD -> p.add(q);
                case SUB -> p.subtract(q);
                case MUL -> p.multiply(q);
                case DIV -> p.divide(q);
                case MOD -> p.remainder(q);
                default -> compare(op, p.compareTo(q)) ? BigInteger.ONE : BigInteger.ZERO;
            }, 0);
        }
        int w = Math.max(x.width(), y.width());
        boolean signed = x.signed() || y.signed(); // the checks refuse a mix of signed and unsigned
        BigInteger p = fit(x, w), q = fit(y, w);
        V ps = new V(p, w, signed), qs = new V(q, w, signed);
        return switch (op) {
            case OR -> new V(p.or(q), w, signed);
            case XOR -> new V(p.xor(q), w, signed);
            case AND -> new V(p.and(q), w, signed);
            case ADD -> sized(p.add(q), w, signed);
            case SUB -> sized(p.subtract(q), w, signed);
            case MUL -> sized(p.multiply(q), w, signed);
            case DIV, MOD -> {
                // By zero: all ones and the dividend; otherwise truncating (MIN / -1 wraps to MIN, remainder 0).
                if (q.signum() == 0) yield op == BinaryOp.DIV ? new V(mask(w), w, signed) : ps;
                BigInteger[] qr = ps.number().divideAndRemainder(qs.number());
                yield sized(qr[op == BinaryOp.DIV ? 0 : 1], w, signed);
            }
            default -> bit(compare(op, ps.number().compareTo(qs.number())));
        };
    }

    private static boolean compare(BinaryOp op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalArgumentException(op.symbol);
        };
    }

    private V builtin(Expr.Call call, Builtin g, Frame f, int hint) {
        List<V> args = new ArrayList<>();
        int w = 0;
        boolean signed = false;
        for (Expr a : call.args()) {
            V v = eval(a, f, hint);
            args.add(v);
            if (v.sized()) w = v.width();
            signed |= v.signed();
        }
        if (w == 0) w = hint;
        List<BigInteger> x = new ArrayList<>();
        for (V v : args) x.add(fit(v, w));
        BigInteger r = switch (g) {
            case NOR -> x.stream().reduce(BigInteger::or).orElseThrow().not();
            case NAND -> x.stream().reduce(BigInteger::and).orElseThrow().not();
            case XNOR -> x.get(0).xor(x.get(1)).not();
            case IMP -> x.get(0).not().or(x.get(1));
            case MAJ -> x.get(0).and(x.get(1)).or(x.get(0).and(x.get(2))).or(x.get(1).and(x.get(2)));
        };
        return sized(r, w, signed);
    }

    /** Calls a function: its single result, or its named results in order. */
    private List<V> call(Expr.Call call, Frame caller) {
        Owned<FnDecl> owned = scope(caller).fns().get(call.name());
        FnDecl fn = owned.decl();
        List<V> args = new ArrayList<>();
        for (Expr a : call.args()) args.add(eval(a, caller, 0));
        Frame f = new Frame(owned.module(), fn);
        for (int i = 0; i < fn.params().size(); i++) {
            if (fn.params().get(i).type().width() instanceof Expr.Name n && fn.typeParams().contains(n.name()) && args.get(i).sized()) {
                f.scopes.peek().put(n.name(), BigInteger.valueOf(args.get(i).width()));
            }
        }
        for (int i = 0; i < fn.params().size(); i++) {
            Param p = fn.params().get(i);
            Var v = new Var(width(p.type(), f), p.type().signed());
            v.value = fit(args.get(i), v.width);
            f.scopes.peek().put(p.name(), v);
        }
        List<String> results = declareResults(fn, f);
        block(fn.body(), f);
        if (fn.results() instanceof Results.Single) return List.of(f.result);
        List<V> out = new ArrayList<>();
        for (String r : results) {
            Var v = (Var) f.lookup(r);
            out.add(new V(v.value, v.width, v.signed));
        }
        return out;
    }

    // ------------------------------------------------------------ helpers

    private ModuleScope scope(Frame f) { return program.scope(f.module); }

    private int width(TypeRef t, Frame f) { return eval(t.width(), f, 0).value().intValueExact(); }

    private int index(Expr e, Frame f) { return eval(e, f, 0).value().intValueExact(); }

    private static BigInteger mask(int w) { return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE); }

    private static V sized(BigInteger v, int w) { return new V(v.and(mask(w)), w); }

    private static V sized(BigInteger v, int w, boolean signed) { return new V(v.and(mask(w)), w, signed); }

    private static V bit(boolean b) { return new V(b ? BigInteger.ONE : BigInteger.ZERO, 1); }

    /**
     * A value at width w: constants wrap modulo 2^w (negative ones as two's complement), narrower values extend
     * (a signed one by its sign bit), wider ones are truncated.
     */
    private static BigInteger fit(V v, int w) { return v.number().and(mask(w)); }
}
