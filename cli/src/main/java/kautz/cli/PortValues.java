package kautz.cli;

import kautz.ports.BitPlanes;
import kautz.ports.Port;
import kautz.util.Json;

import java.util.List;

/** Port values of one row, as the commands print them: {@code a=5 b=7} in text, an object in JSON. */
final class PortValues {
    private PortValues() {}

    static Json json(List<Port> ports, long[][] planes, int row) {
        Json j = new Json();
        for (Port port : ports) j.put(port.name(), BitPlanes.get(planes, port, row));
        return j;
    }

    static String text(List<Port> ports, long[][] planes, int row) {
        StringBuilder sb = new StringBuilder();
        for (Port port : ports) {
            sb.append(sb.length() == 0 ? "" : " ").append(port.name()).append('=').append(BitPlanes.get(planes, port, row));
        }
        return sb.toString();
    }
}
