package kautz.lang.parse;

import kautz.grammar.KautzParser;
import kautz.grammar.KautzParser.*;
import kautz.lang.ast.*;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Walks ANTLR's parse tree and builds the immutable AST (the grammar itself has no actions). */
final class AstBuilder {
    private final SourceText source;

    AstBuilder(SourceText source) { this.source = source; }

    SourceModule module(ModuleContext ctx) {
        List<Item> items = new ArrayList<>();
        for (ItemContext it : ctx.item()) items.add(item(it));
        return new SourceModule(source, items);
    }

    private Pos pos(Token t) { return new Pos(source, t.getLine(), t.getCharPositionInLine() + 1); }
    private Pos pos(ParserRuleContext c) { return pos(c.getStart()); }

    private Item item(ItemContext c) {
        if (c.importDecl() != null) {
            return new Import(pos(c.importDecl()), c.importDecl().ID().stream().map(TerminalNode::getText).toList());
        }
        if (c.constDecl() != null) {
            ConstDeclContext d = c.constDecl();
            return new ConstDecl(pos(d.name()), d.name().getText(), expr(d.expr()));
        }
        if (c.memDecl() != null) {
            MemDeclContext d = c.memDecl();
            return new MemDecl(pos(d.name()), d.name().getText(), add(d.addExpr()), expr(d.expr()));
        }
        if (c.fnDecl() != null) {
            FnDeclContext d = c.fnDecl();
            List<String> typeParams = d.typeParams() == null ? List.of()
                    : d.typeParams().name().stream().map(NameContext::getText).toList();
            return new FnDecl(pos(d.name()), d.name().getText(), typeParams, params(d.params()),
                    results(d.results()), block(d.block()));
        }
        KernelDeclContext d = c.kernelDecl();
        Results results = d.results() == null ? new Results.None() : results(d.results());
        return new KernelDecl(pos(d.name()), d.name().getText(), params(d.params()), results, block(d.block()));
    }

    private List<Param> params(ParamsContext c) {
        return c == null ? List.of() : c.param().stream().map(this::param).toList();
    }

    private Param param(ParamContext c) { return new Param(pos(c), c.name().getText(), type(c.type())); }

    private Results results(ResultsContext c) {
        if (c instanceof SingleResultContext s) return new Results.Single(type(s.type()));
        return new Results.Named(((NamedResultsContext) c).param().stream().map(this::param).toList());
    }

    private TypeRef type(TypeContext c) {
        if (c instanceof VectorTypeContext v) return new TypeRef(pos(c), false, add(v.addExpr()));
        if (c instanceof SignedTypeContext v) return new TypeRef(pos(c), false, add(v.addExpr()), true);
        return bitType(pos(c));
    }

    private static TypeRef bitType(Pos p) {
        return new TypeRef(p, true, new Expr.Literal(p, BigInteger.ONE, "1"));
    }

    private Block block(BlockContext c) {
        return new Block(pos(c), c.stmt().stream().map(this::stmt).toList());
    }

    private Stmt stmt(StmtContext c) {
        if (c instanceof VarStmtContext v) {
            return new Stmt.Var(pos(v.name()), v.name().getText(), type(v.type()),
                    v.expr() == null ? null : expr(v.expr()));
        }
        if (c instanceof IntVarStmtContext v) return new Stmt.IntVar(pos(v.name()), v.name().getText(), expr(v.expr()));
        if (c instanceof AssignStmtContext a) return new Stmt.Assign(pos(a), target(a.target()), expr(a.expr()));
        if (c instanceof TupleAssignStmtContext t) {
            return new Stmt.TupleAssign(pos(t), t.target().stream().map(this::target).toList(), expr(t.expr()));
        }
        if (c instanceof ForStmtContext f) {
            return new Stmt.For(pos(f), f.name().getText(), expr(f.expr(0)), expr(f.expr(1)), block(f.block()));
        }
        if (c instanceof IfStmtContext i) return ifStmt(i.ifStatement());
        ReturnStmtContext r = (ReturnStmtContext) c;
        return new Stmt.Return(pos(r), expr(r.expr()));
    }

    private Stmt.If ifStmt(IfStatementContext c) {
        Block orElse = null;
        if (c.ifStatement() != null) {
            Stmt.If nested = ifStmt(c.ifStatement());
            orElse = new Block(nested.pos(), List.of(nested));
        } else if (c.block().size() > 1) {
            orElse = block(c.block(1));
        }
        return new Stmt.If(pos(c), expr(c.expr()), block(c.block(0)), orElse);
    }

    private Target target(TargetContext c) {
        if (c instanceof BitTargetContext b) return new Target.Bit(pos(b), b.name().getText(), expr(b.expr()));
        if (c instanceof SliceTargetContext s) {
            return new Target.Slice(pos(s), s.name().getText(), expr(s.expr(0)), expr(s.expr(1)));
        }
        return new Target.Whole(pos(c), ((WholeTargetContext) c).name().getText());
    }

    Expr expr(ExprContext c) {
        Expr cond = or(c.orExpr());
        if (c.expr().isEmpty()) return cond;
        Token question = ((TerminalNode) c.getChild(1)).getSymbol();
        return new Expr.Ternary(pos(question), cond, expr(c.expr(0)), expr(c.expr(1)));
    }

    private Expr or(OrExprContext c) {
        return leftAssoc(c.xorExpr().stream().map(this::xor).toList(), c, i -> BinaryOp.OR);
    }

    private Expr xor(XorExprContext c) {
        return leftAssoc(c.andExpr().stream().map(this::and).toList(), c, i -> BinaryOp.XOR);
    }

    private Expr and(AndExprContext c) {
        return leftAssoc(c.eqExpr().stream().map(this::eq).toList(), c, i -> BinaryOp.AND);
    }

    private Expr eq(EqExprContext c) {
        return leftAssoc(c.relExpr().stream().map(this::rel).toList(), c, i -> BinaryOp.of(c.eqOp(i).getText()));
    }

    private Expr rel(RelExprContext c) {
        return leftAssoc(c.shiftExpr().stream().map(this::shift).toList(), c, i -> BinaryOp.of(c.relOp(i).getText()));
    }

    private Expr shift(ShiftExprContext c) {
        return leftAssoc(c.addExpr().stream().map(this::add).toList(), c, i -> BinaryOp.of(c.shiftOp(i).getText()));
    }

    Expr add(AddExprContext c) {
        return leftAssoc(c.mulExpr().stream().map(this::mul).toList(), c, i -> BinaryOp.of(c.addOp(i).getText()));
    }

    private Expr mul(MulExprContext c) {
        return leftAssoc(c.unaryExpr().stream().map(this::unary).toList(), c, i -> BinaryOp.of(c.mulOp(i).getText()));
    }

    private interface OpAt { BinaryOp op(int i); }

    /** Folds operands left to right; each operator's position is that of its token. */
    private Expr leftAssoc(List<Expr> operands, ParserRuleContext c, OpAt ops) {
        Expr e = operands.get(0);
        int opIndex = 0;
        for (int k = 1; k < c.getChildCount(); k += 2) {
            Token opToken = c.getChild(k) instanceof TerminalNode t ? t.getSymbol()
                    : ((ParserRuleContext) c.getChild(k)).getStart();
            e = new Expr.Binary(pos(opToken), ops.op(opIndex), e, operands.get(opIndex + 1));
            opIndex++;
        }
        return e;
    }

    private Expr unary(UnaryExprContext c) {
        if (c.unaryOp() != null) return new Expr.Unary(pos(c), UnaryOp.of(c.unaryOp().getText()), unary(c.unaryExpr()));
        PostfixExprContext p = c.postfixExpr();
        Expr e = primary(p.primary());
        for (SelectorContext s : p.selector()) {
            if (s instanceof BitSelectorContext b) e = new Expr.Index(pos(s), e, expr(b.expr()));
            else {
                SliceSelectorContext sl = (SliceSelectorContext) s;
                e = new Expr.Slice(pos(s), e, expr(sl.expr(0)), expr(sl.expr(1)));
            }
        }
        return e;
    }

    private Expr primary(PrimaryContext c) {
        if (c instanceof LiteralExprContext l) return literal(l.literal());
        if (c instanceof CallExprContext call) {
            return new Expr.Call(pos(call), call.name().getText(), call.expr().stream().map(this::expr).toList());
        }
        if (c instanceof NameExprContext n) return new Expr.Name(pos(n), n.name().getText());
        if (c instanceof CastExprContext cast) {
            return new Expr.Cast(pos(cast), new TypeRef(pos(cast), false, add(cast.addExpr())), expr(cast.expr()));
        }
        if (c instanceof SignedCastExprContext cast) {
            return new Expr.Cast(pos(cast), new TypeRef(pos(cast), false, add(cast.addExpr()), true), expr(cast.expr()));
        }
        if (c instanceof BitCastExprContext b) return new Expr.Cast(pos(b), bitType(pos(b)), expr(b.expr()));
        if (c instanceof ConcatExprContext cc) {
            return new Expr.Concat(pos(cc), cc.expr().stream().map(this::expr).toList());
        }
        return expr(((ParenExprContext) c).expr());
    }

    private Expr literal(LiteralContext c) {
        String text = c.getText();
        String digits = text.replace("_", "");
        BigInteger v;
        if (digits.length() <= 2 && (c.HEX() != null || c.BIN() != null)) {
            throw pos(c).error("literal '" + text + "' has no digits");
        }
        if (c.HEX() != null) v = new BigInteger(digits.substring(2), 16);
        else if (c.BIN() != null) v = new BigInteger(digits.substring(2), 2);
        else v = new BigInteger(digits);
        return new Expr.Literal(pos(c), v, text);
    }
}
