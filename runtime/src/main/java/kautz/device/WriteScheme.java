package kautz.device;

import kautz.diag.UsageError;
import kautz.diag.UserError;

/** How a multi-level cell is programmed: every scheme alternates programming pulses with verify reads. */
public enum WriteScheme {
    ISPP("ispp", "incremental step pulse programming: SET amplitude grows by a fixed step after each verify"),
    FIXED("fixed", "fixed-pulse program-and-verify: identical partial-SET pulses until the cell is in its window"),
    ADAPTIVE("adaptive", "adaptive step: the next amplitude step is proportional to the distance the verify read measured");

    private final String label;
    private final String description;

    WriteScheme(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() { return label; }
    public String description() { return description; }

    public static WriteScheme parse(String s) {
        for (WriteScheme w : values()) if (w.label.equalsIgnoreCase(s.trim())) return w;
        throw new UsageError("--write-scheme: unknown scheme '" + s + "' (expected ispp, fixed or adaptive)");
    }
}
