package kautz.ports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cell {@code index} of {@code mem m: mlc<L>[K]}, the identity by which the front end, the programs and the
 * device engine agree on a multi-level memory cell. Its port is named {@code @m[j]} (the {@code @} keeps it
 * apart from kernel parameters); its bits are {@link MemBit}s. The names are made and read only here.
 */
public record MemCellId(String mem, int index) {
    private static final Pattern PORT = Pattern.compile("^@([^\\[\\]@]+)\\[(\\d{1,9})]$");

    public MemCellId {
        if (mem.isEmpty() || mem.contains("[") || mem.contains("]") || mem.contains("@")) {
            throw new IllegalArgumentException("bad mem name '" + mem + "'");
        }
        if (index < 0) throw new IllegalArgumentException("negative mem index " + index);
    }

    /** The port name {@code @m[j]}. */
    public String portName() { return "@" + mem + "[" + index + "]"; }

    public MemBit bit(int b) { return new MemBit(this, b); }

    /** The cell a port name {@code @m[j]} names; empty for any other name. */
    public static Optional<MemCellId> parse(String portName) {
        Matcher m = PORT.matcher(portName);
        return m.matches() ? Optional.of(new MemCellId(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    /** Whether a port is a mem cell ({@code @m[j]}) rather than a kernel parameter. */
    public static boolean isMemPort(String portName) { return parse(portName).isPresent(); }

    /** Bits that hold one of {@code levels} levels: ceil(log2 levels). */
    public static int bitsFor(int levels) { return 32 - Integer.numberOfLeadingZeros(levels - 1); }

    @Override
    public String toString() { return portName(); }
}
