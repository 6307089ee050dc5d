package kautz.lang.elab;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.lang.ast.*;
import kautz.lang.check.Builtin;
import kautz.lang.check.ModuleScope;
import kautz.lang.check.Owned;
import kautz.lang.elab.Val.Bits;
import kautz.lang.elab.Val.Const;
import kautz.lang.elab.Val.Tuple;
import kautz.network.AigBuilder;
import kautz.network.Lit;
import kautz.network.NetworkTooLargeException;
import kautz.ports.MemCellId;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The elaboration of one kernel into one network (statements, expressions, calls, mem cells). */
final class KernelElaboration {
    private final Elaborator program;
    private final AigBuilder builder;
    private final Circuits circuits;
    private long loopTrips;
    private int callDepth;
    /** Input literals of every mem cell, created up front because inputs precede ANDs; unused ones are dropped. */
    private final Map<MemCell, int[]> memInputs = new LinkedHashMap<>();
    /** Current value of each cell touched so far; a cell not here still holds what was sensed. */
    private final Map<MemCell, int[]> memState = new HashMap<>();
    private final Set<MemCell> memReads = new LinkedHashSet<>();
    private final Set<MemCell> memWrites = new LinkedHashSet<>();

    KernelElaboration(Elaborator program, AigBuilder builder) {
        this.program = program;
        this.builder = builder;
        this.circuits = new Circuits(builder);
    }

    // ---------------------------------------------------------------- kernels

    CompiledKernel kernel(KernelDecl k) {
        SourceModule main = program.program().main();
        Frame frame = new Frame(main, k);
        List<Variable> inputs = new ArrayList<>();
        for (Param p : k.params()) {
            Variable v = new Variable(p.name(), Variable.Kind.INPUT, p.pos(), width(p.type(), frame), p.type().signed());
            for (int i = 0; i < v.width(); i++) v.bits[i] = builder.addInput(bitName(p.name(), i, v.width()));
            frame.define(p.name(), v);
            inputs.add(v);
        }
        for (MemInfo m : program.memInfos().values()) {
            for (int j = 0; j < m.cells(); j++) {
                MemCell cell = new MemCell(new MemCellId(m.name(), j), m.levels());
                int[] lits = new int[cell.bits()];
                for (int b = 0; b < lits.length; b++) lits[b] = builder.addInput(cell.bitName(b));
                memInputs.put(cell, lits);
            }
        }
        List<Variable> results = declareResults(k, frame);
        runBody(k, frame);
        List<String> names = new ArrayList<>();
        List<Integer> lits = new ArrayList<>();
        if (k.results() instanceof Results.Single s) {
            int[] value = frame.returnValue;
            for (int i = 0; i < value.length; i++) {
                names.add(bitName("out", i, value.length));
                lits.add(value[i]);
            }
        }
        for (Variable r : results) {
            for (int i = 0; i < r.width(); i++) {
                names.add(bitName(r.name, i, r.width()));
                lits.add(r.bits[i]);
            }
        }
        List<MemCell> writes = new ArrayList<>(memWrites);
        writes.sort(memOrder());
        for (MemCell c : writes) {
            int[] v = memState.get(c);
            for (int b = 0; b < v.length; b++) {
                names.add(c.bitName(b));
                lits.add(v[b]);
            }
        }
        if (names.isEmpty()) throw k.pos().error("kernel '" + k.name() + "' has no outputs and writes no mem cell");
        List<MemCell> reads = new ArrayList<>(memReads);
        reads.sort(memOrder());
        boolean[] keep = new boolean[builder.numInputs()];
        int params = 0;
        for (Variable v : inputs) params += v.width();
        Arrays.fill(keep, 0, params, true);
        for (MemCell c : reads) for (int lit : memInputs.get(c)) keep[Lit.node(lit) - 1] = true;
        return CompiledKernel.of(k.name(), NetworkCleanup.copy(builder, keep, names, lits),
                ImmutableList.copyOf(reads), ImmutableList.copyOf(writes));
    }

    private java.util.Comparator<MemCell> memOrder() {
        List<String> order = new ArrayList<>(program.memInfos().keySet());
        return java.util.Comparator.<MemCell>comparingInt(c -> order.indexOf(c.id().mem())).thenComparingInt(c -> c.id().index());
    }

    static String bitName(String port, int i, int width) {
        return width == 1 ? port : kautz.ports.Ports.bitName(port, i);
    }

    private List<Variable> declareResults(Routine r, Frame frame) {
        List<Variable> results = new ArrayList<>();
        if (r.results() instanceof Results.Named n) {
            for (Param p : n.results()) {
                Variable v = new Variable(p.name(), Variable.Kind.RESULT, p.pos(), width(p.type(), frame), p.type().signed());
                frame.define(p.name(), v);
                results.add(v);
            }
        }
        return results;
    }

    /** Runs a routine's body and checks that its results are complete. */
    private void runBody(Routine r, Frame frame) {
        try {
            block(r.body(), frame);
        } catch (NetworkTooLargeException e) {
            throw r.pos().error("'" + r.name() + "' elaborates to more than " + Limits.MAX_NODES
                    + " network nodes (the limit); reduce widths or loop counts");
        }
        String what = r instanceof KernelDecl ? "output" : "result";
        if (r.results() instanceof Results.Single s && !frame.returned) {
            throw r.pos().error("'" + r.name() + "' ends without 'return'");
        }
        if (r.results() instanceof Results.Named n) {
            for (Param p : n.results()) {
                Variable v = (Variable) frame.lookup(p.name());
                String why = v.whyUnassigned(0, v.width() - 1, what + " '" + p.name() + "' of '" + r.name() + "'");
                if (why != null) throw p.pos().error(why);
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private void block(Block b, Frame f) {
        f.push();
        try {
            for (Stmt s : b.stmts()) {
                stmt(s, f);
                if (f.returned) break;
            }
        } finally {
            f.pop();
        }
    }

    private void stmt(Stmt s, Frame f) {
        if (s instanceof Stmt.Var v) {
            Variable var = new Variable(v.name(), Variable.Kind.VAR, v.pos(), width(v.type(), f), v.type().signed());
            if (v.init() != null) {
                var.bits = sized(eval(v.init(), f, var.width()), var.width(), var.signed, v.init().pos(), "'" + v.name() + "'").lits();
            }
            f.define(v.name(), var);
        } else if (s instanceof Stmt.IntVar v) {
            f.define(v.name(), new IntVar(v.name(), f.runtimeIfDepth, constValue(v.init(), f, "the value of compile-time int '" + v.name() + "'")));
        } else if (s instanceof Stmt.Assign a) {
            assign(a.target(), a.value(), null, f);
        } else if (s instanceof Stmt.TupleAssign t) {
            tupleAssign(t, f);
        } else if (s instanceof Stmt.For loop) {
            forLoop(loop, f);
        } else if (s instanceof Stmt.If i) {
            ifStmt(i, f);
        } else if (s instanceof Stmt.Return r) {
            if (f.runtimeIfDepth > 0) {
                throw r.pos().error("'return' inside a run-time 'if' is not supported; assign a var in both branches and return it after the 'if'");
            }
            TypeRef type = ((Results.Single) f.routine.results()).type();
            int w = width(type, f);
            f.returnValue = sized(eval(r.value(), f, w), w, type.signed(), r.value().pos(), "the result of '" + f.routine.name() + "'").lits();
            f.returned = true;
        }
    }

    private void tupleAssign(Stmt.TupleAssign t, Frame f) {
        Expr.Call call = (Expr.Call) t.value();
        Tuple tuple = callTuple(call, f);
        if (tuple.parts().size() != t.targets().size()) {
            throw t.pos().error("'" + call.name() + "' returns " + tuple.parts().size() + " results ("
                    + String.join(", ", tuple.names()) + "), but " + t.targets().size() + " targets are given");
        }
        for (int i = 0; i < t.targets().size(); i++) assign(t.targets().get(i), null, tuple.parts().get(i), f);
    }

    /** Assigns {@code value} (or the already computed {@code bits}) to a whole var, a bit, a slice or a mem cell. */
    private void assign(Target t, Expr value, Bits bits, Frame f) {
        Object bound = f.lookup(t.name());
        if (bound == null) {
            memWrite((Target.Bit) t, value, bits, f);
            return;
        }
        if (bound instanceof IntVar iv) {
            assignInt(t, value, iv, f);
            return;
        }
        Variable var = (Variable) bound;
        int lo, hi;
        if (t instanceof Target.Whole) {
            lo = 0;
            hi = var.width() - 1;
        } else if (t instanceof Target.Bit b) {
            lo = hi = index(b.index(), var.width(), f, "'" + var.name + "'");
        } else {
            Target.Slice sl = (Target.Slice) t;
            hi = index(sl.hi(), var.width(), f, "'" + var.name + "'");
            lo = index(sl.lo(), var.width(), f, "'" + var.name + "'");
            if (hi < lo) throw sl.pos().error("slice [" + hi + ":" + lo + "] has its high index below its low index");
        }
        int w = hi - lo + 1;
        String what = t instanceof Target.Whole ? "'" + var.name + "'" : "'" + var.name + "[" + (w == 1 ? "" + lo : hi + ":" + lo) + "]'";
        boolean signed = t instanceof Target.Whole && var.signed; // a bit or a slice of any variable is unsigned
        Bits v = value != null ? sized(eval(value, f, w), w, signed, value.pos(), what) : sizedTuplePart(bits, w, signed, t.pos(), what);
        int[] next = var.bits.clone();
        System.arraycopy(v.lits(), 0, next, lo, w);
        var.bits = next;
        var.assigned(lo, hi);
    }

    /** Sets a compile-time int, or some of its bits (two's complement, unbounded), to a compile-time value. */
    private void assignInt(Target t, Expr value, IntVar iv, Frame f) {
        if (f.runtimeIfDepth > iv.runtimeIfDepth) {
            throw t.pos().error("compile-time int '" + iv.name + "' cannot be assigned inside a run-time 'if' (its value would depend on run-time data)");
        }
        BigInteger x = constValue(value, f, "a value assigned to compile-time int '" + iv.name + "'");
        if (t instanceof Target.Whole) {
            iv.value = x;
            return;
        }
        int hi, lo;
        if (t instanceof Target.Bit b) hi = lo = constBit(b.index(), f);
        else {
            Target.Slice sl = (Target.Slice) t;
            hi = constBit(sl.hi(), f);
            lo = constBit(sl.lo(), f);
            if (hi < lo) throw sl.pos().error("slice [" + hi + ":" + lo + "] has its high index below its low index");
        }
        int w = hi - lo + 1;
        String what = "'" + iv.name + "[" + (w == 1 ? "" + lo : hi + ":" + lo) + "]'";
        BigInteger field = ConstOps.mask(w);
        if (!fits(x, w)) throw value.pos().error("constant " + x + " does not fit in " + bits(w) + " (" + what + ")");
        iv.value = iv.value.andNot(field.shiftLeft(lo)).or(x.and(field).shiftLeft(lo));
    }

    /** A bit position in a compile-time integer: 0 up to the size limit of compile-time integers. */
    private int constBit(Expr e, Frame f) {
        BigInteger i = constValue(e, f, "an index");
        if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(Limits.MAX_CONST_BITS)) >= 0) {
            throw e.pos().error("index " + i + " is out of range for a compile-time integer (0.." + (Limits.MAX_CONST_BITS - 1) + ")");
        }
        return i.intValue();
    }

    private static Bits sizedTuplePart(Bits part, int w, boolean signed, Pos pos, String what) {
        if (part.width() != w) {
            throw pos.error("width mismatch: the result is " + bits(part.width()) + " but " + what + " is " + bits(w));
        }
        if (part.signed() != signed) {
            throw pos.error("signed/unsigned mix: the result is " + part.type() + " but " + what + " is " + typeName(w, signed)
                    + "; assign it to a " + part.type() + " var and cast that");
        }
        return part;
    }

    private void memWrite(Target.Bit t, Expr value, Bits bits, Frame f) {
        if (!(f.routine instanceof KernelDecl)) {
            // Keeps expressions free of side effects: a call in one branch of '?:' must not program a cell.
            throw t.pos().error("mem cells are written only in kernels, not in functions");
        }
        MemCell cell = memCell(t.name(), t.index(), f, t.pos());
        String what = "mem cell " + t.name() + "[" + cell.id().index() + "]";
        Bits v = value != null ? sized(eval(value, f, cell.bits()), cell.bits(), value.pos(), what)
                : sizedTuplePart(bits, cell.bits(), false, t.pos(), what);
        memState.put(cell, v.lits());
        memWrites.add(cell);
    }

    private MemCell memCell(String name, Expr index, Frame f, Pos pos) {
        if (!program.isMain(f.module)) {
            throw pos.error("mem '" + name + "' is declared in an imported module; mems belong to the main file");
        }
        MemInfo m = program.memInfos().get(name);
        int j = index(index, m.cells(), f, "mem '" + name + "'");
        return new MemCell(new MemCellId(name, j), m.levels());
    }

    private int[] memRead(MemCell cell) {
        int[] v = memState.get(cell);
        if (v != null) return v;
        memReads.add(cell);
        return memInputs.get(cell);
    }

    private void forLoop(Stmt.For loop, Frame f) {
        BigInteger lo = constValue(loop.lo(), f, "a loop bound");
        BigInteger hi = constValue(loop.hi(), f, "a loop bound");
        BigInteger trips = hi.subtract(lo).max(BigInteger.ZERO);
        if (trips.add(BigInteger.valueOf(loopTrips)).compareTo(BigInteger.valueOf(Limits.MAX_LOOP_TRIPS)) > 0) {
            throw loop.pos().error("loops unroll to more than " + Limits.MAX_LOOP_TRIPS
                    + " iterations in this kernel (the limit)");
        }
        loopTrips += trips.longValueExact();
        for (BigInteger i = lo; i.compareTo(hi) < 0; i = i.add(BigInteger.ONE)) {
            f.push();
            try {
                f.define(loop.var(), i);
                block(loop.body(), f);
            } finally {
                f.pop();
            }
            if (f.returned) break;
        }
    }

    private void ifStmt(Stmt.If s, Frame f) {
        Val c = eval(s.cond(), f, 1);
        if (c instanceof Const k) {
            if (k.value().signum() != 0) block(s.then(), f);
            else if (s.orElse() != null) block(s.orElse(), f);
            return;
        }
        int cond = bit(c, s.cond().pos(), "an 'if' condition");
        // Both branches run on copies of the state; every assigned variable and mem cell is then merged
        // with a multiplexer on the condition.
        List<Variable> vars = f.variables();
        Map<Variable, int[]> before = snapshot(vars);
        Map<MemCell, int[]> memBefore = new HashMap<>(memState);
        f.runtimeIfDepth++;
        try {
            block(s.then(), f);
            Map<Variable, int[]> thenVars = snapshot(vars);
            Map<MemCell, int[]> thenMem = new HashMap<>(memState);
            restore(before);
            memState.clear();
            memState.putAll(memBefore);
            if (s.orElse() != null) block(s.orElse(), f);
            for (Variable v : vars) v.bits = merge(cond, thenVars.get(v), v.bits);
            Set<MemCell> touched = new LinkedHashSet<>(thenMem.keySet());
            touched.addAll(memState.keySet());
            for (MemCell cell : touched) {
                int[] t = thenMem.containsKey(cell) ? thenMem.get(cell) : memRead(cell);
                int[] e = memState.containsKey(cell) ? memState.get(cell) : memRead(cell);
                memState.put(cell, circuits.mux(cond, t, e));
            }
        } finally {
            f.runtimeIfDepth--;
        }
    }

    private static Map<Variable, int[]> snapshot(List<Variable> vars) {
        Map<Variable, int[]> m = new IdentityHashMap<>();
        for (Variable v : vars) m.put(v, v.bits);
        return m;
    }

    private static void restore(Map<Variable, int[]> saved) {
        for (Map.Entry<Variable, int[]> e : saved.entrySet()) e.getKey().bits = e.getValue();
    }

    /** A bit assigned on only one path stays unassigned: reading it later is an error. */
    private int[] merge(int cond, int[] t, int[] e) {
        if (t == e) return t;
        int[] r = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            r[i] = t[i] == Variable.UNASSIGNED || e[i] == Variable.UNASSIGNED ? Variable.UNASSIGNED : circuits.mux(cond, t[i], e[i]);
        }
        return r;
    }

    // ---------------------------------------------------------------- compile-time values

    /** A width written in a type: a compile-time integer in 1..MAX_WIDTH. */
    int width(TypeRef t, Frame f) {
        BigInteger w = constValue(t.width(), f, "a width");
        if (w.signum() <= 0) throw t.width().pos().error("a width must be at least 1, got " + w);
        if (w.compareTo(BigInteger.valueOf(Limits.MAX_WIDTH)) > 0) {
            throw t.width().pos().error("width " + w + " exceeds the limit of " + Limits.MAX_WIDTH + " bits");
        }
        return w.intValue();
    }

    BigInteger constValue(Expr e, Frame f, String what) {
        Val v = eval(e, f, 0);
        if (v instanceof Const c) return c.value();
        throw e.pos().error(what + " must be a compile-time constant");
    }

    BigInteger constValueIn(Expr e, SourceModule m, String what) { return constValue(e, new Frame(m, null), what); }

    long constInt(Expr e, SourceModule m, String what) {
        BigInteger v = constValueIn(e, m, what);
        if (v.bitLength() > 62) throw e.pos().error(what + " is too large: " + v);
        return v.longValue();
    }

    /** A compile-time index into something of {@code size} elements. */
    private int index(Expr e, int size, Frame f, String of) {
        BigInteger i = constValue(e, f, "an index");
        if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(size)) >= 0) {
            throw e.pos().error("index " + i + " is out of range for " + of + " (0.." + (size - 1) + ")");
        }
        return i.intValue();
    }

    // ---------------------------------------------------------------- expressions

    /**
     * Elaborates an expression. {@code hint} is the width the context expects (0 if none); it sizes
     * literals that have no other operand to take a width from.
     */
    Val eval(Expr e, Frame f, int hint) {
        if (e instanceof Expr.Literal l) return new Const(l.value());
        if (e instanceof Expr.Name n) return name(n, f);
        if (e instanceof Expr.Unary u) return unary(u, f, hint);
        if (e instanceof Expr.Binary b) return binary(b, f, hint);
        if (e instanceof Expr.Ternary t) return ternary(t, f, hint);
        if (e instanceof Expr.Index i) return index(i, f);
        if (e instanceof Expr.Slice s) return slice(s, f);
        if (e instanceof Expr.Concat c) return concat(c, f);
        if (e instanceof Expr.Cast c) return cast(c, f);
        Expr.Call call = (Expr.Call) e;
        if (Builtin.named(call.name()).isPresent()) return builtin(call, Builtin.named(call.name()).get(), f, hint);
        Val v = callFn(call, f);
        if (v instanceof Tuple t) {
            if (t.parts().size() == 1) return t.parts().get(0);
            throw call.pos().error("'" + call.name() + "' returns " + t.parts().size()
                    + " results; assign them with (" + String.join(", ", t.names()) + ") = " + call.name() + "(…);");
        }
        return v;
    }

    private Val name(Expr.Name n, Frame f) {
        Object bound = f.lookup(n.name());
        if (bound instanceof BigInteger i) return new Const(i);
        if (bound instanceof IntVar iv) return new Const(iv.value);
        if (bound instanceof Variable v) return new Bits(read(v, 0, v.width() - 1, n.pos()), v.signed);
        Owned<ConstDecl> c = scope(f).consts().get(n.name());
        if (c == null) throw n.pos().error("unknown name '" + n.name() + "'");
        return new Const(program.constValue(c, this));
    }

    private ModuleScope scope(Frame f) { return program.program().scope(f.module); }

    private static int[] read(Variable v, int lo, int hi, Pos at) {
        String why = v.whyUnreadable(lo, hi);
        if (why != null) throw at.error(why);
        return Arrays.copyOfRange(v.bits, lo, hi + 1);
    }

    private Val unary(Expr.Unary u, Frame f, int hint) {
        Val v = eval(u.operand(), f, u.op() == UnaryOp.NOT || u.op() == UnaryOp.NEG ? hint : 0);
        if (v instanceof Const c) {
            return switch (u.op()) {
                case NOT -> new Const(c.value().not());
                case NEG -> new Const(c.value().negate());
                default -> throw u.pos().error("reduction '" + u.op().symbol + "' needs a sized operand; cast the constant, e.g. u<8>(…)");
            };
        }
        int[] x = ((Bits) v).lits();
        boolean signed = ((Bits) v).signed();
        return switch (u.op()) {
            case NOT -> new Bits(circuits.not(x), signed);
            case NEG -> new Bits(circuits.neg(x), signed);
            case REDUCE_AND -> bitOf(circuits.reduceAnd(x));
            case REDUCE_OR -> bitOf(circuits.reduceOr(x));
            case REDUCE_XOR -> bitOf(circuits.reduceXor(x));
        };
    }

    private static Bits bitOf(int lit) { return new Bits(new int[]{lit}); }

    private Val binary(Expr.Binary b, Frame f, int hint) {
        BinaryOp op = b.op();
        int operandHint = op.isComparison() ? 0 : hint;
        Val l = eval(b.left(), f, operandHint);
        Val r = eval(b.right(), f, op == BinaryOp.SHL || op == BinaryOp.SHR ? 0 : operandHint);
        if (op == BinaryOp.SHL || op == BinaryOp.SHR) return shift(b, l, r);
        if (l instanceof Const x && r instanceof Const y) return new Const(ConstOps.binary(op, x.value(), y.value(), b.pos()));
        if ((op == BinaryOp.DIV || op == BinaryOp.MOD) && r instanceof Const z && z.value().signum() == 0) {
            throw b.right().pos().error("division by zero: the right operand of '" + op.symbol + "' is the constant 0");
        }
        int w;
        boolean signed;
        if (l instanceof Const) {
            w = ((Bits) r).width();
            signed = ((Bits) r).signed();
        } else if (r instanceof Const) {
            w = ((Bits) l).width();
            signed = ((Bits) l).signed();
        } else {
            Bits lb = (Bits) l, rb = (Bits) r;
            int lw = lb.width(), rw = rb.width();
            if (lb.signed() != rb.signed()) {
                throw b.pos().error("signed/unsigned mix in '" + op.symbol + "': " + lb.type() + " and " + rb.type()
                        + "; cast one side, e.g. u<" + Math.max(lw, rw) + ">(…) or s<" + Math.max(lw, rw) + ">(…)");
            }
            if (lw != rw && (op == BinaryOp.AND || op == BinaryOp.OR || op == BinaryOp.XOR)) {
                throw b.pos().error("width mismatch in '" + op.symbol + "': " + bits(lw) + " and " + bits(rw)
                        + "; cast one side, e.g. " + (lb.signed() ? "s<" : "u<") + Math.max(lw, rw) + ">(…)");
            }
            w = Math.max(lw, rw);
            signed = lb.signed();
        }
        int[] x = operand(l, w, signed, b.left().pos(), op);
        int[] y = operand(r, w, signed, b.right().pos(), op);
        return switch (op) {
            case OR -> new Bits(circuits.or(x, y), signed);
            case XOR -> new Bits(circuits.xor(x, y), signed);
            case AND -> new Bits(circuits.and(x, y), signed);
            case EQ -> bitOf(circuits.eq(x, y));
            case NE -> bitOf(Lit.not(circuits.eq(x, y)));
            case LT -> bitOf(circuits.lt(x, y, signed));
            case GT -> bitOf(circuits.lt(y, x, signed));
            case LE -> bitOf(Lit.not(circuits.lt(y, x, signed)));
            case GE -> bitOf(Lit.not(circuits.lt(x, y, signed)));
            case ADD -> new Bits(circuits.add(x, y), signed);
            case SUB -> new Bits(circuits.sub(x, y), signed);
            case MUL -> new Bits(circuits.mul(x, y), signed);
            case DIV -> new Bits(circuits.divmod(x, y, signed)[0], signed);
            case MOD -> new Bits(circuits.divmod(x, y, signed)[1], signed);
            case SHL, SHR -> throw new IllegalStateException();
        };
    }

    /** An operand at width w: a constant sized to it, a narrower vector extended (sign-extended if signed). */
    private static int[] operand(Val v, int w, boolean signed, Pos pos, BinaryOp op) {
        if (v instanceof Const c) return sized(c, w, signed, pos, "the other operand of '" + op.symbol + "'").lits();
        Bits b = (Bits) v;
        return Circuits.extend(b.lits(), w, b.signed());
    }

    private Val shift(Expr.Binary b, Val l, Val r) {
        if (!(r instanceof Const amount)) {
            throw b.right().pos().error("a shift amount must be a compile-time constant (for a run-time amount use std.bits)");
        }
        if (amount.value().signum() < 0) throw b.right().pos().error("negative shift amount " + amount.value());
        if (l instanceof Const c) return new Const(ConstOps.binary(b.op(), c.value(), amount.value(), b.pos()));
        Bits x = (Bits) l;
        long k = amount.value().min(BigInteger.valueOf(Limits.MAX_WIDTH + 1L)).longValue();
        int[] shifted = b.op() == BinaryOp.SHL ? Circuits.shl(x.lits(), k) : x.signed() ? Circuits.sar(x.lits(), k) : Circuits.shr(x.lits(), k);
        return new Bits(shifted, x.signed());
    }

    private Val ternary(Expr.Ternary t, Frame f, int hint) {
        Val c = eval(t.cond(), f, 1);
        if (c instanceof Const k) return eval(k.value().signum() != 0 ? t.then() : t.orElse(), f, hint);
        int cond = bit(c, t.cond().pos(), "the condition of '?:'");
        Val x = eval(t.then(), f, hint);
        Val y = eval(t.orElse(), f, hint);
        Shape s = commonShape(List.of(x, y), hint, t.pos(), "'?:'");
        return new Bits(circuits.mux(cond, sized(x, s.width(), s.signed(), t.then().pos(), "a branch of '?:'").lits(),
                sized(y, s.width(), s.signed(), t.orElse().pos(), "a branch of '?:'").lits()), s.signed());
    }

    /** A width and whether the value is signed. */
    private record Shape(int width, boolean signed) {}

    /**
     * The width and signedness all of {@code vals} must share: those of the sized ones (all equal), else the
     * hint's width, unsigned.
     */
    private static Shape commonShape(List<Val> vals, int hint, Pos pos, String what) {
        Bits first = null;
        for (Val v : vals) {
            if (v instanceof Bits b) {
                if (first != null && b.width() != first.width()) {
                    throw pos.error("width mismatch in " + what + ": " + bits(first.width()) + " and " + bits(b.width()));
                }
                if (first != null && b.signed() != first.signed()) {
                    throw pos.error("signed/unsigned mix in " + what + ": " + first.type() + " and " + b.type()
                            + "; cast one, e.g. u<" + b.width() + ">(…) or s<" + b.width() + ">(…)");
                }
                if (first == null) first = b;
            }
        }
        if (first != null) return new Shape(first.width(), first.signed());
        if (hint == 0) throw pos.error("cannot tell the width of " + what + " from constants alone; cast one, e.g. u<8>(…)");
        return new Shape(hint, false);
    }

    private static int bit(Val v, Pos pos, String what) {
        Bits b = (Bits) v;
        if (b.width() != 1) throw pos.error(what + " must be a bit, got u<" + b.width() + ">");
        return b.lits()[0];
    }

    private Val index(Expr.Index i, Frame f) {
        if (i.target() instanceof Expr.Name n && f.lookup(n.name()) == null && scope(f).mems().containsKey(n.name())) {
            return new Bits(memRead(memCell(n.name(), i.index(), f, i.pos())));
        }
        if (i.target() instanceof Expr.Name n && f.lookup(n.name()) instanceof Variable v) {
            int k = index(i.index(), v.width(), f, "'" + v.name + "'");
            return new Bits(read(v, k, k, i.pos()));
        }
        Val t = eval(i.target(), f, 0);
        if (t instanceof Const c) {
            BigInteger k = constValue(i.index(), f, "an index");
            if (k.signum() < 0 || k.bitLength() > 31) throw i.index().pos().error("index " + k + " is out of range");
            return new Const(c.value().testBit(k.intValue()) ? BigInteger.ONE : BigInteger.ZERO);
        }
        int[] x = ((Bits) t).lits();
        return bitOf(x[index(i.index(), x.length, f, "a " + bits(x.length) + " value")]);
    }

    private Val slice(Expr.Slice s, Frame f) {
        if (s.target() instanceof Expr.Name n && f.lookup(n.name()) instanceof Variable v) {
            int hi = index(s.hi(), v.width(), f, "'" + v.name + "'");
            int lo = index(s.lo(), v.width(), f, "'" + v.name + "'");
            checkSlice(s, hi, lo);
            return new Bits(read(v, lo, hi, s.pos()));
        }
        Val t = eval(s.target(), f, 0);
        if (t instanceof Const c) { // bits hi..lo of a compile-time integer (two's complement) are one too
            int hi = constBit(s.hi(), f);
            int lo = constBit(s.lo(), f);
            checkSlice(s, hi, lo);
            return new Const(c.value().shiftRight(lo).and(ConstOps.mask(hi - lo + 1)));
        }
        int[] x = ((Bits) t).lits();
        int hi = index(s.hi(), x.length, f, "a " + bits(x.length) + " value");
        int lo = index(s.lo(), x.length, f, "a " + bits(x.length) + " value");
        checkSlice(s, hi, lo);
        return new Bits(Arrays.copyOfRange(x, lo, hi + 1));
    }

    private static void checkSlice(Expr.Slice s, int hi, int lo) {
        if (hi < lo) throw s.pos().error("slice [" + hi + ":" + lo + "] has its high index below its low index");
    }

    private Val concat(Expr.Concat c, Frame f) {
        List<int[]> parts = new ArrayList<>();
        int w = 0;
        for (Expr p : c.parts()) {
            Val v = eval(p, f, 0);
            if (v instanceof Const) {
                throw p.pos().error("a constant in a concatenation needs a width; cast it, e.g. u<4>(…)");
            }
            parts.add(((Bits) v).lits());
            w += ((Bits) v).width();
        }
        if (w > Limits.MAX_WIDTH) throw c.pos().error("the concatenation is " + w + " bits, above the limit of " + Limits.MAX_WIDTH);
        int[] r = new int[w];
        int at = 0;
        for (int k = parts.size() - 1; k >= 0; k--) { // the last part is the least significant
            System.arraycopy(parts.get(k), 0, r, at, parts.get(k).length);
            at += parts.get(k).length;
        }
        return new Bits(r);
    }

    private Val cast(Expr.Cast c, Frame f) {
        int w = width(c.type(), f);
        Val v = eval(c.value(), f, 0);
        if (v instanceof Const k) return new Bits(Circuits.constant(k.value(), w), c.type().signed());
        Bits b = (Bits) v;
        // Widening extends as the value's own type says (a signed value by its sign bit); the bits are then
        // read as the cast's type.
        return new Bits(Circuits.extend(b.lits(), w, b.signed()), c.type().signed());
    }

    private Val builtin(Expr.Call call, Builtin g, Frame f, int hint) {
        List<Val> args = new ArrayList<>();
        for (Expr a : call.args()) args.add(eval(a, f, hint));
        Shape s = commonShape(args, hint, call.pos(), "'" + g.name + "'");
        List<int[]> x = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            x.add(sized(args.get(i), s.width(), s.signed(), call.args().get(i).pos(), "an argument of '" + g.name + "'").lits());
        }
        int[] r = switch (g) {
            case NOR -> circuits.not(x.stream().reduce(circuits::or).orElseThrow());   // ~(a | b | …)
            case NAND -> circuits.not(x.stream().reduce(circuits::and).orElseThrow()); // ~(a & b & …)
            case XNOR -> circuits.not(circuits.xor(x.get(0), x.get(1)));
            case IMP -> circuits.or(circuits.not(x.get(0)), x.get(1));                 // ~a | b
            case MAJ -> circuits.maj(x.get(0), x.get(1), x.get(2));
        };
        return new Bits(r, s.signed());
    }

    // ---------------------------------------------------------------- calls

    private Tuple callTuple(Expr.Call call, Frame f) {
        Val v = callFn(call, f);
        if (v instanceof Tuple t) return t;
        throw call.pos().error("'" + call.name() + "' returns one unnamed result; a tuple assignment needs named results");
    }

    /** Inlines a call: binds width parameters from the arguments, runs the body, returns its result(s). */
    private Val callFn(Expr.Call call, Frame caller) {
        Owned<FnDecl> owned = scope(caller).fns().get(call.name());
        FnDecl fn = owned.decl();
        if (callDepth >= Limits.MAX_CALL_DEPTH) {
            throw call.pos().error("calls nest more than " + Limits.MAX_CALL_DEPTH + " deep (the limit)");
        }
        List<Val> args = new ArrayList<>();
        for (Expr a : call.args()) args.add(eval(a, caller, 0));
        Frame callee = new Frame(owned.module(), fn);
        Map<String, BigInteger> widths = new TreeMap<>();
        Map<String, String> boundBy = new HashMap<>();
        for (int i = 0; i < fn.params().size(); i++) {
            Param p = fn.params().get(i);
            if (p.type().width() instanceof Expr.Name n && fn.typeParams().contains(n.name()) && args.get(i) instanceof Bits b) {
                BigInteger w = BigInteger.valueOf(b.width());
                BigInteger before = widths.putIfAbsent(n.name(), w);
                if (before != null && !before.equals(w)) {
                    throw call.args().get(i).pos().error("width parameter " + n.name() + " of '" + fn.name() + "' is "
                            + before + " from '" + boundBy.get(n.name()) + "' but " + w + " from '" + p.name() + "'");
                }
                boundBy.putIfAbsent(n.name(), p.name());
            }
        }
        for (String tp : fn.typeParams()) {
            BigInteger w = widths.get(tp);
            if (w == null) {
                throw call.pos().error("cannot infer width parameter " + tp + " of '" + fn.name()
                        + "' from constant arguments; cast one, e.g. u<8>(…)");
            }
            callee.define(tp, w);
        }
        for (int i = 0; i < fn.params().size(); i++) {
            Param p = fn.params().get(i);
            int w = width(p.type(), callee);
            Val a = args.get(i);
            if (a instanceof Bits b && b.width() != w) {
                throw call.args().get(i).pos().error("width mismatch: argument '" + p.name() + "' of '" + fn.name()
                        + "' is " + bits(w) + ", got " + bits(b.width()));
            }
            Variable v = new Variable(p.name(), Variable.Kind.INPUT, p.pos(), w, p.type().signed());
            v.bits = sized(a, w, v.signed, call.args().get(i).pos(), "argument '" + p.name() + "' of '" + fn.name() + "'").lits();
            callee.define(p.name(), v);
        }
        List<Variable> results = declareResults(fn, callee);
        callDepth++;
        try {
            runBody(fn, callee);
        } finally {
            callDepth--;
        }
        if (fn.results() instanceof Results.Single single) return new Bits(callee.returnValue, single.type().signed());
        return new Tuple(results.stream().map(r -> r.name).toList(), results.stream().map(r -> new Bits(r.bits, r.signed)).toList());
    }

    // ---------------------------------------------------------------- sizing

    /**
     * A value at exactly width w. A constant takes the width if it fits (negative constants down to
     * -2^(w-1), as two's complement); a vector must already have it.
     */
    static Bits sized(Val v, int w, Pos pos, String what) { return sized(v, w, false, pos, what); }

    /**
     * A value at exactly width w and the given signedness. A constant takes them if it fits: for an unsigned
     * value 0 .. 2^w - 1 or, as two's complement, down to -2^(w-1); for a signed one -2^(w-1) .. 2^(w-1) - 1.
     * A vector must already have both.
     */
    static Bits sized(Val v, int w, boolean signed, Pos pos, String what) {
        if (v instanceof Const c) {
            BigInteger x = c.value();
            if (signed && x.bitLength() > w - 1) {
                BigInteger half = BigInteger.ONE.shiftLeft(w - 1);
                throw pos.error("constant " + x + " does not fit in " + typeName(w, true) + ", " + half.negate() + ".."
                        + half.subtract(BigInteger.ONE) + " (" + what + ")");
            }
            if (!signed && !fits(x, w)) throw pos.error("constant " + x + " does not fit in " + bits(w) + " (" + what + ")");
            return new Bits(Circuits.constant(x, w), signed);
        }
        if (v instanceof Tuple) throw pos.error("a call with several results cannot be used as a value");
        Bits b = (Bits) v;
        String cast = (signed ? "s<" : "u<") + w + ">(…)";
        if (b.width() != w) {
            throw pos.error("width mismatch: " + what + " is " + bits(w) + " but the value is " + bits(b.width())
                    + "; cast it with " + cast);
        }
        if (b.signed() != signed) {
            throw pos.error("signed/unsigned mix: " + what + " is " + typeName(w, signed) + " but the value is " + b.type()
                    + "; cast it with " + cast);
        }
        return b;
    }

    /** Whether a constant fits in w bits: 0 .. 2^w - 1, or as two's complement down to -2^(w-1). */
    private static boolean fits(BigInteger x, int w) {
        return x.signum() >= 0 ? x.bitLength() <= w : x.bitLength() <= w - 1 || (w == 1 && x.equals(BigInteger.ONE.negate()));
    }

    static String bits(int w) { return w + (w == 1 ? " bit" : " bits"); }

    /** A type as written: {@code bit}, {@code u<8>}, {@code s<8>}. */
    static String typeName(int w, boolean signed) { return signed ? "s<" + w + ">" : w == 1 ? "bit" : "u<" + w + ">"; }
}
