package kautz.cli;

import com.google.common.collect.ImmutableList;
import kautz.device.DeviceConfig;
import kautz.device.DeviceReport;
import kautz.device.DeviceRun;
import kautz.device.DeviceSession;
import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.flow.Compiled;
import kautz.flow.FlowCompiler;
import kautz.flow.FlowOptions;
import kautz.flow.Reports;
import kautz.isa.IoBit;
import kautz.isa.Program;
import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.network.AigSimulator;
import kautz.ports.BitPlanes;
import kautz.ports.InputSpec;
import kautz.ports.MemCellId;
import kautz.ports.Port;
import kautz.ports.Ports;
import kautz.util.Json;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kautz run FILE --device PRESET}: compiles the kernel (or, with {@code --kernel a,b}, several kernels
 * run in that order on one array, sharing their mem cells), runs it on the cycle-accurate device engine and
 * compares every row with the reference evaluation of the source. The rows' outputs and the device's report
 * are the results (stdout); a device that gets rows wrong is a measurement, not a failure, so the exit code
 * stays 0. Mem inputs are sensed from the cells an
 * earlier kernel programmed; the reference is given the levels that were meant to be written.
 */
final class DeviceRunPath {
    private DeviceRunPath() {}

    /** One compiled kernel and its network's naming. */
    private record Kernel(Design design, Compiled compiled, Program program, ImmutableList<Port> inPorts, ImmutableList<Port> outPorts) {}

    static void run(Path file, String kernelList, String inputs, Integer rowsOption, long seed, boolean json,
                    FlowCompiler compiler, FlowOptions flow, DeviceOptions device, PrintWriter out, PrintWriter log) {
        boolean random = inputs.equals("random");
        int rows = rowsOption != null ? rowsOption : random ? 1024 : 1;
        if (rows < 1) throw new UsageError("--rows must be at least 1, got " + rows);
        List<Kernel> kernels = new ArrayList<>();
        int width = 0;
        for (String k : kernelList == null ? new String[]{null} : kernelList.split(",")) {
            Design d = DesignLoader.load(file, k == null ? null : k.trim());
            Compiled c = compiler.compile(d, flow);
            Program p = c.program();
            TracedProgram.requireLegal(p);
            kernels.add(new Kernel(d, c, p, Ports.group(d.network().inputNames()), Ports.group(d.network().outputNames())));
            width = Math.max(width, p.rowSize());
        }
        DeviceConfig config = device.config(rows, seed);
        if (device.runs() > 1) {
            repeated(kernels, random, inputs, rows, seed, json, device, out, log);
            return;
        }
        DeviceSession session = new DeviceSession(config.cols() == 0 ? config.withCols(width) : config);
        Map<String, BigInteger> given = random ? Map.of() : parseAll(inputs, kernels);
        preloadMems(session, given, kernels);
        List<Program> programs = new ArrayList<>();
        List<DeviceRun> runs = new ArrayList<>();
        long mismatches = 0;
        long[][] lastOutputs = null;
        for (int k = 0; k < kernels.size(); k++) {
            Kernel kn = kernels.get(k);
            Aig n = kn.design().network();
            long[][] netIn = random ? BitPlanes.random(n.numInputs(), rows, seed + k)
                    : BitPlanes.sameInEveryRow(nonMem(kn.inPorts()), values(given, kn.inPorts()), n.numInputs(), rows);
            long[][] progIn = reorder(n.inputNames(), netIn, names(kn.program().inputs()));
            // what the mem cells should hold before this kernel (it may overwrite them)
            long[][] intended = reorder(names(kn.program().inputs()), session.intendedInputs(kn.program(), progIn), n.inputNames());
            DeviceRun r = session.run(kn.program(), progIn);
            long[][] expected = AigSimulator.simulate(n, intended, BitPlanes.words(rows));
            long[][] got = reorder(names(kn.program().outputs()), r.outputs(), n.outputNames());
            mismatches += BitPlanes.mismatchedRows(got, expected, rows);
            programs.add(kn.program());
            runs.add(r);
            lastOutputs = got;
            if (!json) printResults(kn, kernels.size() > 1, intended, got, rows, random, out);
        }
        DeviceReport report = DeviceReport.of(session, programs, runs, 1);
        Kernel last = kernels.get(kernels.size() - 1);
        long cycles = 0;
        for (Program p : programs) cycles += p.stats().cycles();
        if (json) {
            StringBuilder names = new StringBuilder();
            for (Kernel k : kernels) names.append(names.length() == 0 ? "" : ",").append(k.design().name());
            Json j = new Json().put("kernel", names.toString()).put("target", last.program().target())
                    .put("rowSize", session.crossbar().cols()).put("rows", rows).put("engine", "device")
                    .put("cycles", cycles).put("cells", last.program().stats().cells());
            if (!random) j.put("outputs", PortValues.json(nonMem(last.outPorts()), lastOutputs, 0));
            j.put("mismatches", mismatches);
            out.println(report.appendTo(j));
            return;
        }
        if (random) {
            StringBuilder names = new StringBuilder();
            for (Kernel k : kernels) names.append(names.length() == 0 ? "" : ", ").append(k.design().name());
            log.println(names + ": " + rows + " row" + (rows == 1 ? "" : "s") + " of random inputs (seed " + seed + ") on the device engine");
        }
        for (Kernel k : kernels) log.println(Reports.summary(k.compiled()));
        out.println("mismatches " + mismatches + " (rows whose outputs differ from the reference evaluation, measured on the device)");
        out.println(report.text());
    }

    /**
     * One kernel's rows on stdout, as a functional run prints them; with several kernels (which share mem cells)
     * each kernel's outputs are named by its kernel, and mem cells, written or sensed, are left out.
     */
    private static void printResults(Kernel k, boolean several, long[][] in, long[][] got, int rows, boolean random, PrintWriter out) {
        List<Port> inPorts = nonMem(k.inPorts()), outPorts = nonMem(k.outPorts());
        if (several && !random) {
            out.println(k.design().name() + ": " + (outPorts.isEmpty() ? "(writes mem cells only)" : PortValues.text(outPorts, got, 0)));
            return;
        }
        if (several) out.println(k.design().name() + ":");
        PortValues.printRows(out, inPorts, in, outPorts, got, rows, random);
    }

    // --inputs @m[j]=v: the mem cell's contents before the first kernel (placed exactly, not written).
    private static void preloadMems(DeviceSession session, Map<String, BigInteger> given, List<Kernel> kernels) {
        for (Map.Entry<String, BigInteger> e : given.entrySet()) {
            MemCellId cell = MemCellId.parse(e.getKey()).orElse(null);
            if (cell == null) continue;
            for (Kernel k : kernels) {
                Port port = k.inPorts().stream().filter(p -> p.name().equals(e.getKey())).findFirst().orElse(null);
                if (port == null) continue;
                session.preload(k.program(), cell, port.width(), e.getValue().intValueExact());
                break;
            }
        }
    }

    // --runs N: one kernel without mem cells, repeated on one array with fresh random inputs each run.
    private static void repeated(List<Kernel> kernels, boolean random, String inputs, int rows, long seed, boolean json,
                                 DeviceOptions device, PrintWriter out, PrintWriter log) {
        Kernel kn = kernels.get(0);
        if (kernels.size() > 1 || kn.inPorts().stream().anyMatch(DeviceRunPath::isMem)
                || kn.outPorts().stream().anyMatch(DeviceRunPath::isMem)) {
            throw new UsageError("--runs repeats one kernel without mem cells (its inputs are random every run)");
        }
        if (!random) throw new UsageError("--runs draws fresh random inputs every run; leave out --inputs");
        DeviceRunner.Outcome o = DeviceRunner.run(kn.program(), null, null, rows, seed, device);
        if (json) {
            out.println(o.appendTo(new Json().put("kernel", kn.design().name()).put("target", kn.program().target())
                    .put("rows", rows).put("engine", "device").put("cycles", kn.program().stats().cycles())
                    .put("cells", kn.program().stats().cells())));
        } else {
            log.println(kn.design().name() + ": " + rows + " rows on the device engine, repeated");
            log.println(Reports.summary(kn.compiled()));
            out.println(o.text());
        }
    }

    // --inputs across several kernels: each item must name an input of some kernel; mem cells are sensed.
    private static Map<String, BigInteger> parseAll(String spec, List<Kernel> kernels) {
        Map<String, BigInteger> all = new HashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (Kernel k : kernels) {
            List<Port> ports = nonMem(k.inPorts());
            List<Port> mems = k.inPorts().stream().filter(DeviceRunPath::isMem).toList();
            Set<String> names = new LinkedHashSet<>();
            for (Port p : ports) names.add(p.name());
            List<String> mine = new ArrayList<>();
            for (String item : spec.split(",")) {
                String name = item.contains("=") ? item.substring(0, item.indexOf('=')).trim() : item.trim();
                if (names.contains(name)) {
                    mine.add(item);
                    used.add(name);
                }
                // a mem cell's initial contents: optional, parsed against its own port
                for (Port m : mems) {
                    if (m.name().equals(name) && !used.contains(name)) {
                        all.putAll(InputSpec.parse(item, List.of(m)));
                        used.add(name);
                    }
                }
            }
            all.putAll(InputSpec.parse(String.join(",", mine), ports));
            k.design().checkMemLevels(all);
        }
        for (String item : spec.split(",")) {
            String name = item.contains("=") ? item.substring(0, item.indexOf('=')).trim() : item.trim();
            if (!item.isBlank() && !used.contains(name)) {
                throw new UsageError("--inputs: no kernel input named '" + name + "'");
            }
        }
        return all;
    }

    private static Map<String, BigInteger> values(Map<String, BigInteger> given, List<Port> ports) {
        Map<String, BigInteger> v = new HashMap<>();
        for (Port p : nonMem(ports)) v.put(p.name(), given.get(p.name()));
        return v;
    }

    private static List<Port> nonMem(List<Port> ports) {
        return ports.stream().filter(p -> !isMem(p)).toList();
    }

    private static boolean isMem(Port p) { return MemCellId.isMemPort(p.name()); }

    private static List<String> names(List<IoBit> bits) { return bits.stream().map(IoBit::name).toList(); }

    /** Planes in the order of {@code to}, taken by name from planes in the order of {@code from}. */
    private static long[][] reorder(List<String> from, long[][] planes, List<String> to) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < from.size(); i++) at.put(from.get(i), i);
        long[][] out = new long[to.size()][];
        for (int i = 0; i < to.size(); i++) {
            Integer j = at.get(to.get(i));
            if (j == null) throw new IllegalStateException("the program and its network disagree on bit " + to.get(i));
            out[i] = planes[j];
        }
        return out;
    }
}
