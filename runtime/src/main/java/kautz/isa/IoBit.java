package kautz.isa;

import kautz.ports.MemBit;

import java.util.Optional;

/** One input or output bit of a program: its bit-level name ({@code a[3]}) and the cell that holds it. */
public record IoBit(String name, int cell) {
    public IoBit {
        if (cell < 0) throw new IllegalArgumentException("negative cell for " + name);
    }

    /** The mem-cell bit this I/O bit moves between the row and a multi-level cell, if it is one. */
    public Optional<MemBit> memBit() { return MemBit.parse(name); }
}
