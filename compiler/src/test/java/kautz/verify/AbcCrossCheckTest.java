package kautz.verify;

import com.google.common.collect.ImmutableList;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.isa.Disassembler;
import kautz.isa.IoBit;
import kautz.isa.ListingFormat;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.netlist.AigerWriter;
import kautz.network.Aig;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.target.Families;
import kautz.target.GateFamily;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ABC as a checker independent of Kautz's own verifier: for each of the 20 EPFL AIGs, ABC's {@code cec}
 * (ports matched by name, ABC's default)
 * between the source and Kautz's optimised AIG (default script), and between the source and the program
 * compiled for every built-in family from that optimised network, written as a BLIF netlist op by op
 * ({@code kautz compile --format blif}, which does not go through Kautz's networks).
 *
 * <p>Bounds, so that the test stays within minutes on two cores: each ABC call gets {@link #ABC_SECONDS}
 * seconds ({@code cec -T}, ABC's approximate limit in CPU time; its default conflict limit stays) and is
 * killed after {@link #WALL_SECONDS} of wall time should it not stop; programs are compiled only from optimised networks of at most
 * {@link #MAX_COMPILE_ANDS} ANDs (above that the six families' mapping and scheduling take minutes, and
 * ABC's check of such a program, an arithmetic circuit restructured gate by gate, mostly runs into its limit).
 * Cases over a bound are printed as skipped, never counted as passed. Without ABC ({@code berkeley-abc},
 * the Debian package berkeley-abc) or the shared benchmarks the test skips with a message.
 */
@Tag("slow")
class AbcCrossCheckTest {
    static final int ABC_SECONDS = 10;
    static final int WALL_SECONDS = 60;
    static final int MAX_COMPILE_ANDS = 20_000;

    @TempDir Path tmp;

    private Path abc;
    private Path shared;

    @BeforeEach
    void abcAndBenchmarks() {
        Optional<Path> a = abc();
        Assumptions.assumeTrue(a.isPresent(), "berkeley-abc not found on PATH (Debian package berkeley-abc): skipping the ABC cross-check");
        Optional<Path> s = SharedBenchmarks.dir();
        Assumptions.assumeTrue(s.isPresent(), SharedBenchmarks.MISSING);
        abc = a.get();
        shared = s.get();
    }

    @Test
    void abcProvesEveryOptimisedNetworkAndEveryCompiledProgramEquivalentToItsSource() throws Exception {
        List<Path> sources;
        try (Stream<Path> s = Files.list(shared.resolve("epfl"))) {
            sources = s.filter(p -> p.toString().endsWith(".aig")).sorted().toList();
        }
        Assumptions.assumeTrue(!sources.isEmpty(), "no EPFL .aig files in " + shared.resolve("epfl"));

        List<String> failed = new ArrayList<>(), skipped = new ArrayList<>();
        int proven = 0;
        long start = System.nanoTime();
        for (Path src : sources) {
            long cpu0 = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
            long wall0 = System.nanoTime();
            String name = src.getFileName().toString().replace(".aig", "");
            Design d = DesignLoader.load(src, null);
            Aig optimised = Pipeline.parse(Scripts.DEFAULT).run(d.network());
            Path optFile = tmp.resolve(name + ".opt.aig");
            try (OutputStream o = Files.newOutputStream(optFile)) {
                AigerWriter.writeBinary(optimised, o);
            }
            List<String> cases = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            cases.add(name + " optimised");
            files.add(optFile);
            if (optimised.numAnds() <= MAX_COMPILE_ANDS) {
                Design od = Design.ofNetwork(d.name(), optimised);
                for (GateFamily fam : Families.builtIns()) {
                    Compiled c = Flow.compile(od, FlowOptions.defaults().withTarget(fam.name()).withScript(FlowOptions.NO_SCRIPT));
                    Path prog = tmp.resolve(name + "." + fam.name() + ".blif");
                    Disassembler.write(c.program(), ListingFormat.BLIF, prog);
                    cases.add(name + " on " + fam.name());
                    files.add(prog);
                }
            } else {
                skipped.add(name + " programs: optimised network has " + optimised.numAnds() + " ANDs, over the compile bound " + MAX_COMPILE_ANDS);
            }
            for (int i = 0; i < cases.size(); i++) {
                long t0 = System.nanoTime();
                Verdict v = cec(abc, src, files.get(i));
                System.out.printf("abc cec: %s: %s in %.1f s%n", cases.get(i), v, (System.nanoTime() - t0) / 1e9);
                switch (v) {
                    case EQUIVALENT -> proven++;
                    case TIMEOUT -> skipped.add(cases.get(i) + ": ABC still running after " + WALL_SECONDS + " s of wall time");
                    case UNDECIDED -> skipped.add(cases.get(i) + ": ABC undecided within " + ABC_SECONDS + " s (its -T limit) and its default conflict limit");
                    case DIFFERENT -> failed.add(cases.get(i) + ": " + lastLines(tmp.resolve("abc.log")));
                }
            }
            Files.deleteIfExists(optFile);
            for (Path f : files) Files.deleteIfExists(f);
            long cpu1 = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
            System.out.printf("abc cec: %s: %d cases, %.1f s wall, %.1f s CPU in Kautz%n", name, cases.size(),
                    (System.nanoTime() - wall0) / 1e9, (cpu1 - cpu0) / 1e3);
        }
        System.out.printf("abc cec: %d proven equivalent, %d failed, %d skipped over a bound, %.0f s%n",
                proven, failed.size(), skipped.size(), (System.nanoTime() - start) / 1e9);
        for (String s : skipped) System.out.println("abc cec: skipped " + s);
        assertEquals(List.of(), failed, "ABC found programs or networks not equivalent to their source");
        assertTrue(proven > 0, "no case finished within the bounds");
    }

    /** The check can fail: a program whose first two outputs are swapped is refuted by ABC. */
    @Test
    void abcRefutesAProgramWithSwappedOutputs() throws Exception {
        Path src = shared.resolve("epfl/router.aig");
        Program p = Flow.compile(DesignLoader.load(src, null), FlowOptions.defaults()).program();
        List<IoBit> outs = new ArrayList<>(p.outputs());
        IoBit o0 = outs.get(0), o1 = outs.get(1);
        outs.set(0, new IoBit(o0.name(), o1.cell()));
        outs.set(1, new IoBit(o1.name(), o0.cell()));
        Program swapped = new Program(p.kernel(), p.target(), p.rowSize(), p.initModel(), p.inputs(),
                ImmutableList.copyOf(outs), p.ops(), p.consumesInputs());
        Path good = tmp.resolve("router.blif"), bad = tmp.resolve("router.swapped.blif");
        Disassembler.write(p, ListingFormat.BLIF, good);
        Disassembler.write(swapped, ListingFormat.BLIF, bad);
        assertEquals(Verdict.EQUIVALENT, cec(abc, src, good));
        assertEquals(Verdict.DIFFERENT, cec(abc, src, bad));
        Path bench = tmp.resolve("router.bench");
        Disassembler.write(p, ListingFormat.BENCH, bench);
        assertEquals(Verdict.EQUIVALENT, cec(abc, src, bench));
    }

    enum Verdict { EQUIVALENT, DIFFERENT, UNDECIDED, TIMEOUT }

    private Verdict cec(Path abc, Path a, Path b) throws IOException, InterruptedException {
        Path log = tmp.resolve("abc.log");
        Process p = new ProcessBuilder(abc.toString(), "-c", "cec -T " + ABC_SECONDS + " " + a + " " + b)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(WALL_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return Verdict.TIMEOUT; // ABC did not stop at its own limit (it counts CPU time; this is wall time)
        }
        String out = Files.readString(log);
        // "Networks are equivalent" is ABC's only success line; errors (a port missing on one side) and
        // counterexamples are failures
        if (p.exitValue() == 0 && out.contains("Networks are equivalent")) return Verdict.EQUIVALENT;
        return out.contains("UNDECIDED") ? Verdict.UNDECIDED : Verdict.DIFFERENT;
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    /** ABC as Debian installs it, or the path in the system property {@code kautz.abc}. */
    static Optional<Path> abc() {
        String override = System.getProperty("kautz.abc");
        if (override != null) return Files.isExecutable(Path.of(override)) ? Optional.of(Path.of(override)) : Optional.empty();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir).resolve("berkeley-abc");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
