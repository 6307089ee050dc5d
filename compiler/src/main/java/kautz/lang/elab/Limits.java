package kautz.lang.elab;

/**
 * Bounds on what one kernel may elaborate to, so that a mistake (a huge width, a loop to a billion)
 * stops with a message instead of exhausting memory. Documented in docs/language.md.
 */
public final class Limits {
    private Limits() {}

    /** Widest vector type, in bits. */
    public static final int MAX_WIDTH = 4096;
    /** Loop iterations one kernel may unroll in total (all loops, inlined calls included). */
    public static final int MAX_LOOP_TRIPS = 1_000_000;
    /** Nodes of one kernel's logic network. */
    public static final int MAX_NODES = 10_000_000;
    /**
     * Nesting of brackets: blocks ({@code if}, {@code for}, bodies), parentheses and braces together.
     * Deeper text is refused before it is parsed: the parser and elaboration of each level are not free.
     */
    public static final int MAX_NESTING = 256;
    /** Nesting of inlined calls. */
    public static final int MAX_CALL_DEPTH = 256;
    /** Bits of all mem cells of a module together. */
    public static final int MAX_MEM_BITS = 65_536;
    /** Largest compile-time integer, in bits (constants are unbounded integers up to this size). */
    public static final int MAX_CONST_BITS = 65_536;
}
