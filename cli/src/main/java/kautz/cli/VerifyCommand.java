package kautz.cli;

import kautz.diag.UserError;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.isa.Assembler;
import kautz.load.DesignLoader;
import kautz.network.Aig;
import kautz.util.Json;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.EquivalenceChecker;
import kautz.verify.SymbolicExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kautz verify}: formal equivalence of a compiled program, an assembled program or a network with its source. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {
                "Prove two things equivalent for every input, in the manner of ABC's cec (docs/verify.md):",
                "  verify FILE            compile FILE (options as for compile) and check the program against FILE",
                "  verify PROG.kasm SRC   an assembled program against its source (.kz or a netlist)",
                "  verify A.aig B.aig     two networks, e.g. before and after `kautz opt`",
                "Programs are executed symbolically with the physical semantics: a cell read before it is written",
                "is a free variable, so a gate on an uninitialised output cell is caught. Inputs and outputs are",
                "matched by name. Prints `equivalent`, or `not equivalent` with a counterexample input assignment.",
                "Exit code: 0 equivalent, 1 not equivalent (or a user error), 3 undecided within --timeout."})
public final class VerifyCommand implements Callable<Integer> {
    static final int UNDECIDED = 3;

    @Spec CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "FILE", description = "a source to compile and check, or two files to compare")
    List<Path> files;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up (exit 3, undecided) after this long (default: ${DEFAULT-VALUE})")
    double timeout = 60;

    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Mixin FlowMixin flow;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!(timeout > 0) || timeout > 1e7) throw new UserError("--timeout must be a positive number of seconds, got " + timeout);
        CecOptions options = CecOptions.defaults().withTimeout(Duration.ofMillis(Math.max(1, (long) (timeout * 1000))));
        Side left, right;
        if (files.size() == 1) {
            Path f = files.get(0);
            if (isProgram(f)) throw new UserError(f + ": a program needs its source to be verified against: kautz verify " + f + " SRC");
            Compiled c = Flow.compile(DesignLoader.load(f, flow.kernel), flow.options());
            left = new Side(f.toString(), c.design().network());
            right = new Side("the program compiled for " + c.family().name(), SymbolicExecution.network(c.program()));
        } else {
            Path a = files.get(0), b = files.get(1);
            if (isProgram(a) && isProgram(b)) throw new UserError("compare a program with its source, not two programs");
            if (isProgram(a)) { Path t = a; a = b; b = t; } // the source is the reference (left)
            left = new Side(a.toString(), DesignLoader.load(a, flow.kernel).network());
            right = isProgram(b) ? new Side(b.toString(), SymbolicExecution.network(Assembler.read(b)))
                    : new Side(b.toString(), DesignLoader.load(b, flow.kernel).network());
        }
        CecResult r = EquivalenceChecker.check(left.network(), right.network(), left.name(), right.name(), options);
        if (json) out.println(json(r));
        else out.print(text(r, left.name(), right.name()));
        if (r instanceof CecResult.Equivalent) return 0;
        return r instanceof CecResult.NotEquivalent ? 1 : UNDECIDED;
    }

    private record Side(String name, Aig network) {}

    private static boolean isProgram(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".kasm");
    }

    static String text(CecResult r, String leftName, String rightName) {
        StringBuilder sb = new StringBuilder();
        CecResult.Stats s = r.stats();
        if (r instanceof CecResult.Equivalent) {
            sb.append("equivalent (").append(s.pairs()).append(" outputs: ")
                    .append(s.byStructure()).append(" by structure and sweeping, ").append(s.bySat()).append(" by SAT; ")
                    .append(s.millis()).append(" ms)\n");
        } else if (r instanceof CecResult.Undecided u) {
            sb.append("undecided: ").append(u.open().size()).append(" of ").append(s.pairs())
                    .append(" outputs neither proven nor refuted within the timeout (first: ").append(u.open().get(0)).append(")\n");
        } else if (r instanceof CecResult.NotEquivalent n) {
            sb.append("not equivalent\ncounterexample:");
            n.portValues().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append('\n');
            if (!n.freeValues().isEmpty()) {
                sb.append("uninitialised cells read by the program (their values in this counterexample):");
                n.freeValues().forEach((k, v) -> sb.append(' ').append(k.substring(SymbolicExecution.FREE_PREFIX.length()))
                        .append('=').append(v ? 1 : 0));
                sb.append('\n');
            }
            int shown = 0;
            for (CecResult.Difference d : n.outputs()) {
                if (shown++ == 8) { sb.append("  … and ").append(n.outputs().size() - 8).append(" more output bits\n"); break; }
                sb.append("  ").append(d.output()).append(": ").append(leftName).append(" gives ").append(d.left() ? 1 : 0)
                        .append(", ").append(rightName).append(" gives ").append(d.right() ? 1 : 0).append('\n');
            }
        }
        return sb.toString();
    }

    static Json json(CecResult r) {
        CecResult.Stats s = r.stats();
        Json j = new Json().put("result", r instanceof CecResult.Equivalent ? "equivalent"
                : r instanceof CecResult.NotEquivalent ? "not equivalent" : "undecided");
        j.put("outputs", s.pairs()).put("byStructure", s.byStructure()).put("bySat", s.bySat())
                .put("merges", s.merges()).put("satCalls", s.satCalls()).put("miterAnds", s.miterAnds()).put("millis", s.millis());
        if (r instanceof CecResult.NotEquivalent n) {
            Json cex = new Json();
            n.portValues().forEach(cex::put);
            j.put("counterexample", cex);
            Json diff = new Json();
            for (CecResult.Difference d : n.outputs()) diff.put(d.output(), d.right() ? 1 : 0);
            j.put("differing", diff);
        }
        if (r instanceof CecResult.Undecided u) j.put("open", u.open().size());
        return j;
    }
}
