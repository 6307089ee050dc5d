package kautz.device;

import kautz.diag.UsageError;
import kautz.diag.UserError;

/**
 * How cells are selected in the crossbar. It decides how much sneak-path current a read sees
 * ({@link SneakPathModel}): none behind an access transistor, a little behind a non-linear selector, all of
 * it in a passive array.
 */
public enum ArrayType {
    ONE_T_ONE_R("1t1r", "one transistor per cell: unselected cells are cut off, no sneak current"),
    ONE_S_ONE_R("1s1r", "a two-terminal selector per cell: sneak current divided by the selector's non-linearity"),
    PASSIVE("passive", "bare crossbar: reads see sneak paths through unselected cells");

    private final String label;
    private final String description;

    ArrayType(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() { return label; }
    public String description() { return description; }

    public static ArrayType parse(String s) {
        for (ArrayType t : values()) if (t.label.equalsIgnoreCase(s.trim())) return t;
        throw new UsageError("--array: unknown array type '" + s + "' (expected 1t1r, 1s1r or passive)");
    }
}
