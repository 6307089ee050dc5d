package kautz.cli;

import kautz.flow.FlowCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The top-level {@code kautz} command. Each subcommand is one class in this package, listed here once.
 */
@Command(name = "kautz", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
                "Compile logic kernels and netlists to stateful-logic micro-ops for memristive crossbars,",
                "and run them on a cycle-accurate model of the array."},
        footer = {"", "  sweep        Run design-space sweeps and Monte Carlo studies on Apache Spark.",
                "               (./kautz help sweep; the spark/ module, so the other commands never load Spark)"},
        subcommands = {
                HelpCommand.class,
                RunCommand.class,
                StatsCommand.class,
                OptCommand.class,
                PassesCommand.class,
                OptBenchCommand.class,
                SimCommand.class,
                BenchCommand.class,
                SynthImplyCommand.class,
                DevicesCommand.class,
                CompileCommand.class,
                VerifyCommand.class,
                TraceCommand.class,
                VizCommand.class,
                CompletionCommand.class,
        })
public final class KautzCommand implements Runnable {
    private final FlowCompiler compiler;

    public KautzCommand() { this(FlowCompiler.DIRECT); }

    /** @param compiler what {@code run} and {@code compile} compile with (a sweep passes its cache) */
    public KautzCommand(FlowCompiler compiler) { this.compiler = compiler; }

    FlowCompiler compiler() { return compiler; }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
