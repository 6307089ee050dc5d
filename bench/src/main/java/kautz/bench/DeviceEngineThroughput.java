package kautz.bench;

import kautz.device.ArrayType;
import kautz.device.DeviceBenchmark;
import kautz.device.DeviceConfig;
import kautz.device.DevicePresets;
import kautz.device.DeviceRun;
import kautz.device.DeviceSession;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The cycle-accurate device engine on an R×C array with energy and wear accounting (the program of
 * {@code kautz devices --speed}: 20 ops per column). Cell-updates/s = ops × rows / time; 1024 × 1024 is
 * 20 971 520 cell-updates per run. The array persists across invocations, so wear keeps accumulating.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeviceEngineThroughput {
    @Param({"1024"})
    public int rows;

    @Param({"1024"})
    public int cols;

    private DeviceSession session;
    private Program program;
    private long[][] inputs;

    @Setup
    public void setup() {
        program = DeviceBenchmark.program(cols, 1);
        session = new DeviceSession(DeviceConfig.of(DevicePresets.load(DevicePresets.DEFAULT), ArrayType.ONE_T_ONE_R, rows, 1));
        inputs = BitPlanes.random(program.inputs().size(), rows, 1);
        session.run(program, inputs); // allocates the array and draws every cell's endurance
    }

    @Benchmark
    public DeviceRun run() {
        return session.run(program, inputs);
    }
}
