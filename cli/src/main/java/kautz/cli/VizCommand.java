package kautz.cli;

import kautz.diag.UserError;
import kautz.sim.RowTrace;
import kautz.sim.VizPage;
import kautz.util.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code kautz viz FILE -o page.html}: a self-contained page that steps through one row. */
@Command(name = "viz", mixinStandardHelpOptions = true,
        header = "Write an HTML page that steps through one crossbar row.",
        description = {
                "Write one self-contained HTML page (no network access, no external files) that steps through",
                "one crossbar row: the cells coloured by state, the current op with the cells it reads and writes,",
                "the ports' values and the op listing. Keys: left/right step, space plays, Home/End jump;",
                "open page.html#step=N to start at step N. FILE is a .kz source, a netlist or a .kasm program.",
                "",
                "Example: ./kautz viz samples/add8.kz --inputs a=5,b=7 -o add8.html"})
public final class VizCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a .kz source, a netlist, or an assembled .kasm program")
    Path file;

    @Mixin FlowMixin flow = new FlowMixin();

    @Option(names = {"-o", "--output"}, paramLabel = "page.html", required = true, description = "the page to write")
    Path output;

    @Option(names = "--inputs", paramLabel = "random|a=5,b=7",
            description = "the row's input values (decimal, 0x or 0b), or random (default: ${DEFAULT-VALUE})")
    String inputs = "random";

    @Option(names = "--json", description = "also print what was written as one JSON object (keys: docs/json.md) on stdout")
    boolean json;

    @Override
    public void run() {
        TracedProgram tp = TracedProgram.load(file, flow, inputs, 1, flow.seed);
        if (tp.program().ops().size() > VizPage.MAX_OPS) {
            throw new UserError(file + ": " + tp.program().ops().size() + " ops is too many for a page (at most "
                    + VizPage.MAX_OPS + "); use kautz trace --vcd for long programs");
        }
        RowTrace t = tp.trace(0);
        AtomicFiles.writeString(output, "an HTML page", java.util.Set.of("html", "htm"), VizPage.html(t, "Kautz: " + tp.program().kernel()));
        spec.commandLine().getErr().println("kautz: wrote " + output + " (" + t.steps().size() + " steps, "
                + t.initial().size() + " cells); open it in a browser");
        if (json) {
            spec.commandLine().getOut().println(new kautz.util.Json().put("kernel", tp.program().kernel()).put("output", output.toString())
                    .put("steps", t.steps().size()).put("cells", t.initial().size()));
        }
    }
}
