package kautz.isa;

/** One input or output bit of a program: its bit-level name ({@code a[3]}) and the cell that holds it. */
public record IoBit(String name, int cell) {
    public IoBit {
        if (cell < 0) throw new IllegalArgumentException("negative cell for " + name);
    }
}
