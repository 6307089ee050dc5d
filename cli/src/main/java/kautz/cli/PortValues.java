package kautz.cli;

import kautz.ports.BitPlanes;
import kautz.ports.Port;
import kautz.util.Json;

import java.io.PrintWriter;
import java.util.List;

/** Port values of one row, as the commands print them: {@code a=5 b=7} in text, an object in JSON. */
final class PortValues {
    private PortValues() {}

    static Json json(List<Port> ports, long[][] planes, int row) {
        Json j = new Json();
        for (Port port : ports) j.put(port.name(), BitPlanes.get(planes, port, row));
        return j;
    }

    /** Rows shown of random inputs; the rest are counted. */
    static final int ROWS_SHOWN = 8;

    /**
     * The results of a run, as run and sim print them on stdout: with inputs given, the outputs of row 0 one
     * port a line ({@code sum=12}); with random inputs, the first rows' inputs and outputs and a count of the rest.
     */
    static void printRows(PrintWriter out, List<Port> inPorts, long[][] in, List<Port> outPorts, long[][] outputs,
                          int rows, boolean random) {
        if (!random) {
            for (Port p : outPorts) out.println(p.name() + "=" + BitPlanes.get(outputs, p, 0));
            return;
        }
        int shown = Math.min(rows, ROWS_SHOWN);
        for (int r = 0; r < shown; r++) {
            out.println("row " + r + ": " + text(inPorts, in, r) + (inPorts.isEmpty() ? "" : " ") + "-> " + text(outPorts, outputs, r));
        }
        if (shown < rows) out.println("… " + (rows - shown) + " more rows");
    }

    static String text(List<Port> ports, long[][] planes, int row) {
        StringBuilder sb = new StringBuilder();
        for (Port port : ports) {
            sb.append(sb.length() == 0 ? "" : " ").append(port.name()).append('=').append(BitPlanes.get(planes, port, row));
        }
        return sb.toString();
    }
}
