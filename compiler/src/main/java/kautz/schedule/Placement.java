package kautz.schedule;

import com.google.common.primitives.ImmutableIntArray;

/**
 * What a scheduler decides: the order in which canonical gates run and the cell each node occupies
 * ({@code cells.get(node)}; inputs hold their own index, unscheduled nodes -1). The {@link Emitter} turns
 * it into micro-ops, adding every initialisation the gates need.
 */
public record Placement(ImmutableIntArray order, ImmutableIntArray cells) {
    public static Placement of(int[] order, int[] cells) {
        return new Placement(ImmutableIntArray.copyOf(order), ImmutableIntArray.copyOf(cells));
    }
}
