package kautz.ports;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bit {@code bit} (0 least significant) of the level held by a multi-level memory cell: network input
 * {@code @m[j][b]} senses it, network output {@code @m[j][b]} programs it, and a program's I/O bit of that
 * name is where the device engine moves it between the row and the cell.
 */
public record MemBit(MemCellId cell, int bit) {
    private static final Pattern BIT = Pattern.compile("^(@[^\\[\\]@]+\\[\\d{1,9}])\\[(\\d{1,9})]$");

    public MemBit {
        if (bit < 0) throw new IllegalArgumentException("negative bit " + bit + " of " + cell);
    }

    /** The bit-level name {@code @m[j][b]}. */
    public String name() { return Ports.bitName(cell.portName(), bit); }

    /** The mem bit a bit-level name {@code @m[j][b]} names; empty for any other name. */
    public static Optional<MemBit> parse(String name) {
        Matcher m = BIT.matcher(name);
        if (!m.matches()) return Optional.empty();
        return MemCellId.parse(m.group(1)).map(c -> new MemBit(c, Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() { return name(); }
}
