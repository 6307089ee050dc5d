package kautz.isa;

/**
 * Which ops may share a cycle in a partitioned row (PartitionPIM's three models; docs/isa.md, "Partitions").
 * <ul>
 *   <li>{@code UNLIMITED}: the ops of a cycle occupy pairwise disjoint partition intervals;</li>
 *   <li>{@code STANDARD}: as unlimited, and the logic ops share opcode, arity, the index within its partition of
 *       each operand, keep their inputs in one partition, and point in one direction;</li>
 *   <li>{@code MINIMAL}: as standard, and every op spans the same distance between its input and output
 *       partitions, and the input partitions are evenly spaced.</li>
 * </ul>
 */
public enum PartitionModel {
    UNLIMITED, STANDARD, MINIMAL;

    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static PartitionModel parse(String s) {
        for (PartitionModel m : values()) if (m.label().equals(s)) return m;
        throw new IllegalArgumentException("unknown partition model '" + s + "' (expected unlimited, standard or minimal)");
    }
}
