package kautz.cli;

import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** {@code kautz stats FILE}: the size of a design's logic network. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        header = "Print the size of a design's logic network.",
        description = {
                "Print the statistics of a design's logic network (an and-inverter graph, structurally hashed):",
                "input and output bits, AND nodes, depth (the longest input-to-output path in ANDs) and, for a",
                "gate-level netlist kept as mapped, its cells by type. Reads .kz, .aig, .aag, .blif, .bench and .v."})
public final class StatsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a Kautz source or a netlist")
    Path file;

    @Option(names = {"--kernel", "--top"}, paramLabel = "NAME", description = "the kernel of a .kz file, or the top module of a Verilog file (default: the only or first one)")
    String kernel;

    @Option(names = "--json", description = "print {\"inputs\", \"outputs\", \"ands\", \"depth\"[, \"gates\"]} as one JSON object")
    boolean json;

    @Option(names = "--time", paramLabel = "N",
            description = "also load the file N times and print the first and the median load time (for a .kz file: parse, check and elaborate), wall clock and CPU (default: 0, not timed)")
    int timeRuns;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (timeRuns < 0 || timeRuns > 1000) throw new kautz.diag.UsageError("--time must be between 0 and 1000, got " + timeRuns);
        // timed before any other load, so that "first" includes class loading and a cold JIT
        String timing = timeRuns > 0 ? LoadTimer.measure(() -> DesignLoader.load(file, kernel), timeRuns) : null;
        Design d = DesignLoader.load(file, kernel);
        Aig n = d.network();
        int depth = n.depth();
        if (json) {
            Json j = new Json().put("inputs", n.numInputs()).put("outputs", n.numOutputs()).put("ands", n.numAnds())
                    .put("depth", depth);
            if (!d.cellCounts().isEmpty()) {
                Json gates = new Json();
                for (Map.Entry<String, Integer> e : d.cellCounts().entrySet()) gates.put(e.getKey(), e.getValue());
                j.put("gates", gates);
            }
            out.println(j);
            return;
        }
        out.println(d.name() + ":");
        out.println("  inputs   " + n.numInputs());
        out.println("  outputs  " + n.numOutputs());
        out.println("  ands     " + n.numAnds());
        out.println("  depth    " + depth);
        if (!d.cellCounts().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Integer> e : d.cellCounts().entrySet()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
            out.println("  gates    " + sb);
        }
        if (timing != null) out.println("  load     " + timing);
    }
}
