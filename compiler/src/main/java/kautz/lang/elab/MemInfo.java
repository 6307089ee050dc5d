package kautz.lang.elab;

import kautz.ports.MemCellId;

/** A module-level {@code mem name: mlc<levels>[cells];} as declared. */
public record MemInfo(String name, int levels, int cells) {
    public int bitsPerCell() { return MemCellId.bitsFor(levels); }
}
