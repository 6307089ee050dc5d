package kautz.device;

import com.google.common.collect.ImmutableList;
import kautz.isa.InitModel;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.ports.BitPlanes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Speed of the cycle-accurate engine ({@code kautz devices --speed}): a random program of init and 2-input
 * MAGIC gates over every column of an R×C array, run with energy and wear accounting on (the default preset,
 * 1T1R): every gate and init evaluated as a circuit, and again on the functional core (ideal logic, the
 * figure before the circuit model). A cell-update is one op acting on one row's cell. Reports the median of
 * five timed runs on one array after two warm-up runs (the first allocates the array and draws every cell's
 * endurance).
 */
public final class DeviceBenchmark {
    private DeviceBenchmark() {}

    public record Result(int rows, int cols, int ops, double medianSeconds, double cellUpdatesPerSecond,
                         double idealMedianSeconds, double idealCellUpdatesPerSecond) {
        public String text() {
            return String.format("device engine: %d rows x %d columns, %d ops, energy and wear on:%n"
                            + "  circuit model: median %.3f s per run, %.3g cell-updates/s%n"
                            + "  ideal logic:   median %.3f s per run, %.3g cell-updates/s",
                    rows, cols, ops, medianSeconds, cellUpdatesPerSecond, idealMedianSeconds, idealCellUpdatesPerSecond);
        }
    }

    public static Result run(int rows, int cols, long seed) {
        Program p = program(cols, seed);
        DeviceConfig config = DeviceConfig.of(DevicePresets.load(DevicePresets.DEFAULT), ArrayType.ONE_T_ONE_R, rows, seed);
        double[] circuit = time(p, config, rows, seed);
        double[] ideal = time(p, config.asIdeal(), rows, seed);
        return new Result(rows, cols, p.ops().size(), circuit[0], circuit[1], ideal[0], ideal[1]);
    }

    // median seconds per run and cell-updates per second
    private static double[] time(Program p, DeviceConfig config, int rows, long seed) {
        long[][] in = BitPlanes.random(2, rows, seed);
        long updates = 0;
        double[] times = new double[5];
        DeviceSession s = new DeviceSession(config); // the array is allocated (endurance drawn) in the first run
        for (int k = -2; k < times.length; k++) {
            long t0 = System.nanoTime();
            DeviceRun r = s.run(p, in);
            long t1 = System.nanoTime();
            if (k >= 0) {
                times[k] = (t1 - t0) / 1e9;
                updates = r.cellUpdates();
            }
        }
        Arrays.sort(times);
        double median = times[times.length / 2];
        return new double[]{median, updates / median};
    }

    /**
     * The benchmark program: 20 ops per column, init and 2-input MAGIC gates on random cells of a row of
     * {@code cols}; a gate's output is set to the gate's pre-state just before it, as compiled programs do (a
     * gate on an output in the other state disturbs its inputs on a real device).
     */
    public static Program program(int cols, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int ops = 20 * cols;
        ImmutableList.Builder<MicroOp> b = ImmutableList.builder();
        int[] all = new int[cols];
        for (int c = 0; c < cols; c++) all[c] = c;
        b.add(MicroOp.of(Opcode.INIT1, all));
        Opcode[] gates = {Opcode.NOR, Opcode.NOR, Opcode.NOR, Opcode.OR, Opcode.NAND, Opcode.AND};
        for (int i = 1; i < ops; i++) {
            int d = rnd.nextInt(cols);
            if (rnd.nextInt(8) == 0) {
                b.add(MicroOp.of(rnd.nextBoolean() ? Opcode.INIT1 : Opcode.INIT0, d));
                continue;
            }
            int a = rnd.nextInt(cols), c = rnd.nextInt(cols);
            while (a == d) a = rnd.nextInt(cols);
            while (c == d) c = rnd.nextInt(cols);
            Opcode g = gates[rnd.nextInt(gates.length)];
            b.add(MicroOp.of(g.requiredDestState() == 1 ? Opcode.INIT1 : Opcode.INIT0, d));
            if (++i == ops) break;
            b.add(MicroOp.of(g, d, a, c));
        }
        return new Program("bench", "magic", cols, InitModel.BULK,
                ImmutableList.of(new IoBit("x[0]", 0), new IoBit("x[1]", 1)), ImmutableList.of(new IoBit("y", cols - 1)), b.build());
    }
}
