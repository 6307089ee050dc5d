package kautz.cli;

import kautz.diag.UserError;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.netlist.NetlistWriters;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kautz opt FILE -p SCRIPT -o OUT}: optimises a logic network with a pass script. */
@Command(name = "opt", mixinStandardHelpOptions = true,
        header = "Optimise a logic network with a script of passes and write the result.",
        description = {
                "Optimise the logic network of a netlist or kernel with a script of passes, as in ABC or",
                "Yosys (list them with 'kautz passes'), print the size and depth before, after each pass and",
                "at the end, and write the result. The output format follows OUT's extension."})
public final class OptCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "input: .aig .aag .blif .bench .v or .kz")
    Path file;

    @Option(names = {"-p", "--script"}, paramLabel = "SCRIPT",
            description = "passes separated by ';', options in braces, e.g. \"strash; balance; rewrite{cuts=6}\" (default: the default script, see --list)")
    String script;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "where to write the result: .aig, .aag, .blif or .v (default: not written, sizes only)")
    Path output;

    @Option(names = "--list", description = "list the passes and the default script, then exit")
    boolean list;

    @Option(names = "--json", description = "print one JSON object (keys: docs/json.md) instead of text")
    boolean json;

    @Option(names = {"--kernel", "--top"}, paramLabel = "NAME", description = "the kernel of a .kz file, or the top module of a Verilog file (default: the only or first one)")
    String kernel;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            if (json) out.println(PassesCommand.listJson());
            else PassesCommand.printList(out);
            return;
        }
        if (file == null) throw new UserError("opt: missing FILE (see kautz opt --help)");
        Pipeline pipeline = Pipeline.parse(script != null ? script : Scripts.DEFAULT);
        Design design = DesignLoader.load(file, kernel);
        Aig before = design.network();
        List<Json> steps = new ArrayList<>();
        if (!json) out.printf("%-24s %s%n", "input", stats(before));
        Aig after = pipeline.run(before, step -> {
            if (json) steps.add(json(step.after()).put("pass", step.pass()).put("ms", step.nanos() / 1e6));
            else out.printf("%-24s %s  %6.1f ms%n", step.pass(), stats(step.after()), step.nanos() / 1e6);
        });
        double change = before.numAnds() == 0 ? 0.0 : 100.0 * (after.numAnds() - before.numAnds()) / before.numAnds();
        if (output != null) NetlistWriters.write(output, after, design.name());
        if (json) {
            Json j = new Json().put("design", design.name()).put("script", pipeline.toString()).put("input", json(before))
                    .put("passes", steps).put("result", json(after)).put("andsChangePercent", change);
            if (output != null) j.put("output", output.toString());
            out.println(j);
            return;
        }
        out.printf("%-24s %s  (%+.1f%% ANDs)%n", "result", stats(after), change);
        if (output != null) spec.commandLine().getErr().println("kautz: wrote " + output);
    }

    /** The size of a network as in {@code stats --json}. */
    static Json json(Aig aig) {
        return new Json().put("inputs", aig.numInputs()).put("outputs", aig.numOutputs()).put("ands", aig.numAnds()).put("depth", aig.depth());
    }

    static String stats(Aig aig) {
        return String.format("inputs %d  outputs %d  ANDs %d  depth %d", aig.numInputs(), aig.numOutputs(), aig.numAnds(), aig.depth());
    }
}
