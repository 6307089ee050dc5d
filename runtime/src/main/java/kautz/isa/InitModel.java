package kautz.isa;

/**
 * How initialisation cycles are counted (docs/isa.md).
 * <ul>
 *   <li>{@code BULK} (SIMPLER): one init op sets any set of cells in one cycle; the init ops before the
 *       first non-init op are the initial setting T0 and cost nothing.</li>
 *   <li>{@code SINGLE} (AritPIM/PyPIM): every initialised cell costs one cycle, T0 included.</li>
 * </ul>
 */
public enum InitModel {
    BULK, SINGLE;

    public String label() { return name().toLowerCase(); }

    public static InitModel parse(String s) {
        for (InitModel m : values()) if (m.label().equals(s)) return m;
        throw new IllegalArgumentException("unknown init model '" + s + "' (expected bulk or single)");
    }
}
