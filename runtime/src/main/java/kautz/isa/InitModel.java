package kautz.isa;

/**
 * How initialisation cycles are counted (docs/isa.md).
 * <ul>
 *   <li>{@code BULK} (SIMPLER): one init op sets any set of cells in one cycle; the init cycles before the
 *       first cycle with another op are the initial setting T0 and cost nothing.</li>
 *   <li>{@code SINGLE} (AritPIM/PyPIM): one init op sets one cell of each partition it names per cycle, so it
 *       costs as many cycles as it sets cells in one partition; every initialisation counts, T0 included.</li>
 *   <li>{@code OP} (MultPIM, PartitionPIM): an init op is an op like any other: one cycle whatever it sets,
 *       none free.</li>
 * </ul>
 */
public enum InitModel {
    BULK, SINGLE, OP;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static InitModel parse(String s) {
        for (InitModel m : values()) if (m.label().equals(s)) return m;
        throw new IllegalArgumentException("unknown init model '" + s + "' (expected bulk, single or op)");
    }
}
