package kautz.lang.ast;

/** Infix operators with their binding strength (higher binds tighter), as docs/language.md orders them. */
public enum BinaryOp {
    OR("|", 1), XOR("^", 2), AND("&", 3),
    EQ("==", 4), NE("!=", 4),
    LT("<", 5), LE("<=", 5), GT(">", 5), GE(">=", 5),
    SHL("<<", 6), SHR(">>", 6),
    ADD("+", 7), SUB("-", 7),
    MUL("*", 8),
    /** Division and remainder: truncating like Java on compile-time integers; on sized values docs/language.md, "Division". */
    DIV("/", 8), MOD("%", 8);

    public final String symbol;
    public final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public boolean isComparison() { return precedence == 4 || precedence == 5; }

    public static BinaryOp of(String symbol) {
        for (BinaryOp op : values()) if (op.symbol.equals(symbol)) return op;
        throw new IllegalArgumentException(symbol);
    }
}
