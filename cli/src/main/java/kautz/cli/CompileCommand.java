package kautz.cli;

import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.flow.Compiled;
import kautz.flow.Reports;
import kautz.isa.Disassembler;
import kautz.isa.ListingFormat;
import kautz.frontend.DesignLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code kautz compile FILE}: a kernel or netlist becomes a micro-op program (.kasm). */
@Command(name = "compile", mixinStandardHelpOptions = true,
        header = "Compile a kernel or netlist into a micro-op program (.kasm) for one crossbar row.",
        description = {
                "Compile a kernel (.kz) or a netlist (.aig .aag .blif .bench .v) into a micro-op program for one",
                "crossbar row: technology mapping into the target gate family, then scheduling and cell allocation.",
                "A gate-level netlist whose gates are all in the target (ABC's nor2/inv1 files with magic-nor) is",
                "scheduled as written, gate for gate, so results compare with SIMPLER; --remap maps it again.",
                "Writes the program to -o (or stdout) and its counts to stderr (with --json, the counts alone to stdout)."})
public final class CompileCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a .kz, .aig, .aag, .blif, .bench or .v file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.kasm", description = "write the program here (default: stdout, unless --json)")
    Path output;

    @Option(names = "--format", paramLabel = "FMT",
            description = "program text: kasm (reads back with sim), simpler or aritpim listings, or the program as a blif or bench netlist (default: ${DEFAULT-VALUE})")
    String format = "kasm";

    @Option(names = "--json", description = "print the counts as one JSON object (keys: docs/json.md)")
    boolean json;

    @Mixin FlowMixin flow;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ListingFormat fmt = ListingFormat.byLabel(format);
        if (fmt == null) throw new UsageError("--format: unknown format '" + format + "' (expected kasm, simpler, aritpim, blif or bench)");
        Compiled c = flow.compiler().compile(DesignLoader.load(file, flow.kernel), flow.options());
        if (output != null) {
            Disassembler.write(c.program(), fmt, output);
            if (json) out.println(Reports.program(c));
            else spec.commandLine().getErr().println(Reports.summary(c) + " -> " + output);
        } else if (json) {
            out.println(Reports.program(c));
        } else {
            out.print(Disassembler.render(c.program(), fmt));
            spec.commandLine().getErr().println(Reports.summary(c));
        }
    }
}
