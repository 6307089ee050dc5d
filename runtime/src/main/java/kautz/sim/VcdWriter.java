package kautz.sim;

import com.google.common.collect.ImmutableList;
import kautz.isa.IoBit;
import kautz.ports.Port;
import kautz.ports.Ports;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RowTrace} as a Value Change Dump for GTKWave or Surfer. Time unit: one micro-op (op {@code i}
 * takes effect at time {@code i+1}; time 0 is the row after loading the inputs). Scopes: {@code cells}
 * (one 1-bit wire per cell, {@code cell7}), {@code ports} (each input and output port as a vector, read
 * from its cells), and {@code step}: the op as a string and the elapsed cycles as an integer.
 * As GTKWave and Surfer read it: vectors as {@code b0101 id}, {@code $dumpvars} at {@code #0}, no byte-order mark.
 */
public final class VcdWriter {
    private VcdWriter() {}

    public static String write(RowTrace trace) {
        int cells = trace.initial().size();
        List<String> cellId = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < cells; i++) cellId.add(id(next++));
        List<PortVar> ports = new ArrayList<>();
        next = addPorts(trace.program().inputs(), "in_", ports, next);
        next = addPorts(trace.program().outputs(), "out_", ports, next);
        String opId = id(next++);
        String cycleId = id(next);

        StringBuilder sb = new StringBuilder();
        sb.append("$version Kautz row trace $end\n");
        sb.append("$comment kernel ").append(trace.program().kernel()).append(", target ").append(trace.program().target())
                .append("; one time unit per micro-op $end\n");
        sb.append("$timescale 1ns $end\n");
        sb.append("$scope module row $end\n");
        sb.append("$scope module cells $end\n");
        String[] labels = trace.cellLabels();
        for (int i = 0; i < cells; i++) {
            sb.append("$var wire 1 ").append(cellId.get(i)).append(" cell").append(i).append(" $end\n");
        }
        sb.append("$upscope $end\n$scope module ports $end\n");
        for (PortVar p : ports) {
            sb.append("$var wire ").append(p.cells.size()).append(' ').append(p.id).append(' ').append(p.name).append(" $end\n");
        }
        sb.append("$upscope $end\n$scope module step $end\n");
        sb.append("$var string 1 ").append(opId).append(" op $end\n");
        sb.append("$var integer 32 ").append(cycleId).append(" cycles $end\n");
        sb.append("$upscope $end\n$upscope $end\n");
        for (int i = 0; i < cells; i++) {
            if (!labels[i].isEmpty()) sb.append("$comment cell").append(i).append(" holds ").append(labels[i]).append(" $end\n");
        }
        sb.append("$enddefinitions $end\n");

        boolean[] value = trace.cellsAfter(-1);
        sb.append("#0\n$dumpvars\n");
        for (int i = 0; i < cells; i++) sb.append(value[i] ? '1' : '0').append(cellId.get(i)).append('\n');
        for (PortVar p : ports) sb.append(p.value(value)).append(' ').append(p.id).append('\n');
        sb.append("s(load) ").append(opId).append('\n');
        sb.append("b0 ").append(cycleId).append('\n');
        sb.append("$end\n");
        for (RowTrace.Step s : trace.steps()) {
            boolean[] before = value.clone();
            for (RowTrace.CellChange ch : s.writes()) value[ch.cell()] = ch.after();
            sb.append('#').append(s.index() + 1).append('\n');
            for (RowTrace.CellChange ch : s.writes()) {
                if (ch.changed()) sb.append(ch.after() ? '1' : '0').append(cellId.get(ch.cell())).append('\n');
            }
            for (PortVar p : ports) {
                String now = p.value(value);
                if (!now.equals(p.value(before))) sb.append(now).append(' ').append(p.id).append('\n');
            }
            sb.append('s').append(s.op().toString().replace(" ", "_").replace(",", "")).append(' ').append(opId).append('\n');
            sb.append('b').append(Long.toBinaryString(s.elapsed())).append(' ').append(cycleId).append('\n');
        }
        sb.append('#').append(trace.steps().size() + 1).append('\n');
        return sb.toString();
    }

    private record PortVar(String name, String id, List<Integer> cells) {
        String value(boolean[] v) {
            StringBuilder b = new StringBuilder("b");
            for (int i = cells.size() - 1; i >= 0; i--) b.append(v[cells.get(i)] ? '1' : '0');
            return b.toString();
        }
    }

    private static int addPorts(ImmutableList<IoBit> bits, String prefix, List<PortVar> out, int next) {
        List<String> names = new ArrayList<>();
        for (IoBit b : bits) names.add(b.name());
        for (Port p : Ports.group(names)) {
            List<Integer> cells = new ArrayList<>();
            for (int pos : p.positions()) cells.add(bits.get(pos).cell());
            out.add(new PortVar(prefix + sanitize(p.name()), id(next++), cells));
        }
        return next;
    }

    /** VCD reference names may not contain spaces; brackets would read as a bit select. */
    static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_$]", "_");
    }

    /** Short identifiers from the printable ASCII range 33..126, as VCD allows. */
    static String id(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) (33 + n % 94));
            n /= 94;
        } while (n > 0);
        return b.toString();
    }
}
