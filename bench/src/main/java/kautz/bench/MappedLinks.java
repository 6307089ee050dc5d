package kautz.bench;

import kautz.flow.FlowOptions;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.mapping.RootedMapping;
import kautz.mapping.TechnologyMapper;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.schedule.ScheduleOptions;
import kautz.schedule.Schedulers;
import kautz.target.Families;
import kautz.target.GateFamily;
import kautz.verify.CecOptions;
import kautz.verify.CecResult;
import kautz.verify.MappedAig;
import kautz.verify.ProofChain;
import kautz.verify.SymbolicExecution;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The last two links of {@code kautz verify FILE}'s chain, isolated from the optimisation links before them:
 * mapped-from network ≡ mapped network ≡ program. Optimises FILE once with the default script, then per family
 * maps the source and the optimised network and keeps the one with fewer gates (as {@code Flow.map} does for
 * networks above {@link Scripts#STRONG_LIMIT} ANDs), schedules it with the default scheduler and options, and
 * proves the two links with the rooted mapping's partner claims, printing one line per family (CPU of this
 * thread). For circuits whose optimisation links are still open (log2, div, hyp).
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
        Aig source = d.network();
        if (source.numAnds() <= Scripts.STRONG_LIMIT) {
            System.err.println("MappedLinks: the flow also tries the strong script on networks this small; use kautz verify");
            System.exit(2);
        }
        long c0 = cpuMs();
        Aig optimised = Pipeline.parse(Scripts.DEFAULT).run(source);
        System.out.printf("%s: source %d ANDs, optimised %d ANDs (%.1f s CPU)%n", args[0], source.numAnds(), optimised.numAnds(),
                (cpuMs() - c0) / 1000.0);
        FlowOptions fo = FlowOptions.defaults();
        ScheduleOptions so = new ScheduleOptions(fo.rowSize().limit(), fo.init(), fo.seed(), fo.budget(), false);
        for (String name : args[1].split(",")) {
            GateFamily family = Families.resolve(name);
            long c1 = cpuMs();
            RootedMapping fromSource = TechnologyMapper.mapRooted(source, family, d.name(), false);
            RootedMapping fromOptimised = TechnologyMapper.mapRooted(optimised, family, d.name(), false);
            boolean opt = fromOptimised.network().gates().size() < fromSource.network().gates().size();
            RootedMapping m = opt ? fromOptimised : fromSource;
            Program p = Schedulers.defaultScheduler().schedule(m.network(), family, so);
            long compile = cpuMs() - c1;
            MappedAig.Built built = MappedAig.build(m.network(), family);
            List<ProofChain.Stage> stages = List.of(new ProofChain.Stage(opt ? "optimised" : "source", opt ? optimised : source),
                    new ProofChain.Stage("mapped", built.network(), MappedAig.partners(built, m.roots())),
                    new ProofChain.Stage("program", SymbolicExecution.network(p)));
            ProofChain.Result r = ProofChain.check(stages, CecOptions.defaults().withTimeout(Duration.ofSeconds(Long.parseLong(args[2]))));
            StringBuilder line = new StringBuilder(String.format("%s: %d gates mapped from the %s network (map+schedule %.1f s CPU)",
                    name, m.network().gates().size(), opt ? "optimised" : "source", compile / 1000.0));
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
