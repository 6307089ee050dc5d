package kautz.ports;

import kautz.diag.UsageError;
import kautz.diag.UserError;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code --inputs a=5,b=0x7,c=-3} against a kernel's input ports. Every port must be given exactly once;
 * values must fit their width: 0 .. 2^w - 1, or a negative value down to -2^(w-1), given as its w-bit two's
 * complement. Errors are {@link UserError}s naming the port.
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
                String text = item.substring(eq + 1).trim();
                boolean negative = text.startsWith("-");
                try {
                    v = Ports.parseValue(negative ? text.substring(1) : text);
                } catch (NumberFormatException e) {
                    throw new UsageError("--inputs: '" + UserError.shown(text) + "' is not a number (decimal, 0x or 0b, with an optional '-')");
                }
                String bits = port.width() + " bit" + (port.width() == 1 ? "" : "s");
                if (negative) {
                    // Two's complement, as for a negative constant in the language: down to -2^(w-1).
                    if (v.signum() > 0 && v.subtract(BigInteger.ONE).bitLength() > port.width() - 1) {
                        throw new UsageError("--inputs: " + name + "=-" + v + " does not fit in " + bits + " (two's complement, down to -"
                                + BigInteger.ONE.shiftLeft(port.width() - 1) + ")");
                    }
                    v = v.signum() == 0 ? v : BigInteger.ONE.shiftLeft(port.width()).subtract(v);
                } else if (v.bitLength() > port.width()) {
                    throw new UsageError("--inputs: " + name + "=" + v + " does not fit in " + bits);
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
