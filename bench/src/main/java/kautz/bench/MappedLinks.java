package kautz.bench;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.CompilationChain;
import kautz.verify.ProofChain;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The last two links of {@code kautz verify FILE}'s chain, isolated from the optimisation links before them:
 * mapped-from network ≡ mapped network ≡ program. Per family, compiles FILE as {@code verify} does (the flow's
 * recorded compilation with the default options) and proves the chain's last two links with the rooted
 * mapping's partner claims, printing one line per family (CPU of this thread). For circuits whose optimisation
 * links are slow to prove.
 *
 * <pre>java -cp bench/target/benchmarks.jar kautz.bench.MappedLinks FILE FAMILY,… TIMEOUT-SECONDS</pre>
 */
public final class MappedLinks {
    private MappedLinks() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: MappedLinks FILE FAMILY,... TIMEOUT-SECONDS");
            System.exit(2);
        }
        Design d = DesignLoader.load(Path.of(args[0]), null);
        for (String name : args[1].split(",")) {
            long c1 = cpuMs();
            Compiled c = Flow.compileRecorded(d, FlowOptions.defaults().withTarget(name));
            long compile = cpuMs() - c1;
            List<ProofChain.Stage> chain = CompilationChain.stages(c, args[0]);
            List<ProofChain.Stage> stages = chain.subList(chain.size() - 3, chain.size());
            ProofChain.Result r = ProofChain.check(stages, CecOptions.defaults().withTimeout(Duration.ofSeconds(Long.parseLong(args[2]))));
            StringBuilder line = new StringBuilder(String.format("%s: %d gates mapped from %s (compile %.1f s CPU)",
                    name, c.mapped().gates().size(), stages.get(0).name(), compile / 1000.0));
            for (ProofChain.Link l : r.links()) {
                CecResult.Stats s = l.result().stats();
                line.append(String.format(" | %s -> %s: %s, %.2f s CPU, %d merges (%d by partner), miter %d ANDs", l.from().name(),
                        l.to().name(), outcome(l.result()), s.cpuMillis() / 1000.0, s.merges(), s.byPartner(), s.miterAnds()));
            }
            System.out.println(line);
        }
    }

    private static String outcome(CecResult r) {
        if (r instanceof CecResult.Undecided u) return "undecided (" + u.open().size() + " open)";
        return r instanceof CecResult.Equivalent ? "equivalent" : "not equivalent";
    }

    private static long cpuMs() { return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000; }
}
