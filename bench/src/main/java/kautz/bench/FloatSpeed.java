package kautz.bench;

import kautz.engines.Engines;
import kautz.flow.Compiled;
import kautz.flow.Flow;
import kautz.flow.FlowOptions;
import kautz.flow.RowCheck;
import kautz.isa.Program;
import kautz.lang.KautzCompiler;
import kautz.lang.elab.CompiledKernel;
import kautz.load.Design;
import kautz.ports.BitPlanes;
import kautz.sim.Engine;
import kautz.sim.Executable;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Compile time and JIT throughput of std.float's binary32 kernels (docs/arithmetic.md, "Floating point").
 * For each operation: the wall and thread CPU time of compiling {@code y = f32_OP(a, b)} with the defaults
 * (front end, optimisation script, mapping to magic-nor, scheduling), as {@code kautz compile} does; the time
 * to generate the JIT's class; the program checked on 65,536 random rows against the source network; then
 * the median thread CPU time of running ROWS random rows in the JIT (after warm-up), as rows per second.
 *
 * <pre>java -Xmx4g -cp bench/target/benchmarks.jar kautz.bench.FloatSpeed [ROWS [OP ...]]</pre>
 */
public final class FloatSpeed {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FloatSpeed() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> ops = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("add", "mul", "div");
        System.out.println("| operation | gates | compile wall | compile CPU | JIT class | CPU per run of " + rows + " rows | rows/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String op : ops) {
            long wall = System.nanoTime(), cpu = THREADS.getCurrentThreadCpuTime();
            String src = "import std.float;\nkernel f32_" + op + "k(a: u<32>, b: u<32>) -> (y: u<32>) {\n    y = f32_" + op + "(a, b);\n}\n";
            CompiledKernel k = KautzCompiler.compile("f32_" + op + ".kz", src).kernel(null);
            Compiled c = Flow.compile(Design.ofNetwork("f32_" + op, k.network()), FlowOptions.defaults());
            double compileWall = (System.nanoTime() - wall) / 1e9, compileCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            Program p = c.program();
            Engine jit = Engines.byName("jit");
            long gen = System.nanoTime();
            Executable exe = jit.prepare(p);
            double genSeconds = (System.nanoTime() - gen) / 1e9;
            int bad = RowCheck.random(p, k.network(), jit, 65_536, 3).mismatches();
            if (bad != 0) throw new IllegalStateException("f32_" + op + ": the compiled program differs from the source in " + bad + " rows");
            long[][] in = BitPlanes.random(p.inputs().size(), rows, 7);
            double ms = CpuTimer.medianMs(() -> exe.run(in, rows), 2, 5);
            System.out.println(String.format(Locale.ROOT, "| f32_%s | %,d | %.1f s | %.1f s | %.2f s | %.0f ms | %.2e |",
                    op, p.stats().gates(), compileWall, compileCpu, genSeconds, ms, rows / (ms / 1e3)));
        }
    }
}
