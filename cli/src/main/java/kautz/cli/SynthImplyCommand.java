package kautz.cli;

import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.isa.Disassembler;
import kautz.isa.Program;
import kautz.mapping.ImplySynthesis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/** {@code kautz synth-imply}: the shortest IMPLY program of a small function, by exhaustive search. */
@Command(name = "synth-imply", mixinStandardHelpOptions = true,
        header = "Find the shortest IMPLY program of a small function by exhaustive search.",
        description = {
                "Find the shortest IMPLY program (false q; imp p, q) of a small function, every false counted",
                "(--init single), by iterative-deepening search over the work cells' truth tables. Prints the",
                "program (.kasm) or that none exists within --max-steps (a proof for the given --cells, unless",
                "the node limit stopped the search). Inputs stay intact unless --consume-inputs."})
public final class SynthImplyCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--function", paramLabel = "NAME",
            description = "full-adder (sum, carry of a, b, c), xor2, nand2, xor3, maj3 (default: ${DEFAULT-VALUE})")
    String function = "full-adder";

    @Option(names = "--cells", paramLabel = "K",
            description = "cells the ops may write (work cells; with --consume-inputs the input cells count too) (default: ${DEFAULT-VALUE})")
    int cells = 4;

    @Option(names = "--min-steps", paramLabel = "N", description = "first length tried; shorter is taken as impossible (default: ${DEFAULT-VALUE})")
    int minSteps = 0;

    @Option(names = "--max-steps", paramLabel = "N", description = "longest length tried (default: ${DEFAULT-VALUE})")
    int maxSteps = 24;

    @Option(names = "--consume-inputs", description = "let ops overwrite the input cells, as the published serial adders do"
            + " (the same idea as run's and compile's --consume-inputs; a flag, off: inputs stay intact)")
    boolean consumeInputs;

    /** The old spelling of --consume-inputs, kept so scripts keep working. */
    @Option(names = "--destroy-inputs", hidden = true)
    boolean destroyInputsDeprecated;

    @Option(names = "--read-once-in-place", description = "no in-place imp on a value another op already read (the schedulers' in-place rule)")
    boolean readOnce;

    @Option(names = "--node-limit", paramLabel = "N", description = "states searched at most (default: ${DEFAULT-VALUE})")
    long nodeLimit = 2_000_000_000L;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.kasm", description = "also write the program found to this file (default: printed only)")
    Path output;

    @Option(names = "--json", description = "print one JSON object (keys: docs/json.md) instead of text")
    boolean json;

    private record Function(int inputs, int[] goals, List<String> in, List<String> out) {}

    private Function function() {
        return switch (function) {
            case "full-adder" -> new Function(3, new int[] {0x96, 0xE8}, List.of("a", "b", "c"), List.of("s", "cout"));
            case "xor2" -> new Function(2, new int[] {0x66}, List.of("a", "b"), List.of("x"));
            case "nand2" -> new Function(2, new int[] {0x77}, List.of("a", "b"), List.of("x"));
            case "xor3" -> new Function(3, new int[] {0x96}, List.of("a", "b", "c"), List.of("x"));
            case "maj3" -> new Function(3, new int[] {0xE8}, List.of("a", "b", "c"), List.of("x"));
            default -> throw new UsageError("--function: unknown function '" + function + "' (full-adder, xor2, nand2, xor3, maj3)");
        };
    }

    @Override
    public void run() {
        if (destroyInputsDeprecated) {
            kautz.diag.Warnings.warn("--destroy-inputs is deprecated; it is spelled --consume-inputs, as in run and compile");
            consumeInputs = true;
        }
        Function f = function();
        if (cells < 1 || cells > ImplySynthesis.MAX_CELLS) throw new UsageError("--cells: must be 1.." + ImplySynthesis.MAX_CELLS);
        if (maxSteps < 0 || maxSteps > 60 || minSteps < 0 || minSteps > maxSteps) throw new UsageError("--min-steps/--max-steps: need 0 <= min <= max <= 60");
        if (consumeInputs && cells < f.inputs()) throw new UsageError("--cells: with --consume-inputs the " + f.inputs() + " input cells count among the cells");
        if (nodeLimit < 1) throw new UsageError("--node-limit: must be positive");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        var outcome = ImplySynthesis.search(f.inputs(), f.goals(),
                new ImplySynthesis.Options(cells, minSteps, maxSteps, consumeInputs, readOnce, nodeLimit));
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        String setting = function + ", " + cells + " cells" + (consumeInputs ? ", inputs consumed" : ", inputs intact")
                + (readOnce ? ", read-once in place" : "");
        kautz.util.Json j = new kautz.util.Json().put("function", function).put("cells", cells).put("inputsIntact", !consumeInputs)
                .put("readOnceInPlace", readOnce).put("minSteps", minSteps).put("maxSteps", maxSteps)
                .put("states", outcome.nodes()).put("cpuSeconds", cpu);
        if (outcome.result().isEmpty()) {
            if (json) {
                j.put("found", false).put("nodeLimitReached", outcome.exhausted());
                if (outcome.exhausted()) j.put("lowerBound", outcome.provenLowerBound());
                out.println(j);
                return;
            }
            out.printf("%s: %s (%d states, %.1f s CPU)%n", setting, outcome.exhausted()
                    ? "node limit reached; no program shorter than " + outcome.provenLowerBound() + " steps"
                    : "no program of at most " + maxSteps + " steps", outcome.nodes(), cpu);
            return;
        }
        var r = outcome.result().get();
        Program p = ImplySynthesis.program(function, f.inputs(), r, f.in(), f.out());
        if (output != null) Disassembler.write(p, kautz.isa.ListingFormat.KASM, output);
        if (json) {
            out.println(j.put("found", true).put("steps", r.steps().size()).put("cellsUsed", r.cellsUsed())
                    .put("program", Disassembler.toKasm(p)));
            return;
        }
        out.printf("%s: %d steps (none shorter from %d), %d cells used (%d states, %.1f s CPU)%n",
                setting, r.steps().size(), minSteps, r.cellsUsed(), outcome.nodes(), cpu);
        out.print(Disassembler.toKasm(p));
    }
}
