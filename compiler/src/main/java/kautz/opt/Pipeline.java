package kautz.opt;

import kautz.diag.UserError;
import kautz.network.Aig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A sequence of passes written as a script, as in ABC and Yosys: {@code strash; balance; rewrite{cuts=6}}.
 * Passes are separated by {@code ;}, options go in braces as {@code key=value} pairs separated by commas.
 * A name of {@link Scripts} ({@code resyn2}, {@code strong}, ...) stands for its passes.
 * {@link #toString} prints the script back in the same syntax (names expanded), so parse and print round-trip.
 */
public record Pipeline(List<Pass> passes) {
    public Pipeline {
        passes = List.copyOf(passes);
    }

    /**
     * What one pass did: its spec, the network after it, how long it took, and for each node of the
     * network before it the literal of {@code after} computing the same function, or -1
     * ({@link Pass.Result#oldToNew}), and the pass's {@link Pass.Checkpoint}s (the last one is {@code after}).
     */
    public record Step(String pass, Aig after, long nanos, int[] oldToNew, List<Pass.Checkpoint> checkpoints) {}

    public static Pipeline parse(String script) {
        List<Pass> passes = new ArrayList<>();
        int i = 0, n = script.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(script.charAt(i)) || script.charAt(i) == ';')) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '_' || script.charAt(i) == '-')) i++;
            if (i == start) throw bad(script, i, "expected a pass name");
            String name = script.substring(start, i);
            while (i < n && Character.isWhitespace(script.charAt(i))) i++;
            Map<String, String> options = new LinkedHashMap<>();
            if (i < n && script.charAt(i) == '{') {
                int close = script.indexOf('}', i);
                if (close < 0) throw bad(script, i, "unclosed '{'");
                for (String pair : script.substring(i + 1, close).split(",")) {
                    if (pair.isBlank()) continue;
                    int eq = pair.indexOf('=');
                    if (eq < 0) throw bad(script, i, "options are key=value pairs, found '" + pair.strip() + "'");
                    options.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
                i = close + 1;
                while (i < n && Character.isWhitespace(script.charAt(i))) i++;
            }
            if (i < n && script.charAt(i) != ';') throw bad(script, i, "expected ';' between passes");
            var alias = Scripts.named(name);
            if (alias.isPresent() && options.isEmpty()) {
                passes.addAll(parse(alias.get()).passes()); // a script name stands for its passes
            } else {
                passes.add(Passes.create(name, options));
            }
        }
        return new Pipeline(passes);
    }

    private static UserError bad(String script, int at, String message) {
        return new UserError("pass script, column " + (at + 1) + ": " + message + " in '" + script + "'");
    }

    public Aig run(Aig input) { return run(input, step -> { }); }

    /** Runs the passes in order, reporting each step (e.g. to print statistics). */
    public Aig run(Aig input, Consumer<Step> onStep) {
        Aig current = input;
        for (Pass p : passes) {
            long t = System.nanoTime();
            Pass.Result r = p.runTracked(current);
            current = r.network();
            onStep.accept(new Step(p.spec(), current, System.nanoTime() - t, r.oldToNew(), r.checkpoints()));
        }
        return current;
    }

    @Override
    public String toString() {
        return String.join("; ", passes.stream().map(Pass::spec).toList());
    }
}
