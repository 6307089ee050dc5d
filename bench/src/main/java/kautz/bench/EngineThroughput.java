package kautz.bench;

import kautz.isa.Program;
import kautz.ports.BitPlanes;
import kautz.engines.Engines;
import kautz.sim.Executable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** One run of an EPFL program on all rows, per engine: row-gate evaluations/s = gates x rows / time. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineThroughput {
    @Param({"sin", "arbiter"})
    public String circuit;

    @Param({"interp", "jit"})
    public String engine;

    @Param({"65536"})
    public int rows;

    private Executable exe;
    private long[][] inputs;

    @Setup
    public void setup() {
        Program p = BenchPrograms.epfl(circuit).program();
        exe = Engines.byName(engine).prepare(p);
        inputs = BitPlanes.random(p.inputs().size(), rows, 7);
    }

    @Benchmark
    public long[][] run() {
        return exe.run(inputs, rows);
    }
}
