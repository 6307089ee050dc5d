package kautz.lang.check;

import kautz.lang.ast.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what does not depend on widths or constant values: every name resolves, calls have the right
 * number of arguments, only variables and results are assigned, {@code return} is used where a routine
 * has one result, width parameters can be inferred, and no function calls itself (functions are inlined,
 * so recursion could not end). Widths, constants and ranges are checked during elaboration, where they
 * are known.
 */
public final class Checker {
    /** What a name in a routine stands for. */
    private enum Kind { INPUT, RESULT, VAR, INT_VAR, LOOP, WIDTH_PARAM }

    private record Local(Kind kind, Pos pos) {}

    /** One call site, for reporting recursion where it happens. */
    private record CallSite(FnDecl callee, Pos pos) {}

    private final Program program;
    private final Map<FnDecl, List<CallSite>> calls = new IdentityHashMap<>();
    private final List<FnDecl> fnOrder = new ArrayList<>(); // source order, so the reported cycle is stable
    private final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
    private ModuleScope module;
    private Routine routine;

    private Checker(Program program) { this.program = program; }

    public static void check(Program program) {
        Checker c = new Checker(program);
        for (SourceModule m : program.modules()) c.checkModule(m);
        c.checkRecursion();
    }

    private void checkModule(SourceModule m) {
        module = program.scope(m);
        for (Item it : m.items()) {
            if (it instanceof ConstDecl c) constExpr(c.value());
            else if (it instanceof MemDecl d) {
                constExpr(d.levels());
                constExpr(d.cells());
            } else if (it instanceof Routine r) checkRoutine(r);
        }
    }

    private void constExpr(Expr e) {
        scopes.push(new HashMap<>());
        routine = null;
        expr(e);
        scopes.pop();
    }

    private void checkRoutine(Routine r) {
        routine = r;
        if (r instanceof FnDecl f && calls.putIfAbsent(f, new ArrayList<>()) == null) fnOrder.add(f);
        scopes.push(new LinkedHashMap<>());
        for (String tp : r.typeParams()) declare(tp, Kind.WIDTH_PARAM, r.pos());
        for (String tp : r.typeParams()) {
            boolean inferable = r.params().stream().anyMatch(p -> p.type().width() instanceof Expr.Name n && n.name().equals(tp));
            if (!inferable) {
                throw r.pos().error("width parameter " + tp + " of '" + r.name()
                        + "' cannot be inferred: use it as a parameter's width, e.g. x: u<" + tp + ">");
            }
        }
        for (Param p : r.params()) {
            type(p.type());
            declare(p.name(), Kind.INPUT, p.pos());
        }
        if (r.results() instanceof Results.Single s) type(s.type());
        if (r.results() instanceof Results.Named n) {
            for (Param p : n.results()) {
                type(p.type());
                declare(p.name(), Kind.RESULT, p.pos());
            }
        }
        block(r.body());
        scopes.pop();
    }

    private void type(TypeRef t) { expr(t.width()); }

    private void declare(String name, Kind kind, Pos pos) {
        Optional<Local> before = lookup(name);
        if (before.isPresent()) {
            throw pos.error("'" + name + "' is already declared at line " + before.get().pos().line());
        }
        if (module.consts().containsKey(name) || module.mems().containsKey(name)) {
            throw pos.error("'" + name + "' is already declared at module level");
        }
        scopes.peek().put(name, new Local(kind, pos));
    }

    private Optional<Local> lookup(String name) {
        for (Map<String, Local> s : scopes) {
            Local l = s.get(name);
            if (l != null) return Optional.of(l);
        }
        return Optional.empty();
    }

    private void block(Block b) {
        scopes.push(new HashMap<>());
        for (Stmt s : b.stmts()) stmt(s);
        scopes.pop();
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.Var v) {
            type(v.type());
            if (v.init() != null) expr(v.init());
            declare(v.name(), Kind.VAR, v.pos());
        } else if (s instanceof Stmt.IntVar v) {
            expr(v.init());
            declare(v.name(), Kind.INT_VAR, v.pos());
        } else if (s instanceof Stmt.Assign a) {
            target(a.target());
            expr(a.value());
        } else if (s instanceof Stmt.TupleAssign t) {
            for (Target x : t.targets()) {
                target(x);
                if (lookup(x.name()).filter(l -> l.kind() == Kind.INT_VAR).isPresent()) {
                    throw x.pos().error("'" + x.name() + "' is a compile-time int; a function's results are run-time values");
                }
            }
            if (!(t.value() instanceof Expr.Call call) || Builtin.named(call.name()).isPresent()) {
                throw t.value().pos().error("a tuple assignment needs a call of a function with named results");
            }
            expr(t.value());
        } else if (s instanceof Stmt.For f) {
            expr(f.lo());
            expr(f.hi());
            scopes.push(new HashMap<>());
            declare(f.var(), Kind.LOOP, f.pos());
            block(f.body());
            scopes.pop();
        } else if (s instanceof Stmt.If i) {
            expr(i.cond());
            block(i.then());
            if (i.orElse() != null) block(i.orElse());
        } else if (s instanceof Stmt.Return r) {
            if (!(routine.results() instanceof Results.Single)) {
                throw r.pos().error("'return' is only for a routine with one unnamed result; '" + routine.name()
                        + "' assigns its named results instead");
            }
            expr(r.value());
        }
    }

    private void target(Target t) {
        if (t instanceof Target.Bit b) expr(b.index());
        if (t instanceof Target.Slice sl) {
            expr(sl.hi());
            expr(sl.lo());
        }
        Optional<Local> l = lookup(t.name());
        if (l.isPresent()) {
            switch (l.get().kind()) {
                case INPUT -> throw t.pos().error("cannot assign to input '" + t.name() + "'; copy it into a var first");
                case LOOP -> throw t.pos().error("cannot assign to loop variable '" + t.name() + "'");
                case WIDTH_PARAM -> throw t.pos().error("cannot assign to width parameter '" + t.name() + "'");
                default -> { return; }
            }
        }
        if (module.consts().containsKey(t.name())) throw t.pos().error("cannot assign to constant '" + t.name() + "'");
        if (module.mems().containsKey(t.name())) {
            if (!(t instanceof Target.Bit)) {
                throw t.pos().error("a mem is written one cell at a time: " + t.name() + "[j] = value;");
            }
            return;
        }
        throw t.pos().error("unknown name '" + t.name() + "'");
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Literal) return;
        if (e instanceof Expr.Name n) {
            if (lookup(n.name()).isPresent() || module.consts().containsKey(n.name())) return;
            if (module.mems().containsKey(n.name())) {
                throw n.pos().error("mem '" + n.name() + "' is read one cell at a time: " + n.name() + "[j]");
            }
            throw n.pos().error("unknown name '" + n.name() + "'");
        }
        if (e instanceof Expr.Unary u) expr(u.operand());
        else if (e instanceof Expr.Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Expr.Ternary t) {
            expr(t.cond());
            expr(t.then());
            expr(t.orElse());
        } else if (e instanceof Expr.Index i) {
            if (!(i.target() instanceof Expr.Name n && isMem(n.name()))) expr(i.target());
            expr(i.index());
        } else if (e instanceof Expr.Slice s) {
            if (s.target() instanceof Expr.Name n && isMem(n.name())) {
                throw s.pos().error("mem '" + n.name() + "' is read one cell at a time: " + n.name() + "[j]");
            }
            expr(s.target());
            expr(s.hi());
            expr(s.lo());
        } else if (e instanceof Expr.Concat c) {
            for (Expr p : c.parts()) expr(p);
        } else if (e instanceof Expr.Cast c) {
            type(c.type());
            expr(c.value());
        } else if (e instanceof Expr.Call c) {
            call(c);
        }
    }

    private boolean isMem(String name) { return lookup(name).isEmpty() && module.mems().containsKey(name); }

    private void call(Expr.Call c) {
        for (Expr a : c.args()) expr(a);
        Optional<Builtin> b = Builtin.named(c.name());
        if (b.isPresent()) {
            int n = c.args().size();
            if (n < b.get().minArgs || n > b.get().maxArgs) {
                throw c.pos().error("'" + c.name() + "' takes " + b.get().arity() + ", got " + n);
            }
            return;
        }
        Owned<FnDecl> f = module.fns().get(c.name());
        if (f == null) throw c.pos().error("unknown function '" + c.name() + "'");
        int want = f.decl().params().size();
        if (c.args().size() != want) {
            throw c.pos().error("'" + c.name() + "' takes " + want + " argument" + (want == 1 ? "" : "s")
                    + ", got " + c.args().size());
        }
        if (routine instanceof FnDecl caller) calls.get(caller).add(new CallSite(f.decl(), c.pos()));
    }

    private void checkRecursion() {
        Map<FnDecl, Integer> state = new IdentityHashMap<>(); // 1 = on the path, 2 = done
        for (FnDecl f : fnOrder) visit(f, state, new ArrayList<>());
    }

    private void visit(FnDecl f, Map<FnDecl, Integer> state, List<String> path) {
        Integer s = state.get(f);
        if (s != null && s == 2) return;
        state.put(f, 1);
        path.add(f.name());
        for (CallSite site : calls.getOrDefault(f, List.of())) {
            if (state.get(site.callee()) != null && state.get(site.callee()) == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(site.callee().name()), path.size()));
                cycle.add(site.callee().name());
                throw site.pos().error("recursive call (" + String.join(" -> ", cycle)
                        + "); functions are inlined, so recursion is not allowed");
            }
            visit(site.callee(), state, path);
        }
        path.remove(path.size() - 1);
        state.put(f, 2);
    }
}
