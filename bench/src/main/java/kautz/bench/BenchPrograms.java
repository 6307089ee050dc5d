package kautz.bench;

import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.flow.RowCheck;
import kautz.isa.Program;
import kautz.frontend.DesignLoader;
import kautz.sim.Interpreter;
import kautz.util.SharedBenchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The programs the benchmarks run: an EPFL circuit's ABC NOR2/INV1 netlist from ../shared/benchmarks
 * (the gates SIMPLER schedules), compiled by the real flow with its defaults (magic-nor, the netlist as
 * mapped, the default scheduler, bulk init), then checked against the reference evaluation so a benchmark
 * never times a wrong program.
 */
final class BenchPrograms {
    private BenchPrograms() {}

    static Compiled epfl(String circuit) {
        Path dir = SharedBenchmarks.dir().orElseThrow(() -> new IllegalStateException(SharedBenchmarks.MISSING));
        Path file = dir.resolve("nor-mapped/epfl/" + circuit + ".v");
        if (!Files.isRegularFile(file)) throw new IllegalStateException("no benchmark " + file);
        Compiled c = Flow.compile(DesignLoader.load(file, null), FlowOptions.defaults());
        Program p = c.program();
        int bad = RowCheck.random(p, c.design().network(), new Interpreter(), 4096, 11).mismatches();
        if (bad != 0) throw new IllegalStateException(circuit + ": the compiled program differs from the netlist in " + bad + " rows");
        return c;
    }
}
