package kautz.cli;

import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.ports.BitPlanes;
import kautz.ports.Port;
import kautz.flow.Reports;
import kautz.sim.RowTrace;
import kautz.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code kautz trace FILE}: a cycle-by-cycle table of one row, for teaching and debugging small programs. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        header = "Show op by op what one crossbar row computes.",
        description = {
                "Show, op by op, what one crossbar row computes: each micro-op, its cycles, the cells it reads",
                "and the cells it writes with their old and new values. FILE is a Kautz source, a netlist (compiled",
                "with the --target/--scheduler/... options) or an assembled .kasm. Best for small programs; use",
                "--vcd for a waveform or `kautz viz` for a page that steps through the row.",
                "",
                "Example: ./kautz trace samples/add8.kz --inputs a=5,b=7"})
public final class TraceCommand implements Runnable {
    /** Writes shown per op before the list is shortened (init ops may set hundreds of cells). */
    private static final int MAX_LISTED = 8;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a .kz source, a netlist, or an assembled .kasm program")
    Path file;

    @Mixin FlowMixin flow = new FlowMixin();

    @Option(names = "--inputs", paramLabel = "random|a=5,b=7",
            description = "the row's input values (decimal, 0x or 0b), or random (default: ${DEFAULT-VALUE})")
    String inputs = "random";

    @Option(names = "--rows", paramLabel = "N", description = "how many rows to trace, one table each (default: ${DEFAULT-VALUE}, at most 8)")
    int rows = 1;

    @Option(names = "--limit", paramLabel = "OPS", description = "show at most this many ops per row (default: ${DEFAULT-VALUE})")
    int limit = 5000;

    @Mixin VcdOption vcd = new VcdOption();

    @Option(names = "--json", description = "print one JSON object per row (JSON lines; keys: docs/json.md) instead of tables")
    boolean json;

    @Override
    public void run() {
        if (rows < 1 || rows > 8) throw new UsageError("--rows must be between 1 and 8, got " + rows);
        if (limit < 1) throw new UsageError("--limit must be at least 1, got " + limit);
        PrintWriter out = spec.commandLine().getOut();
        TracedProgram tp = TracedProgram.load(file, flow, inputs, rows, flow.seed);
        long[][] reference = tp.referenceOutputs();
        List<Port> inPorts = tp.inPorts();
        List<Port> outPorts = tp.outPorts();
        var p = tp.program();
        for (int row = 0; row < rows; row++) {
            RowTrace t = tp.trace(row);
            long[][] got = TracedProgram.planesOf(t.outputs());
            long[][] want = null;
            if (reference != null) {
                want = new long[reference.length][1];
                for (int o = 0; o < want.length; o++) want[o][0] = reference[o][row >>> 6] >>> (row & 63) & 1;
            }
            if (json) {
                out.println(json(tp, t, row, got, want));
                continue;
            }
            out.println("kernel " + p.kernel() + " (target " + p.target() + ", init " + p.initModel().label() + ", "
                    + t.initial().size() + " cells), row " + row + ": " + PortValues.text(inPorts, tp.inputs(), row));
            if (!p.partitions().isSingle()) {
                cycles(out, t, p);
            } else {
            out.printf("%5s %6s  %-28s %-30s %s%n", "step", "cycle", "op", "reads", "writes (old->new)");
            int shown = 0;
            for (RowTrace.Step s : t.steps()) {
                if (shown++ == limit) {
                    out.println("  ... " + (t.steps().size() - limit) + " more ops not shown (--limit)");
                    break;
                }
                out.printf("%5d %6d  %-28s %-30s %s%n", s.index(), s.elapsed(), shorten(s.op().toString()), reads(s), writes(s));
            }
            }
            out.print("outputs: " + PortValues.text(outPorts, got, 0));
            if (want != null) {
                boolean match = BitPlanes.mismatchedRows(got, want, 1) == 0;
                out.print(match ? "  (matches the source)" : "  MISMATCH: the source gives " + PortValues.text(outPorts, want, 0));
            }
            out.println();
            if (row + 1 < rows) out.println();
        }
        vcd.writeIfRequested(p, tp.inputs(), spec.commandLine().getErr());
    }

    /** One row's trace: the program, the row's inputs, every op (up to --limit) with its reads and writes, the outputs. */
    private Json json(TracedProgram tp, RowTrace t, int row, long[][] got, long[][] want) {
        var p = tp.program();
        List<Json> steps = new ArrayList<>();
        for (RowTrace.Step s : t.steps()) {
            if (steps.size() == limit) break;
            List<Json> reads = new ArrayList<>();
            for (RowTrace.CellValue v : s.reads()) reads.add(new Json().put("cell", v.cell()).put("value", v.value() ? 1 : 0));
            List<Json> writes = new ArrayList<>();
            for (RowTrace.CellChange ch : s.writes()) {
                writes.add(new Json().put("cell", ch.cell()).put("before", ch.before() ? 1 : 0).put("after", ch.after() ? 1 : 0));
            }
            Json step = new Json().put("step", s.index()).put("op", s.op().toString()).put("cycles", s.cycles())
                    .put("elapsed", s.elapsed()).put("reads", reads).put("writes", writes);
            if (!p.partitions().isSingle()) {
                int[] span = kautz.isa.PartitionRules.occupied(s.op(), p.partitions());
                step.put("partitions", List.of(span[0], span[1]));
            }
            steps.add(step);
        }
        Json j = new Json().put("kernel", p.kernel()).put("target", p.target()).put("init", p.initModel().label())
                .put("cells", t.initial().size()).put("row", row).put("inputs", PortValues.json(tp.inPorts(), tp.inputs(), row))
                .put("steps", steps).put("more", t.steps().size() - steps.size()).put("outputs", PortValues.json(tp.outPorts(), got, 0));
        Reports.partitions(j, p);
        if (want != null) j.put("matches", BitPlanes.mismatchedRows(got, want, 1) == 0);
        return j;
    }

    /**
     * A partitioned program, one line per cycle: the ops of the cycle side by side, each with the partitions it
     * occupies, then what they wrote.
     */
    private void cycles(PrintWriter out, RowTrace t, kautz.isa.Program p) {
        kautz.isa.Partitions parts = p.partitions();
        StringBuilder layout = new StringBuilder();
        for (int q = 0; q < parts.count(); q++) {
            layout.append(q == 0 ? "" : ", ").append('P').append(q).append(' ').append(parts.start(q)).append("..")
                    .append(parts.start(q) + parts.width(q) - 1);
        }
        out.println("partitions " + parts + " (" + p.model().label() + " model): " + layout);
        out.printf("%5s %6s  %s%n", "#", "cycles", "ops of the cycle side by side (partitions they occupy)   writes (old->new)");
        for (int c = 0; c < p.cycleCount() && c < limit; c++) {
            StringBuilder ops = new StringBuilder();
            StringBuilder w = new StringBuilder();
            long elapsed = 0;
            for (int i = p.cycleStart(c); i < p.cycleEnd(c); i++) {
                RowTrace.Step s = t.steps().get(i);
                int[] span = kautz.isa.PartitionRules.occupied(s.op(), parts);
                ops.append(ops.length() == 0 ? "" : " | ").append('P').append(span[0]).append(span[1] == span[0] ? "" : "-P" + span[1])
                        .append(": ").append(shorten(s.op().toString()));
                String ws = writes(s);
                if (!ws.isEmpty()) w.append(w.length() == 0 ? "" : " ").append(ws);
                elapsed = Math.max(elapsed, s.elapsed());
            }
            out.printf("%5d %6d  %s   %s%n", c + 1, elapsed, ops, w);
        }
        if (p.cycleCount() > limit) out.println("  ... " + (p.cycleCount() - limit) + " more cycles not shown (--limit)");
    }

    private static String shorten(String op) { return op.length() <= 28 ? op : op.substring(0, 24) + " ..."; }

    private static String reads(RowTrace.Step s) {
        if (s.reads().isEmpty()) return "-";
        StringBuilder b = new StringBuilder();
        for (RowTrace.CellValue v : s.reads()) b.append(b.length() == 0 ? "" : " ").append('c').append(v.cell()).append('=').append(v.value() ? 1 : 0);
        return b.toString();
    }

    private static String writes(RowTrace.Step s) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (RowTrace.CellChange ch : s.writes()) {
            if (n++ == MAX_LISTED) {
                b.append(" ... (+").append(s.writes().size() - MAX_LISTED).append(" cells)");
                break;
            }
            b.append(b.length() == 0 ? "" : " ").append('c').append(ch.cell()).append(' ')
                    .append(ch.before() ? 1 : 0).append("->").append(ch.after() ? 1 : 0);
        }
        return b.toString();
    }
}
