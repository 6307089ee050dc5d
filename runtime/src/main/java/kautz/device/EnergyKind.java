package kautz.device;

/** What energy is spent on; the report splits energy by these and the parts sum to the total. */
public enum EnergyKind {
    /** Stateful-logic gates (nor, or, nand, and, imp, min3). */
    LOGIC,
    /** init0, init1 and false pulses, the initial setting included. */
    INIT,
    /** Writing input bits into the row and reading output bits out of it. */
    IO,
    /** Programming pulses of multi-level writes (prog, and stores to a mem). */
    PROGRAM,
    /** Verify reads between programming pulses. */
    VERIFY,
    /** Sensing multi-level cells (sense, and loads from a mem). */
    READ;

    public String key() { return name().toLowerCase(); }
}
