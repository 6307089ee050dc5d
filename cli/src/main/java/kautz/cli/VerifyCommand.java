package kautz.cli;

import kautz.diag.UserError;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.isa.Assembler;
import kautz.frontend.DesignLoader;
import kautz.util.Json;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.CompilationChain;
import kautz.verify.ProofChain;
import kautz.verify.ProofStep;
import kautz.verify.SymbolicExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kautz verify}: formal equivalence of a compiled program, an assembled program or a network with its source. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Prove a compiled program, or two designs, equivalent for every input.",
        description = {
                "Prove two things equivalent for every input, in the manner of ABC's cec (docs/verify.md):",
                "  verify FILE            compile FILE (options as for compile) and prove the program equal to it,",
                "                         link by link (source, each pass, mapped network, program; by transitivity)",
                "  verify PROG.kasm SRC   an assembled program against its source (.kz or a netlist)",
                "  verify A.aig B.aig     two networks, e.g. before and after `kautz opt` (then pass by pass)",
                "  verify --batch FILE... every FILE for every family, one line each (a whole suite in one JVM)",
                "Programs are executed symbolically with the physical semantics: a cell read before it is written",
                "is a free variable, so a gate on an uninitialised output cell is caught. Inputs and outputs are",
                "matched by name. Prints `equivalent`, or `not equivalent` with a counterexample input assignment.",
                "Exit code: 0 equivalent, 1 not equivalent (or a user error), 3 undecided within --timeout",
                "(CPU seconds of checking) or --wall-timeout."})
public final class VerifyCommand implements Callable<Integer> {
    static final int UNDECIDED = 3;

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "a source to compile and check, or two files to compare "
            + "(with --batch: any number of sources)")
    List<Path> files;

    @Option(names = "--batch", description = "compile every FILE for every family of --families and prove each program; "
            + "one line per pair: FILE FAMILY RESULT LINKS CHECK-CPU-MS CPU-MS WALL-MS (CPU-MS includes compiling); "
            + "exit 0 when all are equivalent")
    boolean batch;

    @Option(names = "--families", split = ",", paramLabel = "FAMILY",
            description = "families for --batch (default: ${DEFAULT-VALUE})")
    List<String> families = List.of("magic-nor", "magic-nor-4", "magic", "imply", "felix");

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up (exit 3, undecided) once the check has used "
            + "this much CPU time (default: ${DEFAULT-VALUE}); CPU time of the checking thread, so the answer does not depend "
            + "on how busy the machine is (compiling the source is not counted)")
    double timeout = 60;

    @Option(names = "--wall-timeout", paramLabel = "SECONDS", description = "also give up (exit 3) after this much wall-clock "
            + "time, a guard for a starved machine (default: " + CecOptions.WALL_FACTOR + " times --timeout)")
    Double wallTimeout;

    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Option(names = "--stats", description = "also print what each proof step of the checker did: hits, misses and time "
            + "(the same numbers are always in --json as `steps`)")
    boolean stats;

    @Option(names = "--without", split = ",", paramLabel = "STEP", description = "switch off proof steps of the checker "
            + "(docs/verify.md: simulation, claim-tables, decorrelate, common-cut, claim-sat, neighbour-tables, class-tables, "
            + "class-sat, output-sat, symmetry, local-swap); answers stay sound, more may be undecided (default: none, every step on)")
    List<String> without = List.of();

    @Option(names = "--direct", description = "check in one miter instead of link by link through the networks after each "
            + "optimisation pass and the mapped network (with one FILE; or with two networks when --opt's script turns A into B)")
    boolean direct;

    @Mixin FlowMixin flow;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CecOptions options = CecOptions.defaults().withTimeout(seconds("--timeout", timeout));
        if (wallTimeout != null) options = options.withWallLimit(seconds("--wall-timeout", wallTimeout));
        for (String w : without) options = options.withStrategy(options.strategy().without(step(w)));
        if (batch) return batch(out, options);
        if (files.size() > 2) throw new kautz.diag.UsageError("verify takes one or two files (or --batch), got " + files.size());
        ProofChain.Result r;
        if (files.size() == 1) {
            Path f = files.get(0);
            if (isProgram(f)) throw new UserError(f + ": a program needs its source to be verified against: kautz verify " + f + " SRC");
            Compiled c = Flow.compileRecorded(DesignLoader.load(f, flow.kernel), flow.options());
            List<ProofChain.Stage> stages = CompilationChain.stages(c, f.toString());
            if (direct) stages = List.of(stages.get(0), stages.get(stages.size() - 1));
            r = ProofChain.check(stages, options);
        } else {
            Path a = files.get(0), b = files.get(1);
            if (isProgram(a) && isProgram(b)) throw new kautz.diag.UsageError("compare a program with its source, not two programs");
            if (isProgram(a)) { Path t = a; a = b; b = t; } // the source is the reference (left)
            ProofChain.Stage left = new ProofChain.Stage(a.toString(), DesignLoader.load(a, flow.kernel).network());
            ProofChain.Stage right = new ProofChain.Stage(b.toString(), isProgram(b) ? SymbolicExecution.network(Assembler.read(b))
                    : DesignLoader.load(b, flow.kernel).network());
            List<ProofChain.Stage> stages = isProgram(b) || direct ? List.of(left, right)
                    : CompilationChain.stages(left, right, flow.options().script());
            r = ProofChain.check(stages, options);
        }
        ProofChain.Stage first = r.links().get(0).from(), last = r.links().get(r.links().size() - 1).to();
        if (json) out.println(json(r));
        else out.print(text(r, first.name(), last.name()));
        if (stats && !json) out.print(steps(r.overall().stats()));
        if (r.overall() instanceof CecResult.Equivalent) return 0;
        return r.overall() instanceof CecResult.NotEquivalent ? 1 : UNDECIDED;
    }

    /** One JVM for a whole suite: each row compiles and proves one (file, family) pair as {@code verify FILE --target F}. */
    private int batch(PrintWriter out, CecOptions options) {
        int failed = 0;
        out.println("file\tfamily\tresult\tlinks\tcheckCpuMs\tcpuMs\twallMs");
        for (Path f : files) {
            for (String family : families) {
                long wall = System.nanoTime(), cpu = cpuMillis();
                String result, links = "-", checkCpu = "-";
                try {
                    if (isProgram(f)) throw new UserError(f + ": --batch compiles sources; a program needs its source");
                    FlowOptions fo = flow.options().withTarget(family);
                    Compiled c = Flow.compileRecorded(DesignLoader.load(f, flow.kernel), fo);
                    ProofChain.Result r = ProofChain.check(CompilationChain.stages(c, f.toString()), options);
                    result = name(r.overall());
                    if (r.overall() instanceof CecResult.Undecided u) result += " (" + u.open().size() + " open)";
                    links = Integer.toString(r.links().size());
                    checkCpu = Long.toString(r.overall().stats().cpuMillis());
                    if (!(r.overall() instanceof CecResult.Equivalent)) failed++;
                } catch (UserError e) {
                    result = "error: " + e.getMessage();
                    failed++;
                }
                out.println(f + "\t" + family + "\t" + result + "\t" + links + "\t" + checkCpu + "\t" + (cpuMillis() - cpu)
                        + "\t" + (System.nanoTime() - wall) / 1_000_000);
                out.flush();
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static ProofStep step(String label) {
        for (ProofStep s : ProofStep.values()) if (s.label().equals(label)) return s;
        throw new UserError("--without: no proof step '" + label + "'; the steps are "
                + String.join(", ", java.util.Arrays.stream(ProofStep.values()).map(ProofStep::label).toList()));
    }

    private static Duration seconds(String option, double s) {
        if (!(s > 0) || s > 1e7) throw new kautz.diag.UsageError(option + " must be a positive number of seconds, got " + s);
        return Duration.ofMillis(Math.max(1, (long) (s * 1000)));
    }

    private static long cpuMillis() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000; }

    private static boolean isProgram(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".kasm");
    }

    static String name(CecResult r) {
        return r instanceof CecResult.Equivalent ? "equivalent" : r instanceof CecResult.NotEquivalent ? "not equivalent" : "undecided";
    }

    public static String text(ProofChain.Result chain, String leftName, String rightName) {
        CecResult r = chain.overall();
        StringBuilder sb = new StringBuilder();
        CecResult.Stats s = r.stats();
        if (r instanceof CecResult.Equivalent) {
            sb.append("equivalent (").append(s.pairs()).append(" outputs: ")
                    .append(s.byStructure()).append(" by structure and sweeping, ").append(s.bySat()).append(" by SAT; ")
                    .append(s.millis()).append(" ms)\n");
            if (chain.links().size() > 1) {
                sb.append("proven link by link, so by transitivity (").append(chain.links().size()).append(" links):\n");
                for (ProofChain.Link l : chain.links()) {
                    sb.append("  ").append(l.from().name()).append(" ≡ ").append(l.to().name()).append(" (");
                    if (l.bySymmetry() > 0) {
                        sb.append(l.bySymmetry()).append(" outputs as symmetric functions, ").append(l.transpositions())
                                .append(" swaps proven; ");
                    }
                    sb.append(l.result().stats().millis()).append(" ms)\n");
                }
            }
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

    /** One line per proof step tried, in the strategy's order: hits, misses and wall-clock milliseconds. */
    static String steps(CecResult.Stats s) {
        StringBuilder sb = new StringBuilder("proof steps (hits / misses / ms):\n");
        s.steps().forEach((step, st) -> sb.append(String.format(Locale.ROOT, "  %-17s %9d / %9d / %9.1f%n",
                step.label(), st.hits(), st.misses(), st.nanos() / 1e6)));
        return sb.toString();
    }

    public static Json json(ProofChain.Result chain) {
        CecResult r = chain.overall();
        CecResult.Stats s = r.stats();
        Json j = new Json().put("result", name(r));
        j.put("outputs", s.pairs()).put("byStructure", s.byStructure()).put("bySat", s.bySat())
                .put("merges", s.merges()).put("mergesByPartner", s.byPartner()).put("satCalls", s.satCalls()).put("miterAnds", s.miterAnds()).put("millis", s.millis()).put("cpuMillis", s.cpuMillis());
        Json steps = new Json();
        s.steps().forEach((step, st) -> steps.put(step.label(),
                new Json().put("hits", st.hits()).put("misses", st.misses()).put("millis", st.nanos() / 1_000_000)));
        j.put("steps", steps);
        if (r instanceof CecResult.NotEquivalent n) {
            Json cex = new Json();
            n.portValues().forEach(cex::put);
            j.put("counterexample", cex);
            Json diff = new Json();
            for (CecResult.Difference d : n.outputs()) diff.put(d.output(), d.right() ? 1 : 0);
            j.put("differing", diff);
        }
        if (r instanceof CecResult.Undecided u) j.put("open", u.open().size());
        if (chain.links().size() > 1) {
            List<Json> links = new java.util.ArrayList<>(); // in the compilation's order
            for (int i = 0; i < chain.links().size(); i++) {
                ProofChain.Link l = chain.links().get(i);
                CecResult.Stats ls = l.result().stats();
                Json link = new Json().put("from", l.from().name()).put("to", l.to().name())
                        .put("result", name(l.result())).put("miterAnds", ls.miterAnds()).put("merges", ls.merges())
                        .put("mergesByPartner", ls.byPartner()).put("millis", ls.millis()).put("cpuMillis", ls.cpuMillis());
                if (l.result() instanceof CecResult.Undecided u) link.put("open", u.open().size());
                if (!l.to().symmetric().isEmpty()) link.put("bySymmetry", l.bySymmetry()).put("transpositions", l.transpositions());
                links.add(link);
            }
            j.put("links", links).put("direct", chain.direct());
        }
        return j;
    }
}
