package kautz.netlist;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import kautz.mapped.Primitive;
import kautz.mapped.Primitives;
import kautz.netlist.NetlistGraph.Mapping;
import kautz.network.Lit;

import java.util.Locale;

/**
 * The gate cells the Verilog reader knows, connected by pin name: as ABC writes a mapped netlist (the
 * {@code nor2.genlib} library of the NOR-mapped benchmarks and the usual two-input cells) and Yosys's internal
 * gate cells ({@code $_AND_}, {@code $_MUX_}, ...); and Verilog's built-in gate primitives, connected by
 * position (output first).
 */
final class CellLibrary {
    private CellLibrary() {}

    /** A named-pin cell: its AIG logic over the input pins in order, and its role in the mapped form. */
    record Cell(String name, ImmutableList<String> inputs, String output, NetlistGraph.Logic logic, Mapping mapping) {}

    /** A built-in gate: n-ary unless unary; its AIG logic over all inputs. */
    record Builtin(boolean unary, NetlistGraph.Logic logic) {}

    private static final ImmutableMap<String, Cell> CELLS = cells();

    private static ImmutableMap<String, Cell> cells() {
        ImmutableMap.Builder<String, Cell> m = ImmutableMap.builder();
        // ABC's genlib cells (pins a, b -> O): nor2.genlib and the usual two-input cells
        for (Primitive p : new Primitive[]{Primitives.NOR2, Primitives.INV1, Primitives.ZERO, Primitives.ONE,
                Primitives.AND2, Primitives.OR2, Primitives.NAND2}) {
            m.put(p.name(), new Cell(p.name(), ImmutableList.of("a", "b").subList(0, p.arity()), "O",
                    NetlistGraph.logicOf(p), Mapping.of(p)));
        }
        m.put("buf", new Cell("buf", ImmutableList.of("a"), "O", (b, in) -> in[0], Mapping.WIRE));
        // Yosys's internal gate cells (pins A, B, C, D, S -> Y), as `write_verilog -noexpr` writes them
        yosys(m, "$_BUF_", "A", (b, in) -> in[0], Mapping.WIRE);
        yosys(m, "$_NOT_", "A", (b, in) -> Lit.not(in[0]), Mapping.of(Primitives.INV1));
        yosys(m, "$_AND_", "AB", (b, in) -> b.and(in[0], in[1]), Mapping.of(Primitives.AND2));
        yosys(m, "$_OR_", "AB", (b, in) -> b.or(in[0], in[1]), Mapping.of(Primitives.OR2));
        yosys(m, "$_NAND_", "AB", (b, in) -> Lit.not(b.and(in[0], in[1])), Mapping.of(Primitives.NAND2));
        yosys(m, "$_NOR_", "AB", (b, in) -> Lit.not(b.or(in[0], in[1])), Mapping.of(Primitives.NOR2));
        yosys(m, "$_XOR_", "AB", (b, in) -> b.xor(in[0], in[1]), Mapping.NONE);
        yosys(m, "$_XNOR_", "AB", (b, in) -> b.xnor(in[0], in[1]), Mapping.NONE);
        yosys(m, "$_ANDNOT_", "AB", (b, in) -> b.and(in[0], Lit.not(in[1])), Mapping.NONE);
        yosys(m, "$_ORNOT_", "AB", (b, in) -> b.or(in[0], Lit.not(in[1])), Mapping.NONE);
        yosys(m, "$_MUX_", "ABS", (b, in) -> b.mux(in[2], in[1], in[0]), Mapping.NONE);  // Y = S ? B : A
        yosys(m, "$_NMUX_", "ABS", (b, in) -> Lit.not(b.mux(in[2], in[1], in[0])), Mapping.NONE);
        yosys(m, "$_AOI3_", "ABC", (b, in) -> Lit.not(b.or(b.and(in[0], in[1]), in[2])), Mapping.NONE);
        yosys(m, "$_OAI3_", "ABC", (b, in) -> Lit.not(b.and(b.or(in[0], in[1]), in[2])), Mapping.NONE);
        yosys(m, "$_AOI4_", "ABCD", (b, in) -> Lit.not(b.or(b.and(in[0], in[1]), b.and(in[2], in[3]))), Mapping.NONE);
        yosys(m, "$_OAI4_", "ABCD", (b, in) -> Lit.not(b.and(b.or(in[0], in[1]), b.or(in[2], in[3]))), Mapping.NONE);
        return m.build();
    }

    private static void yosys(ImmutableMap.Builder<String, Cell> m, String name, String pins, NetlistGraph.Logic logic, Mapping mapping) {
        ImmutableList<String> inputs = pins.chars().mapToObj(c -> String.valueOf((char) c)).collect(ImmutableList.toImmutableList());
        m.put(name, new Cell(name, inputs, "Y", logic, mapping));
    }

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
