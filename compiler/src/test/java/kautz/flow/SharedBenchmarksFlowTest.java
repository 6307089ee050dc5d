package kautz.flow;

import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.opt.Pipeline;
import kautz.opt.Scripts;
import kautz.sim.Interpreter;
import kautz.target.Families;
import kautz.target.GateFamily;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every small file of ../shared/benchmarks (all formats) compiles for every family and runs on 1024 random
 * rows with no mismatch against the reference evaluation. The large ones are covered by a bench run
 * (docs/PERFORMANCE.md).
 */
class SharedBenchmarksFlowTest {
    private static final long SMALL_BYTES = 9_000;

    @Test
    void smallBenchmarksRunWithoutMismatchesInEveryFamily() throws IOException {
        var dir = SharedBenchmarks.dir();
        Assumptions.assumeTrue(dir.isPresent(), SharedBenchmarks.MISSING);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.get())) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(aig|aag|blif|bench|v)$"))
                    .filter(p -> size(p) <= SMALL_BYTES).sorted().toList();
        }
        Assumptions.assumeTrue(files.size() >= 5, "too few small benchmark files");
        for (Path f : files) {
            Design d = DesignLoader.load(f, null);
            // optimise once, map for each family (the flow would re-run the script per family)
            Design optimised = d.asMapped().isPresent() ? d
                    : Design.ofNetwork(d.name(), Pipeline.parse(Scripts.DEFAULT).run(d.network()));
            for (GateFamily fam : Families.builtIns()) {
                Compiled c = Flow.compile(optimised, FlowOptions.defaults().withTarget(fam.name()).withScript(FlowOptions.NO_SCRIPT).withScheduler("topo"));
                int bad = RowCheck.random(c.program(), d.network(), new Interpreter(), 1024, 11).mismatches();
                assertEquals(0, bad, f.getFileName() + " on " + fam.name());
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
