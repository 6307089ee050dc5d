package kautz.lang.elab;

/**
 * One multi-level cell {@code m[j]} of a {@code mem m: mlc<L>[K]}. In a kernel's network, sensing it is a
 * group of inputs {@code @m[j][b]} and programming it a group of outputs with the same names, {@code b}
 * being a bit of the level (0 .. L-1, binary, bit 0 least significant).
 */
public record MemCell(String mem, int index, int levels) {
    /** Bits of a level: ceil(log2 L). */
    public int bits() { return bitsFor(levels); }

    /** The port name: {@code @m[j]}. */
    public String portName() { return "@" + mem + "[" + index + "]"; }

    public String bitName(int b) { return portName() + "[" + b + "]"; }

    public static int bitsFor(int levels) { return 32 - Integer.numberOfLeadingZeros(levels - 1); }

    /** Whether a bit-level network name belongs to a mem cell. */
    public static boolean isMemBit(String name) { return name.startsWith("@"); }
}
