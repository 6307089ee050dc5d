package kautz.lang.elab;

import kautz.ports.MemBit;
import kautz.ports.MemCellId;

/**
 * One multi-level cell {@code m[j]} of a {@code mem m: mlc<L>[K]}. In a kernel's network, sensing it is a
 * group of inputs, one per {@link MemBit} of the level (0 .. L-1, binary, bit 0 least significant), and
 * programming it a group of outputs with the same names.
 */
public record MemCell(MemCellId id, int levels) {
    /** Bits of a level: ceil(log2 L). */
    public int bits() { return MemCellId.bitsFor(levels); }

    public String portName() { return id.portName(); }

    public String bitName(int b) { return id.bit(b).name(); }
}
