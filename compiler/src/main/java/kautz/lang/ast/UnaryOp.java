package kautz.lang.ast;

/** Prefix operators: bitwise not, modular negation, and the reductions (result {@code bit}). */
public enum UnaryOp {
    NOT("~"), NEG("-"), REDUCE_AND("&"), REDUCE_OR("|"), REDUCE_XOR("^");

    public final String symbol;

    UnaryOp(String symbol) { this.symbol = symbol; }

    public static UnaryOp of(String symbol) {
        for (UnaryOp op : values()) if (op.symbol.equals(symbol)) return op;
        throw new IllegalArgumentException(symbol);
    }
}
