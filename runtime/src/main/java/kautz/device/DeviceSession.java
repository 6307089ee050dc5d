package kautz.device;

import com.google.common.primitives.ImmutableIntArray;
import kautz.diag.UserError;
import kautz.isa.GateForm;
import kautz.isa.IoBit;
import kautz.isa.MicroOp;
import kautz.isa.Opcode;
import kautz.isa.Program;
import kautz.ports.BitPlanes;
import kautz.ports.MemBit;
import kautz.ports.MemCellId;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The cycle-accurate engine: runs micro-op programs on one crossbar of R rows, SIMD across rows, with device
 * physics, energy and wear. The crossbar persists between runs, so kernels of one session share their
 * {@code mem} cells and wear accumulates across repeated runs.
 *
 * <p>A program's inputs and outputs that are {@link MemBit}s (named {@code @m[j][b]}: bit b of multi-level cell
 * j of mem m) are sensed from the mem cell (inputs), or read out of the row and written into the mem cell with
 * write-verify (outputs). Mem cells sit in columns beyond the program's row.
 */
public final class DeviceSession {
    private final DeviceConfig config;
    private final SplittableRandom rnd;
    private final Map<Long, double[]> logicTables = new HashMap<>();
    private final Map<Long, GateCircuit> circuits = new HashMap<>();
    private final Map<MemCellId, Integer> memColumns = new LinkedHashMap<>();
    private final Map<MemCellId, Integer> memLevels = new HashMap<>();
    private Crossbar xb;
    private int logicalCols;
    private int rotatedCells;
    private Program lastProgram;
    private long[] scratch;

    public DeviceSession(DeviceConfig config) {
        this.config = config;
        this.rnd = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    public DeviceConfig config() { return config; }

    /** The array (null before the first run). */
    public Crossbar crossbar() { return xb; }

    /** Columns the programs' rows occupy (mem cells come after them). */
    public int logicalColumns() { return logicalCols; }

    /** The program run last (null before the first run). */
    public Program lastProgram() { return lastProgram; }

    /** Columns wear levelling rotates through: the widest program's cells. */
    public int rotatedCells() { return rotatedCells; }

    public Map<MemCellId, Integer> memColumns() { return Map.copyOf(memColumns); }

    public DeviceRun run(Program program, long[][] inputPlanes) { return run(program, inputPlanes, 0); }

    /**
     * Runs a program. {@code inputPlanes} follow {@code program.inputs()} (planes of mem inputs are ignored:
     * those bits are sensed). {@code rotation} shifts the program's cells cyclically within its row (wear
     * levelling: logical cell c lives in physical column (c + rotation) mod cells).
     */
    public DeviceRun run(Program program, long[][] inputPlanes, int rotation) {
        if (inputPlanes.length != program.inputs().size()) {
            throw new IllegalArgumentException("expected " + program.inputs().size() + " input planes, got " + inputPlanes.length);
        }
        if (rotation != 0 && !program.partitions().isSingle()) {
            throw new IllegalArgumentException("a program on partitions " + program.partitions() + " cannot be rotated: cells would leave their partitions");
        }
        setUp(program);
        lastProgram = program;
        int cells = Math.max(1, program.stats().cells());
        rotatedCells = Math.max(rotatedCells, cells);
        int[] map = new int[program.rowSize()];
        for (int c = 0; c < map.length; c++) map[c] = c < cells ? (c + rotation % cells + cells) % cells : c;
        Execution ex = new Execution(program, map);
        ex.loadInputs(inputPlanes);
        for (int c = 0; c < program.cycleCount(); c++) {
            // The ops of a cycle run at once, each charged its own energy; the cycle lasts as long as its slowest op.
            // No op of a legal cycle touches a cell another writes, so executing them in turn gives the same state.
            long start = ex.cycles;
            long longest = 0;
            for (int i = program.cycleStart(c); i < program.cycleEnd(c); i++) {
                long before = ex.cycles;
                ex.execute(i, program.ops().get(i));
                longest = Math.max(longest, ex.cycles - before);
            }
            ex.cycles = start + longest;
        }
        long[][] outputs = ex.readOutputs();
        return new DeviceRun(outputs, ex.inputsSeen, ex.ledger, ex.mlc, ex.misreads, ex.cycles, ex.updates, ex.gates);
    }

    /** The column of mem cell {@code mem}, made a multi-level cell of {@code levels} levels (allocated on first use). */
    private int memColumn(MemCellId mem, int levels) {
        if (levels > config.preset().states()) {
            throw new UserError("mem " + mem.mem() + "[" + mem.index() + "] needs " + levels + " levels but device " + config.preset().name()
                    + " has " + config.preset().states() + " states");
        }
        Integer col = memColumns.get(mem);
        if (col == null) {
            col = xb.cols();
            xb.ensureColumns(col + 1);
            memColumns.put(mem, col);
        }
        memLevels.put(mem, levels);
        xb.makeMultiLevel(col, levels);
        return col;
    }

    /**
     * Gives mem cell {@code mem} initial contents before any kernel runs: level {@code level} of 2^bits in every
     * row, placed exactly (initial contents, not a write: no pulses, energy or wear). Needs the first program to
     * set up the array.
     */
    public void preload(Program first, MemCellId mem, int bits, int level) {
        setUp(first);
        int levels = 1 << bits;
        if (level < 0 || level >= levels) throw new IllegalArgumentException("level " + level + " of " + levels);
        int col = memColumn(mem, levels);
        for (int r = 0; r < config.rows(); r++) xb.place(col, r, (double) level / (levels - 1), level);
    }

    /**
     * The values the mem inputs of {@code program} should hold: the levels last written (what a functional
     * reference evaluation must be given; level 0 for a cell never written), as planes in input order; other
     * inputs' planes are copied from
     * {@code inputPlanes}.
     */
    public long[][] intendedInputs(Program program, long[][] inputPlanes) {
        long[][] out = new long[inputPlanes.length][];
        for (int i = 0; i < out.length; i++) {
            MemBit m = program.inputs().get(i).memBit().orElse(null);
            if (m == null) {
                out[i] = inputPlanes[i].clone();
                continue;
            }
            Integer col = memColumns.get(m.cell());
            if (col == null) {
                out[i] = new long[BitPlanes.words(config.rows())]; // a fresh cell reads as level 0
                continue;
            }
            int bit = m.bit();
            long[] plane = new long[xb.words()];
            for (int r = 0; r < config.rows(); r++) {
                if ((xb.intendedLevel(col, r) >>> bit & 1) != 0) plane[r >>> 6] |= 1L << (r & 63);
            }
            out[i] = plane;
        }
        return out;
    }

    private void setUp(Program program) {
        if (xb == null) {
            logicalCols = Math.max(config.cols(), program.rowSize());
            xb = new Crossbar(config.preset(), config.rows(), logicalCols, config.seed(), config.ideal());
            scratch = new long[xb.words()];
        } else if (program.rowSize() > logicalCols) {
            throw new UserError("kernel " + program.kernel() + " needs a row of " + program.rowSize()
                    + " cells but the array was set up with " + logicalCols + " columns (set the array width with --cols)");
        }
    }

    private GateCircuit circuit(Opcode op, int k) {
        return circuits.computeIfAbsent((long) op.ordinal() << 32 | k, key -> new GateCircuit(op, k, config.preset(), config.arrayType()));
    }

    private double[] logicTable(Opcode op, int k) {
        return logicTables.computeIfAbsent((long) op.ordinal() << 32 | k, key -> LogicEnergy.table(op, k, config.preset()));
    }

    /** The state of one kernel run. */
    private final class Execution {
        final Program program;
        final int[] map;
        final EnergyLedger ledger;
        final MlcStats mlc = new MlcStats();
        final GateStats gates = new GateStats();
        final ReadPath reader;
        final MlcProgrammer programmer;
        final int words = xb.words();
        final long lastMask = xb.lastMask();
        final DevicePreset p = config.preset();
        final double lnRange = Math.log(p.dynamicRange());
        long[][] inputsSeen;
        long misreads;
        long cycles;
        long updates;

        Execution(Program program, int[] map) {
            this.program = program;
            this.map = map;
            this.ledger = new EnergyLedger(program.ops().size());
            this.reader = new ReadPath(xb, config, rnd);
            this.programmer = new MlcProgrammer(xb, config, reader, rnd, mlc);
        }

        int ioOp() { return program.ops().size(); }

        void loadInputs(long[][] planes) {
            List<IoBit> inputs = program.inputs();
            inputsSeen = new long[inputs.size()][];
            Map<MemCellId, int[]> sensedLevels = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                IoBit b = inputs.get(i);
                int col = map[b.cell()];
                MemBit m = b.memBit().orElse(null);
                if (m != null) {
                    int[] levels = sensedLevels.computeIfAbsent(m.cell(), this::senseMem);
                    int bit = m.bit();
                    long[] plane = new long[words];
                    for (int r = 0; r < levels.length; r++) if ((levels[r] >>> bit & 1) != 0) plane[r >>> 6] |= 1L << (r & 63);
                    inputsSeen[i] = plane;
                    writeValues(col, plane, ioOp(), EnergyKind.READ);
                } else {
                    inputsSeen[i] = planes[i].clone();
                    writeValues(col, planes[i], ioOp(), EnergyKind.IO);
                }
                cycles++;
            }
        }

        // Senses every row's level of a mem cell written by an earlier kernel.
        int[] senseMem(MemCellId mem) {
            Integer col = memColumns.get(mem);
            if (col == null) {
                // never written in this run: a fresh cell, in HRS, reads as level 0
                int bits = 0;
                for (IoBit b : program.inputs()) {
                    MemBit m = b.memBit().orElse(null);
                    if (m != null && m.cell().equals(mem)) bits = Math.max(bits, m.bit() + 1);
                }
                preload(program, mem, bits, 0);
                col = memColumns.get(mem);
            }
            int levels = memLevels.get(mem);
            int[] out = new int[config.rows()];
            for (int r = 0; r < out.length; r++) out[r] = senseLevel(col, r, levels, ioOp());
            return out;
        }

        int senseLevel(int col, int row, int levels, int op) {
            double g = reader.sense(col, row, true);
            ledger.charge(op, EnergyKind.READ, reader.lastEnergyPJ());
            int level = (int) Math.max(0, Math.min(levels - 1, Math.round(g * (levels - 1))));
            mlc.recordRead(level, xb.intendedLevel(col, row), 32 - Integer.numberOfLeadingZeros(levels - 1));
            updates++;
            return level;
        }

        /** Writes a plane of values into a column with SET/RESET pulses (one pulse per row). */
        void writeValues(int col, long[] values, int op, EnergyKind kind) {
            double on = p.gOn(), off = p.gOff();
            long[] old = xb.plane(col);
            long n11 = 0, n01 = 0, n10 = 0, n00 = 0; // old state, new value
            for (int w = 0; w < words; w++) {
                long mask = w == words - 1 ? lastMask : -1L;
                long o = old[w], v = values[w];
                n11 += Long.bitCount(o & v & mask);
                n01 += Long.bitCount(~o & v & mask);
                n10 += Long.bitCount(o & ~v & mask);
                n00 += Long.bitCount(~o & ~v & mask);
            }
            double set = p.vSet() * p.vSet() * p.pulseNs() * 1e3;
            double reset = p.vReset() * p.vReset() * p.pulseNs() * 1e3;
            double e = set * (n11 * on + n01 * off) + reset * (n10 * on + n00 * off);
            xb.pulseColumn(col);
            long sw = config.ideal() ? xb.write(col, values) : pulseColumn(col, values);
            e += (sw >>> 32) * p.setEnergyPJ() + (sw & 0xFFFFFFFFL) * p.resetEnergyPJ();
            ledger.charge(op, kind, e);
            updates += config.rows();
        }

        void execute(int i, MicroOp op) {
            Opcode oc = op.opcode();
            switch (oc.kind()) {
                case INIT -> {
                    long[] v = new long[words];
                    if (oc.constant() == 1) java.util.Arrays.fill(v, -1L);
                    ImmutableIntArray t = op.targets();
                    for (int k = 0; k < t.length(); k++) writeValues(map[t.get(k)], v, i, EnergyKind.INIT);
                    cycles++;
                }
                case PROGRAM -> prog(i, op);
                case READ -> sense(i, op);
                case LOGIC -> logic(i, op);
            }
        }

        /**
         * SET pulses (vSet) on the rows whose value is 1 and RESET pulses (vReset) on the others, through each cell's
         * access device and line, with the preset's switching law and variation: a pulse may leave a cell short of
         * its state. Returns what {@link Crossbar#write} returns.
         */
        long pulseColumn(int col, long[] values) {
            long[] next = values.clone();
            boolean partial = xb.hasDeviation(col) || xb.isMultiLevel(col);
            double series = p.accessOhm(config.arrayType()) + p.rLineOhm() * col;
            double[] dev = new double[config.rows()];
            boolean anyDev = partial;
            // without variation or chance a nominal cell's pulse has one outcome per direction: compute it once
            boolean memo = !variation();
            double setFromOff = Double.NaN, resetFromOn = Double.NaN;
            for (int r = 0; r < config.rows(); r++) {
                boolean want = (values[r >>> 6] >>> (r & 63) & 1) != 0;
                double x = xb.normalised(col, r);
                if (!partial && (x >= 0.5) == want) continue; // already there, nominal: the pulse changes nothing
                double nx;
                if (memo && x == (want ? 0 : 1) && !Double.isNaN(want ? setFromOff : resetFromOn)) {
                    nx = want ? setFromOff : resetFromOn;
                } else {
                    double rc = resistance(col, r, x);
                    double v = (want ? p.vSet() : p.vReset()) * rc / (rc + series);
                    nx = GateCircuit.drive(p, x, v, want, vtScale(), uniform());
                    if (memo && x == 0 && want) setFromOff = nx;
                    if (memo && x == 1 && !want) resetFromOn = nx;
                }
                boolean bit = nx >= 0.5;
                if (bit != want) next[r >>> 6] ^= 1L << (r & 63);
                dev[r] = bit ? 1 - nx : nx;
                if (dev[r] != 0) anyDev = true;
            }
            long sw = xb.write(col, next);
            if (anyDev) for (int r = 0; r < dev.length; r++) xb.setDeviation(col, r, dev[r]);
            return sw;
        }

        double resistance(int col, int row, double x) {
            double g = x == 1 ? p.gOn() : x == 0 ? p.gOff() : p.gOff() * Math.exp(lnRange * x); // = conductance(x)
            double rr = 1 / g * xb.d2dFactor(col, row);
            return p.rSigmaC2C() > 0 ? rr * Math.exp(p.rSigmaC2C() * Gaussian.next(rnd)) : rr;
        }

        /** Whether any draw can change a pulse's outcome (variation, or a stochastic switching law). */
        boolean variation() {
            return p.rSigmaD2D() != 0 || p.rSigmaC2C() != 0 || p.vtSigma() != 0 || p.switching() == SwitchingModel.STT;
        }

        double vtScale() { return p.vtSigma() > 0 ? Math.max(0.05, 1 + p.vtSigma() * Gaussian.next(rnd)) : 1; }

        double uniform() { return p.switching() == SwitchingModel.STT ? rnd.nextDouble() : 0; }

        /**
         * The output plane of a gate evaluated as a circuit row by row ({@link GateCircuit}); input cells the pulse
         * moved are updated in place. Counts gate failures against the gate's function.
         */
        void circuitLogic(Opcode oc, int[] srcCols, int d, long[] next) {
            int k = srcCols.length;
            GateCircuit gc = circuit(oc, k);
            double access = p.accessOhm(config.arrayType());
            double[] in = new double[k], rIn = new double[k], seriesIn = new double[k], newIn = new double[k];
            double[] scale = new double[k + 1], u = new double[k + 1];
            for (int s = 0; s < k; s++) seriesIn[s] = access + p.rLineOhm() * srcCols[s];
            double seriesOut = access + p.rLineOhm() * d;
            long[] out = xb.plane(d);
            long[][] inPlanes = new long[k][];
            double[][] inDev = new double[k][];
            long inputFlips = 0;
            for (int w = 0; w < words; w++) next[w] = out[w];
            // without variation or chance, a row whose cells all sit at their nominal states has the outcome of its
            // bit pattern: evaluate each pattern once per op
            boolean memo = !variation() && k < 16;
            boolean anyDev = xb.hasDeviation(d);
            double[][] memoIn = memo ? new double[1 << (k + 1)][] : null;
            double[] memoOut = memo ? new double[1 << (k + 1)] : null;
            for (int r = 0; r < config.rows(); r++) {
                int key = 0;
                boolean nominal = memo;
                for (int s = 0; s < k; s++) {
                    in[s] = xb.normalised(srcCols[s], r);
                    if (in[s] == 1) key |= 1 << s;
                    else if (in[s] != 0) nominal = false;
                }
                double xo = xb.normalised(d, r);
                if (xo == 1) key |= 1 << k;
                else if (xo != 0) nominal = false;
                double nx;
                if (nominal && memoIn[key] != null) {
                    nx = memoOut[key];
                    System.arraycopy(memoIn[key], 0, newIn, 0, k);
                } else {
                    for (int s = 0; s < k; s++) {
                        rIn[s] = resistance(srcCols[s], r, in[s]);
                        scale[s] = vtScale();
                        u[s] = uniform();
                    }
                    double rOut = resistance(d, r, xo);
                    scale[k] = vtScale();
                    u[k] = uniform();
                    nx = gc.evaluate(in, rIn, seriesIn, xo, rOut, seriesOut, scale, u, newIn);
                    if (nominal) {
                        memoIn[key] = newIn.clone();
                        memoOut[key] = nx;
                    }
                }
                long bit = 1L << (r & 63);
                if (nx >= 0.5) next[r >>> 6] |= bit;
                else next[r >>> 6] &= ~bit;
                circuitDev[r] = nx >= 0.5 ? 1 - nx : nx;
                if (circuitDev[r] != 0) anyDev = true;
                for (int s = 0; s < k; s++) {
                    if (newIn[s] == in[s]) continue;
                    if (inPlanes[s] == null) {
                        inPlanes[s] = xb.plane(srcCols[s]).clone();
                        inDev[s] = new double[config.rows()];
                        for (int q = 0; q < config.rows(); q++) inDev[s][q] = Double.NaN;
                    }
                    boolean was = in[s] >= 0.5, now = newIn[s] >= 0.5;
                    if (was != now) {
                        inPlanes[s][r >>> 6] ^= bit;
                        inputFlips++;
                    }
                    inDev[s][r] = now ? 1 - newIn[s] : newIn[s];
                }
            }
            for (int s = 0; s < k; s++) {
                if (inPlanes[s] == null) continue;
                xb.write(srcCols[s], inPlanes[s]);
                for (int r = 0; r < config.rows(); r++) if (!Double.isNaN(inDev[s][r])) xb.setDeviation(srcCols[s], r, inDev[s][r]);
            }
            // failures against the gate's function on the same (pre-pulse) inputs
            long[][] src = new long[k][];
            for (int s = 0; s < k; s++) src[s] = inPlanesBefore[s];
            long failed = 0, falseSw = 0;
            for (int w = 0; w < words; w++) {
                long mask = w == words - 1 ? lastMask : -1L;
                long ideal = oc.gate().word(out[w], src, w);
                long should = (out[w] ^ ideal) & mask, did = (out[w] ^ next[w]) & mask;
                failed += Long.bitCount(should & ~did);
                falseSw += Long.bitCount(did & ~should);
            }
            gates.record(oc.mnemonic(), config.rows(), failed, falseSw, inputFlips);
            outputDeviates = anyDev;
        }

        long[][] inPlanesBefore;
        double[] circuitDev;
        boolean outputDeviates;

        void logic(int i, MicroOp op) {
            Opcode oc = op.opcode();
            GateForm gate = oc.gate(); // the op's function, from the table; the energy below is the device's
            ImmutableIntArray srcIdx = op.sources();
            int k = srcIdx.length();
            long[][] src = new long[k][];
            for (int s = 0; s < k; s++) src[s] = xb.plane(map[srcIdx.get(s)]);
            int d = map[op.dest()];
            long[] out = xb.plane(d);
            long[] next = scratch;
            int bits = 32 - Integer.numberOfLeadingZeros(k);
            long[] slices = new long[bits];
            long[] counts = new long[(k + 1) * 2];
            if (!config.ideal()) {
                // the circuit reads the planes as they were before the pulse; keep copies (inputs may be disturbed)
                inPlanesBefore = new long[k][];
                for (int s = 0; s < k; s++) inPlanesBefore[s] = src[s].clone();
                if (circuitDev == null) circuitDev = new double[config.rows()];
                src = inPlanesBefore;
                int[] cols = new int[k];
                for (int s = 0; s < k; s++) cols[s] = map[srcIdx.get(s)];
                circuitLogic(oc, cols, d, next);
            }
            for (int w = 0; w < words; w++) {
                long mask = w == words - 1 ? lastMask : -1L;
                long o = out[w];
                if (config.ideal()) next[w] = gate.word(o, src, w);
                // bit-sliced count of LRS inputs per row, then rows per (count, output state) class
                java.util.Arrays.fill(slices, 0);
                for (int s = 0; s < k; s++) {
                    long carry = src[s][w];
                    for (int b = 0; b < bits && carry != 0; b++) {
                        long t = slices[b] & carry;
                        slices[b] ^= carry;
                        carry = t;
                    }
                }
                for (int m = 0; m <= k; m++) {
                    long eq = mask;
                    for (int b = 0; b < bits; b++) eq &= (m >>> b & 1) != 0 ? slices[b] : ~slices[b];
                    if (eq == 0) continue;
                    counts[m * 2 + 1] += Long.bitCount(eq & o);
                    counts[m * 2] += Long.bitCount(eq & ~o);
                }
            }
            double[] table = logicTable(oc, k);
            double e = 0;
            for (int c = 0; c < counts.length; c++) e += counts[c] * table[c];
            xb.pulseColumn(d);
            long sw = xb.write(d, next);
            if (!config.ideal() && outputDeviates) for (int r = 0; r < config.rows(); r++) xb.setDeviation(d, r, circuitDev[r]);
            e += (sw >>> 32) * p.setEnergyPJ() + (sw & 0xFFFFFFFFL) * p.resetEnergyPJ();
            ledger.charge(i, EnergyKind.LOGIC, e);
            cycles++;
            updates += config.rows();
        }

        void prog(int i, MicroOp op) {
            int col = map[op.dest()];
            int levels = config.mlcLevels();
            if (op.level() >= levels) {
                throw new UserError("op " + i + " (" + op + "): level " + op.level() + " is beyond the " + levels
                        + " levels of a multi-level cell (--levels)");
            }
            xb.makeMultiLevel(col, levels);
            int before = mlc.writes();
            long maxPulses = 0;
            for (int r = 0; r < config.rows(); r++) {
                long pulsesBefore = xb.writes(col, r);
                programmer.program(col, r, op.level(), levels, ledger, i);
                maxPulses = Math.max(maxPulses, xb.writes(col, r) - pulsesBefore);
            }
            updates += maxPulses * config.rows();
            cycles += 2 * maxPulses; // every pulse is followed by a verify read; rows run in parallel
            assert mlc.writes() - before == config.rows();
        }

        void sense(int i, MicroOp op) {
            ImmutableIntArray dests = op.targets();
            int col = map[op.sources().get(0)];
            int levels = xb.isMultiLevel(col) ? xb.levels(col) : 2;
            long[][] planes = new long[dests.length()][words];
            for (int r = 0; r < config.rows(); r++) {
                int level = xb.isMultiLevel(col) ? senseLevel(col, r, levels, i) : reader.senseBit(col, r) ? 1 : 0;
                if (!xb.isMultiLevel(col)) ledger.charge(i, EnergyKind.READ, reader.lastEnergyPJ());
                for (int b = 0; b < dests.length(); b++) if ((level >>> b & 1) != 0) planes[b][r >>> 6] |= 1L << (r & 63);
            }
            for (int b = 0; b < dests.length(); b++) writeValues(map[dests.get(b)], planes[b], i, EnergyKind.READ);
            cycles++;
        }

        long[][] readOutputs() {
            List<IoBit> outs = program.outputs();
            long[][] planes = new long[outs.size()][];
            Map<MemCellId, Integer> memBits = new LinkedHashMap<>();
            int op = program.ops().size() + 1;
            for (int i = 0; i < outs.size(); i++) {
                int col = map[outs.get(i).cell()];
                long[] plane = new long[words];
                long[] stored = xb.plane(col);
                for (int r = 0; r < config.rows(); r++) {
                    boolean bit = reader.senseBit(col, r);
                    ledger.charge(op, EnergyKind.IO, reader.lastEnergyPJ());
                    if (bit) plane[r >>> 6] |= 1L << (r & 63);
                    if (bit != ((stored[r >>> 6] >>> (r & 63) & 1) != 0)) misreads++;
                }
                planes[i] = plane;
                cycles++;
                outs.get(i).memBit().ifPresent(m -> memBits.merge(m.cell(), m.bit() + 1, Math::max));
            }
            for (Map.Entry<MemCellId, Integer> e : memBits.entrySet()) storeMem(e.getKey(), e.getValue(), planes, op);
            return planes;
        }

        // Writes the bits just read out of the row into the mem cell, with write-verify, every row.
        void storeMem(MemCellId mem, int bits, long[][] planes, int op) {
            int levels = 1 << bits;
            int col = memColumn(mem, levels);
            int[] bitPlane = new int[bits];
            java.util.Arrays.fill(bitPlane, -1);
            List<IoBit> outs = program.outputs();
            for (int i = 0; i < outs.size(); i++) {
                MemBit m = outs.get(i).memBit().orElse(null);
                if (m != null && m.cell().equals(mem)) bitPlane[m.bit()] = i;
            }
            long maxPulses = 0;
            for (int r = 0; r < config.rows(); r++) {
                int level = 0;
                for (int b = 0; b < bits; b++) {
                    if (bitPlane[b] >= 0 && (planes[bitPlane[b]][r >>> 6] >>> (r & 63) & 1) != 0) level |= 1 << b;
                }
                long before = xb.writes(col, r);
                programmer.program(col, r, level, levels, ledger, op);
                maxPulses = Math.max(maxPulses, xb.writes(col, r) - before);
            }
            cycles += 2 * maxPulses;
            updates += maxPulses * config.rows();
        }
    }
}
