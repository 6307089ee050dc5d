package kautz.bench;

import kautz.isa.Program;
import kautz.jit.JitEngine;
import kautz.jit.JitOptions;
import kautz.ports.BitPlanes;
import kautz.sim.Executable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The JIT's code-shape alternatives on the same program: loop placement, cells in locals, chunk size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JitVariants {
    @Param({"sin"})
    public String circuit;

    /**
     * placement-cells-chunkBytes[-blockWords][-flags] (the estimate; real methods come out at about 0.3 of it),
     * e.g. PER_BLOCK-locals-3000-64; flags: plain (no complements), levels (ops by depth), identity (a state
     * slot per cell), vector.
     */
    @Param({"PER_WORD-locals-20000", "PER_CHUNK-locals-20000-4", "PER_WORD-locals-20000-1-identity", "PER_WORD-locals-20000-1-levels", "PER_WORD-locals-20000-2"})
    public String variant;

    /** The variants of the {@code variant} parameter, for measurements outside JMH. */
    List<String> variants() {
        try {
            return List.of(JitVariants.class.getField("variant").getAnnotation(Param.class).value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @Param({"65536"})
    public int rows;

    private Executable exe;
    private long[][] inputs;

    /**
     * placement-cells-chunkBytes, then optionally a block size in words (per word: words interleaved in a pass),
     * "vector", "plain" (no complements in locals), "levels" (ops by depth in a chunk), "identity" (a state slot
     * per cell instead of the compact layout).
     */
    static JitOptions options(String variant) {
        String[] v = variant.split("-");
        int block = 1;
        boolean vector = false, plain = false, identity = false;
        JitOptions.OpOrder order = JitOptions.OpOrder.PROGRAM;
        for (int i = 3; i < v.length; i++) {
            if (v[i].equals("vector")) vector = true;
            else if (v[i].equals("plain")) plain = true;
            else if (v[i].equals("levels")) order = JitOptions.OpOrder.LEVELS;
            else if (v[i].equals("identity")) identity = true;
            else block = Integer.parseInt(v[i]);
        }
        return new JitOptions(JitOptions.LoopPlacement.valueOf(v[0]), v[1].equals("locals"), Integer.parseInt(v[2]), block, vector, !plain, order, !identity);
    }

    @Setup
    public void setup() {
        Program p = BenchPrograms.epfl(circuit).program();
        exe = new JitEngine(options(variant)).prepare(p);
        inputs = BitPlanes.random(p.inputs().size(), rows, 7);
    }

    @Benchmark
    public long[][] run() {
        return exe.run(inputs, rows);
    }
}
