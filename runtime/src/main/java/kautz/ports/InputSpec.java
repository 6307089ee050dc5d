package kautz.ports;

import kautz.diag.UsageError;
import kautz.diag.UserError;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code --inputs a=5,b=0x7} against a kernel's input ports. Every port must be given exactly once;
 * values must fit their width. Errors are {@link UserError}s naming the port.
 */
public final class InputSpec {
    private InputSpec() {}

    public static Map<String, BigInteger> parse(String spec, List<Port> ports) {
        Map<String, Port> byName = new LinkedHashMap<>();
        for (Port p : ports) byName.put(p.name(), p);
        Map<String, BigInteger> values = new LinkedHashMap<>();
        if (!spec.isBlank()) {
            for (String item : spec.split(",")) {
                int eq = item.indexOf('=');
                if (eq <= 0) throw new UsageError("--inputs: '" + UserError.shown(item.trim()) + "' is not name=value");
                String name = item.substring(0, eq).trim();
                Port port = byName.get(name);
                if (port == null) throw new UsageError("--inputs: no input named '" + UserError.shown(name) + "' (inputs: " + String.join(", ", byName.keySet()) + ")");
                BigInteger v;
                try {
                    v = Ports.parseValue(item.substring(eq + 1));
                } catch (NumberFormatException e) {
                    throw new UsageError("--inputs: '" + UserError.shown(item.substring(eq + 1).trim()) + "' is not a non-negative number (decimal, 0x or 0b)");
                }
                if (v.bitLength() > port.width()) {
                    throw new UsageError("--inputs: " + name + "=" + v + " does not fit in " + port.width() + " bit" + (port.width() == 1 ? "" : "s"));
                }
                if (values.put(name, v) != null) throw new UsageError("--inputs: '" + UserError.shown(name) + "' is given twice");
            }
        }
        for (String name : byName.keySet()) {
            if (!values.containsKey(name)) throw new UsageError("--inputs: missing a value for '" + name + "'");
        }
        return values;
    }
}
