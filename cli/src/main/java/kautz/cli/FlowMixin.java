package kautz.cli;

import kautz.diag.UsageError;
import kautz.flow.FlowCompiler;
import kautz.flow.FlowOptions;
import kautz.flow.RowSize;
import kautz.isa.InitModel;
import kautz.opt.Scripts;
import kautz.target.Families;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;

/** The options that choose how a design is compiled, shared by every command that compiles. */
public final class FlowMixin {
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = {"--kernel", "--top"}, paramLabel = "NAME", description = "the kernel of a .kz file, or the top module of a Verilog file (default: the only or first one)")
    String kernel;

    @Option(names = "--target", paramLabel = "FAMILY",
            description = "gate family: magic-nor, magic-nor-K, magic, imply, felix, or a family file (docs/families.md) (default: ${DEFAULT-VALUE})")
    String target = Families.DEFAULT;

    @Option(names = "--row-size", paramLabel = "C|min",
            description = "row width in cells, or min for the smallest row that works (default: as wide as needed)")
    String rowSize;

    @Option(names = "--scheduler", paramLabel = "NAME", description = "scheduler (default: the registry's first; see docs/schedulers.md)")
    String scheduler;

    @Option(names = "--init", paramLabel = "bulk|single|op",
            description = "init cost model: bulk (SIMPLER: any cells in one cycle, T0 free), single (AritPIM: one cell per cycle)"
                    + " or op (MultPIM: an init op is one cycle like any other, none free) (default: ${DEFAULT-VALUE})")
    String init = "bulk";

    @Option(names = "--seed", paramLabel = "S", description = "seed for randomised schedulers and random inputs (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--opt", paramLabel = "SCRIPT",
            description = "optimisation script before mapping, e.g. \"strash; rewrite\", or none (default: the default script, see kautz passes)")
    String script = Scripts.DEFAULT;

    @Option(names = "--remap", description = "map a gate-level netlist again instead of scheduling its gates as written")
    boolean remap;

    @Option(names = "--consume-inputs", description = "let in-place gates (IMPLY's imp) overwrite an input cell once"
            + " the input's other readers have run, as the published serial IMPLY adders do; the program header"
            + " marks it consume-inputs. Not the SIMPLER convention (inputs intact, the default): a second run on the same row"
            + " would read the overwritten cells")
    boolean consumeInputs;

    @Option(names = "--exact", description = "for a kernel of at most 3 input and 3 output bits on an IMPLY target"
            + " with --init single: search the shortest false/imp program exactly (kautz synth-imply's search,"
            + " deterministic, bounded by a state budget: up to a minute or two of CPU) and use it when it beats the"
            + " scheduled one")
    boolean exact;

    @Option(names = "--partitions", paramLabel = "KxW|W1,W2,…|K",
            description = "divide the row into partitions whose ops run in the same cycle (docs/partitions.md):"
                    + " KxW is K partitions of W cells, W1,W2,… their widths left to right (summing to --row-size when it is given),"
                    + " K alone K equal partitions as wide as the program needs. Uses the partition-aware scheduler part"
                    + " (default: one undivided row, one op per cycle)")
    String partitions;

    @Option(names = "--model", paramLabel = "unlimited|standard|minimal",
            description = "which ops may share a cycle on a divided row (PartitionPIM's models): unlimited, any ops whose"
                    + " partition intervals are disjoint; standard, also one opcode, the same cell index within the partition for"
                    + " each operand, the inputs of an op in one partition and one direction; minimal, also one input-to-output"
                    + " distance and evenly spaced input partitions (default: ${DEFAULT-VALUE})")
    String model = "unlimited";

    FlowOptions options() { return options(rowSize); }

    /**
     * What compiles for {@code run} and {@code compile}: the one the {@link KautzCommand} at the root was given
     * (a sweep's cache of compiled programs), else {@link FlowCompiler#DIRECT}.
     */
    FlowCompiler compiler() {
        CommandSpec s = mixee;
        while (s != null && s.parent() != null) s = s.parent();
        return s != null && s.userObject() instanceof KautzCommand k ? k.compiler() : FlowCompiler.DIRECT;
    }

    /** The options with another {@code --row-size} text (commands that give it their own meaning). */
    FlowOptions options(String rowSizeText) {
        InitModel initModel;
        try {
            initModel = InitModel.parse(init);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--init: " + e.getMessage());
        }
        return new FlowOptions(target, scheduler, RowSize.parse(rowSizeText), initModel, seed, Duration.ofSeconds(2), remap, script, consumeInputs, exact)
                .withPartitions(partitions, model);
    }
}
