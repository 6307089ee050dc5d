package kautz.flow;

import kautz.isa.InitModel;
import kautz.isa.PartitionModel;
import kautz.opt.Scripts;
import kautz.target.Families;

import java.time.Duration;

/**
 * Everything that chooses how a design is compiled.
 *
 * @param target    a gate family name or family file ({@link kautz.target.Families#resolve})
 * @param scheduler a scheduler name, or null for the default
 * @param rowSize   the row limit or {@code min}
 * @param init      how init cycles are counted
 * @param seed      for schedulers that randomise
 * @param budget    time an improving scheduler may spend
 * @param remap     map a gate-level netlist from its logic even when its gates are already in the family
 * @param script    optimisation script run on the network before mapping ({@code kautz.opt}), or "none"
 * @param consumeInputs let in-place gates overwrite input cells after the inputs' other readers (the convention
 *                  of the published serial IMPLY adders, not SIMPLER's); by default inputs stay intact
 * @param exact     also search the shortest IMPLY program of a tiny kernel exactly ({@link kautz.mapping.ExactImply})
 *                  and keep it when it beats the mapped and scheduled one
 * @param partitions how the row is divided ({@link PartitionLayout}); {@link PartitionLayout#UNDIVIDED} by default
 * @param model     which ops may share a cycle on a divided row
 */
public record FlowOptions(String target, String scheduler, RowSize rowSize, InitModel init, long seed,
                          Duration budget, boolean remap, String script, boolean consumeInputs, boolean exact,
                          PartitionLayout partitions, PartitionModel model) {
    public static final String NO_SCRIPT = "none";

    /** Options for an undivided row. */
    public FlowOptions(String target, String scheduler, RowSize rowSize, InitModel init, long seed,
                       Duration budget, boolean remap, String script, boolean consumeInputs, boolean exact) {
        this(target, scheduler, rowSize, init, seed, budget, remap, script, consumeInputs, exact, PartitionLayout.UNDIVIDED, PartitionModel.UNLIMITED);
    }

    /** Options that keep the inputs intact. */
    public FlowOptions(String target, String scheduler, RowSize rowSize, InitModel init, long seed,
                       Duration budget, boolean remap, String script) {
        this(target, scheduler, rowSize, init, seed, budget, remap, script, false, false);
    }

    public static FlowOptions defaults() {
        return new FlowOptions(Families.DEFAULT, null, RowSize.unlimited(), InitModel.BULK, 1, Duration.ofSeconds(2), false,
                Scripts.DEFAULT);
    }

    public FlowOptions withScript(String s) { return new FlowOptions(target, scheduler, rowSize, init, seed, budget, remap, s, consumeInputs, exact, partitions, model); }

    public FlowOptions withTarget(String t) { return new FlowOptions(t, scheduler, rowSize, init, seed, budget, remap, script, consumeInputs, exact, partitions, model); }
    public FlowOptions withScheduler(String s) { return new FlowOptions(target, s, rowSize, init, seed, budget, remap, script, consumeInputs, exact, partitions, model); }
    public FlowOptions withRowSize(RowSize r) { return new FlowOptions(target, scheduler, r, init, seed, budget, remap, script, consumeInputs, exact, partitions, model); }
    public FlowOptions withInit(InitModel i) { return new FlowOptions(target, scheduler, rowSize, i, seed, budget, remap, script, consumeInputs, exact, partitions, model); }
    public FlowOptions withSeed(long s) { return new FlowOptions(target, scheduler, rowSize, init, s, budget, remap, script, consumeInputs, exact, partitions, model); }
    public FlowOptions withRemap(boolean r) { return new FlowOptions(target, scheduler, rowSize, init, seed, budget, r, script, consumeInputs, exact, partitions, model); }
    public FlowOptions withExact(boolean e) { return new FlowOptions(target, scheduler, rowSize, init, seed, budget, remap, script, consumeInputs, e, partitions, model); }
    /**
     * A copy with the partition options as {@code --partitions} and {@code --model} give them: {@code layout}
     * ({@code KxW}, {@code W1,W2,…}, {@code K}; null for one undivided row) and {@code model}
     * ({@code unlimited}, {@code standard}, {@code minimal}). A model other than unlimited needs a divided row.
     */
    public FlowOptions withPartitions(String layout, String model) {
        PartitionModel rules;
        try {
            rules = PartitionModel.parse(model);
        } catch (IllegalArgumentException e) {
            throw new kautz.diag.UserError("--model: " + e.getMessage());
        }
        PartitionLayout parsed = PartitionLayout.parse(layout);
        if (layout == null && rules != PartitionModel.UNLIMITED) {
            throw new kautz.diag.UserError("--model " + rules.label() + ": the model rules the ops of a cycle on a divided row; add --partitions");
        }
        return withPartitions(parsed, rules);
    }

    public FlowOptions withPartitions(PartitionLayout p, PartitionModel m) { return new FlowOptions(target, scheduler, rowSize, init, seed, budget, remap, script, consumeInputs, exact, p, m); }
    public FlowOptions withConsumeInputs(boolean c) { return new FlowOptions(target, scheduler, rowSize, init, seed, budget, remap, script, c, exact, partitions, model); }
}
