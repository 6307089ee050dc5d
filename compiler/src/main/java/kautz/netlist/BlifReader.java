package kautz.netlist;

import kautz.diag.UserError;
import kautz.load.Design;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads combinational BLIF: {@code .model}, {@code .inputs}, {@code .outputs} and {@code .names} covers
 * (ON-set rows ending in 1 or OFF-set rows ending in 0, as ABC writes them, with {@code -} for don't care;
 * no rows is constant 0, a lone {@code 1} row constant 1). Lines continue with a trailing {@code \}; names
 * are opaque tokens. Reading stops at {@code .end} or {@code .exdc} (the external don't-care network of
 * many MCNC files). Latches and hierarchy are rejected.
 */
public final class BlifReader {
    private final String file;
    private final NetlistGraph graph;
    private String model;

    private BlifReader(String file) {
        this.file = file;
        this.graph = new NetlistGraph(file);
    }

    public static Design read(Path path) { return read(path.toString(), NetlistFiles.readText(path)); }

    public static Design read(String file, String text) { return new BlifReader(file).parse(text); }

    /** One logical line: its tokens and the physical line it starts on. */
    private record Line(List<String> tokens, int number) {}

    private Design parse(String text) {
        List<Line> lines = logicalLines(text);
        int k = 0;
        boolean ended = false;
        while (k < lines.size() && !ended) {
            Line l = lines.get(k++);
            List<String> t = l.tokens();
            String cmd = t.get(0);
            switch (cmd) {
                case ".model" -> {
                    if (model != null) throw error(l, "a second .model: hierarchical BLIF is not supported");
                    model = t.size() > 1 ? t.get(1) : NetlistFiles.stem(file);
                }
                case ".inputs" -> { for (String s : t.subList(1, t.size())) graph.addInput(s, l.number()); }
                case ".outputs" -> { for (String s : t.subList(1, t.size())) graph.addOutput(s, l.number()); }
                case ".names" -> {
                    if (t.size() < 2) throw error(l, ".names needs at least an output name");
                    int arity = t.size() - 2;
                    List<String> rows = new ArrayList<>();
                    while (k < lines.size() && !lines.get(k).tokens().get(0).startsWith(".")) {
                        rows.add(row(lines.get(k++), arity));
                    }
                    defineCover(l, t, rows);
                }
                case ".end", ".exdc" -> ended = true;
                case ".latch", ".mlatch", ".clock" -> throw error(l, cmd + ": sequential elements are not supported");
                case ".subckt", ".gate", ".search" -> throw error(l, cmd + ": hierarchical or library-mapped BLIF is not supported");
                case ".default_input_arrival", ".default_output_required", ".input_arrival", ".output_required",
                     ".default_input_drive", ".input_drive", ".default_output_load", ".output_load",
                     ".wire_load_slope", ".area", ".delay" -> { /* timing annotations: irrelevant to the function */ }
                default -> throw error(l, cmd.startsWith(".") ? "unsupported BLIF construct '" + cmd + "'"
                        : "cover row '" + cmd + "' outside a .names");
            }
        }
        if (model == null && graph.numInputs() == 0 && graph.numOutputs() == 0) throw new UserError(file + ": not a BLIF file (no .model, .inputs or .outputs)");
        return graph.toDesign(model != null ? model : NetlistFiles.stem(file));
    }

    /** A cover row as {@code <input plane><output bit>}, checked against the arity. */
    private String row(Line l, int arity) {
        List<String> t = l.tokens();
        String plane = arity == 0 ? "" : t.get(0);
        String out = arity == 0 ? t.get(0) : t.size() > 1 ? t.get(1) : "";
        if (t.size() != (arity == 0 ? 1 : 2) || plane.length() != arity || !plane.matches("[01-]*") || !out.matches("[01]")) {
            throw error(l, "bad cover row '" + String.join(" ", t) + "' for " + arity
                    + " inputs (expected " + arity + " of 0/1/- then the output bit)");
        }
        return plane + out;
    }

    private void defineCover(Line l, List<String> t, List<String> rows) {
        int arity = t.size() - 2;
        char value = rows.isEmpty() ? '1' : rows.get(0).charAt(arity);
        for (String r : rows) {
            if (r.charAt(arity) != value) throw error(l, "cover of '" + t.get(t.size() - 1) + "' mixes ON-set and OFF-set rows");
        }
        int[] fanins = new int[arity];
        for (int i = 0; i < arity; i++) fanins[i] = graph.signal(t.get(i + 1), l.number());
        List<String> cover = List.copyOf(rows);
        boolean offSet = value == '0';
        // f = OR over rows of AND over the row's literals; an OFF-set cover gives ~f
        NetlistGraph.Logic logic = (b, in) -> Lit.notIf(sumOfProducts(b, in, cover), offSet);
        graph.define(t.get(t.size() - 1), fanins, logic, NetlistGraph.Mapping.NONE, l.number());
    }

    private static int sumOfProducts(AigBuilder b, int[] in, List<String> cover) {
        int f = Lit.FALSE;
        for (String r : cover) {
            int term = Lit.TRUE;
            for (int i = 0; i < in.length; i++) {
                char c = r.charAt(i);
                if (c != '-') term = b.and(term, Lit.notIf(in[i], c == '0'));
            }
            f = b.or(f, term);
        }
        return f;
    }

    private List<Line> logicalLines(String text) {
        List<Line> out = new ArrayList<>();
        String[] physical = text.split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int n = 0; n < physical.length; n++) {
            String s = physical[n];
            int hash = s.indexOf('#');
            if (hash >= 0) s = s.substring(0, hash);
            s = s.strip();
            if (pending.isEmpty()) start = n + 1;
            if (s.endsWith("\\")) {
                pending.append(s, 0, s.length() - 1).append(' ');
                continue;
            }
            pending.append(s);
            String joined = pending.toString().strip();
            pending.setLength(0);
            if (joined.isEmpty()) continue;
            out.add(new Line(List.of(joined.split("\\s+")), start));
        }
        if (!pending.toString().isBlank()) out.add(new Line(List.of(pending.toString().strip().split("\\s+")), start));
        return out;
    }

    private UserError error(Line l, String message) { return new UserError(file + ":" + l.number() + ": " + message); }
}
