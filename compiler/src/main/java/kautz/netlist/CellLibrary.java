package kautz.netlist;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import kautz.mapped.Primitive;
import kautz.mapped.Primitives;
import kautz.network.Lit;

import java.util.Locale;

/**
 * The gate cells the Verilog reader knows, connected by pin name as ABC writes a mapped netlist (the
 * {@code nor2.genlib} library of the NOR-mapped benchmarks and the usual two-input cells), and Verilog's
 * built-in gate primitives, connected by position (output first).
 */
final class CellLibrary {
    private CellLibrary() {}

    /** A named-pin cell: {@code primitive} null means a buffer (a wire, removed in the mapped form). */
    record Cell(String name, Primitive primitive, ImmutableList<String> inputs, String output) {}

    /** A built-in gate: n-ary unless unary; its AIG logic over all inputs. */
    record Builtin(boolean unary, NetlistGraph.Logic logic) {}

    private static final ImmutableMap<String, Cell> CELLS = ImmutableMap.of(
            "nor2", new Cell("nor2", Primitives.NOR2, ImmutableList.of("a", "b"), "O"),
            "inv1", new Cell("inv1", Primitives.INV1, ImmutableList.of("a"), "O"),
            "buf", new Cell("buf", null, ImmutableList.of("a"), "O"),
            "zero", new Cell("zero", Primitives.ZERO, ImmutableList.of(), "O"),
            "one", new Cell("one", Primitives.ONE, ImmutableList.of(), "O"),
            "and2", new Cell("and2", Primitives.AND2, ImmutableList.of("a", "b"), "O"),
            "or2", new Cell("or2", Primitives.OR2, ImmutableList.of("a", "b"), "O"),
            "nand2", new Cell("nand2", Primitives.NAND2, ImmutableList.of("a", "b"), "O"));

    static Cell cell(String type) { return CELLS.get(type); }

    static String cellNames() { return String.join(", ", CELLS.keySet()); }

    static boolean looksSequential(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.contains("dff") || t.contains("latch") || t.contains("flop") || t.startsWith("$_df") || t.startsWith("$_sr");
    }

    static Builtin builtin(String type) {
        return switch (type) {
            // nand(a, b, ...) = ~(a & b & ...), and so on: each folds its inputs with one AIG operator
            case "and" -> new Builtin(false, (b, in) -> fold(b, in, 0));
            case "nand" -> new Builtin(false, (b, in) -> Lit.not(fold(b, in, 0)));
            case "or" -> new Builtin(false, (b, in) -> fold(b, in, 1));
            case "nor" -> new Builtin(false, (b, in) -> Lit.not(fold(b, in, 1)));
            case "xor" -> new Builtin(false, (b, in) -> fold(b, in, 2));
            case "xnor" -> new Builtin(false, (b, in) -> Lit.not(fold(b, in, 2)));
            case "not" -> new Builtin(true, (b, in) -> Lit.not(in[0]));
            case "buf" -> new Builtin(true, (b, in) -> in[0]);
            default -> null;
        };
    }

    /** Folds the inputs with AND (0), OR (1) or XOR (2). */
    static int fold(kautz.network.AigBuilder b, int[] in, int op) {
        int r = in[0];
        for (int k = 1; k < in.length; k++) {
            r = switch (op) {
                case 0 -> b.and(r, in[k]);
                case 1 -> b.or(r, in[k]);
                default -> b.xor(r, in[k]);
            };
        }
        return r;
    }
}
