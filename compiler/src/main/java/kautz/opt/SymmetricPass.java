package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Symmetric-function resynthesis for small rows: every output that is a totally symmetric function of at
 * least {@code min} inputs ({@link SymmetricFunction}) is rebuilt as a {@link SerialCounter} and a function
 * of the count; outputs with the same support share one counter; other outputs keep their logic. The result
 * usually has more ANDs but needs far fewer live values when evaluated in order (a 1001-input majority: about
 * 15 instead of 57 or more). Not in any default script: the compile flow applies it when a program does not
 * fit the row ({@code kautz.flow.Flow}).
 */
public record SymmetricPass(int min) implements Pass {
    public static final int DEFAULT_MIN = 8;
    /** Support groups checked at most (the largest first): each costs a few whole-network simulations. */
    static final int MAX_GROUPS = 16;
    private static final long SEED = 0x5E77_1C5L;

    public static final PassInfo INFO = new PassInfo("symmetric",
            "rebuild totally symmetric outputs (majority, thresholds, parity) as a serial counter: more gates, far fewer live cells",
            """
            Finds outputs whose value depends only on how many of their inputs are 1 (majority, threshold-k,
            parity, exactly-k): random simulation against permuted inputs rejects the others fast, then rows of
            every weight 0..n (64 random rows each, which must agree) give the value vector v(w). Each such
            output of at least `min` inputs is rebuilt as a counter that adds the inputs one by one (a ripple
            incrementer of ceil(log2(i+1)) bits) and reads v(count) off a decision diagram over the count's bits
            (a threshold is one comparison with a constant). Evaluated in order it keeps only about log2(n) + 8
            values live, so it fits rows an adder tree cannot, at about 3 n log2(n) ANDs. Recognition is by
            simulation (strong evidence, not a proof); the result is checked against the input by random
            simulation, and `kautz verify` proves a compiled program that used it equal to its source by a
            symmetry argument (docs/verify.md). The compile flow applies it by itself when a program does not
            fit the row.""",
            List.of(new PassInfo.Option("min", Integer.toString(DEFAULT_MIN), "least number of inputs of an output worth rebuilding (2..1000000)")),
            opts -> new SymmetricPass(Passes.intOption("symmetric", opts, "min", DEFAULT_MIN, 2, 1_000_000)));

    public SymmetricPass() { this(DEFAULT_MIN); }

    @Override public String name() { return INFO.name(); }

    @Override public Map<String, String> options() {
        return min == DEFAULT_MIN ? Map.of() : Map.of("min", Integer.toString(min));
    }

    /**
     * The input unchanged (the same instance) when no output is rebuilt. Nodes of the kept cones map to
     * their copies, a rebuilt output's node to its counter's selection, other nodes to nothing.
     */
    @Override
    public Result runTracked(Aig aig) { return rebuild(aig, find(aig)); }

    /**
     * {@link #runTracked} with the symmetric outputs already found ({@code found} as {@link #find} gives it),
     * for a caller that needs to know which outputs are rebuilt without recognising them twice.
     */
    public Result rebuild(Aig aig, SymmetricFunction[] found) {
        if (Arrays.stream(found).allMatch(f -> f == null)) return Result.unchanged(aig);
        AigBuilder b = new AigBuilder();
        int[] map = new int[aig.size()];
        for (int i = 0; i < aig.numInputs(); i++) map[i + 1] = b.addInput(aig.inputName(i));
        boolean[] needed = new boolean[aig.size()]; // the cones of the outputs that keep their logic
        for (int o = 0; o < aig.numOutputs(); o++) if (found[o] == null) needed[Lit.node(aig.output(o))] = true;
        for (int n = aig.size() - 1; n >= aig.firstAnd(); n--) {
            if (!needed[n]) continue;
            needed[Lit.node(aig.fanin0(n))] = true;
            needed[Lit.node(aig.fanin1(n))] = true;
        }
        for (int n = aig.firstAnd(); n < aig.size(); n++) {
            map[n] = needed[n] ? b.and(Strash.lit(map, aig.fanin0(n)), Strash.lit(map, aig.fanin1(n))) : -1;
        }
        Map<String, int[]> counters = new LinkedHashMap<>(); // by support: outputs over the same inputs share a count
        int[] outs = new int[aig.numOutputs()];
        for (int o = 0; o < aig.numOutputs(); o++) {
            SymmetricFunction f = found[o];
            if (f == null) { outs[o] = Strash.lit(map, aig.output(o)); continue; }
            int[] bits = counters.computeIfAbsent(Arrays.toString(f.support()),
                    k -> SerialCounter.count(b, Arrays.stream(f.support()).map(b::input).toArray()));
            outs[o] = SerialCounter.select(b, bits, f.values());
            int root = Lit.node(aig.output(o));
            if (map[root] < 0) map[root] = Lit.notIf(outs[o], Lit.isComplement(aig.output(o)));
        }
        for (int o = 0; o < aig.numOutputs(); o++) b.addOutput(aig.outputName(o), outs[o]);
        Aig result = b.build();
        if (RandomSimulation.firstDifference(aig, result, 16, SEED) >= 0) {
            throw new IllegalStateException("symmetric: the rebuilt network differs from its input on random rows");
        }
        return new Result(result, map);
    }

    /** Per output, its symmetric function when it is one of at least {@code min} inputs (among the largest support groups), else null. */
    public SymmetricFunction[] find(Aig aig) {
        int[][] supports = SymmetricFunction.supports(aig);
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int o = 0; o < aig.numOutputs(); o++) {
            if (supports[o].length >= min) groups.computeIfAbsent(Arrays.toString(supports[o]), k -> new ArrayList<>()).add(o);
        }
        SymmetricFunction[] found = new SymmetricFunction[aig.numOutputs()];
        List<List<Integer>> largest = groups.values().stream()
                .sorted(Comparator.comparingInt((List<Integer> g) -> -supports[g.get(0)].length)).limit(MAX_GROUPS).toList();
        for (List<Integer> g : largest) {
            SymmetricFunction[] f = SymmetricFunction.detect(aig, supports[g.get(0)], g, SEED);
            for (int k = 0; k < g.size(); k++) found[g.get(k)] = f[k];
        }
        return found;
    }
}
