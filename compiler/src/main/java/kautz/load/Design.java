package kautz.load;

import com.google.common.collect.ImmutableSortedMap;
import kautz.mapped.MappedNetwork;
import kautz.network.Aig;

import java.util.Optional;

/**
 * What a user's file becomes for the rest of the flow: a logic network (always) and, for a gate-level
 * netlist kept gate for gate, its mapped form (so a scheduler can run on exactly that netlist).
 *
 * @param name     kernel name (the selected kernel of a .kz file, or the netlist's model/module name)
 * @param network  the logic network; input/output names follow {@code kautz.ports.Ports}
 * @param asMapped the netlist as mapped, when the file is a gate-level netlist
 * @param cellCounts for a gate-level netlist, its cells by type as written in the file (buf, zero and one
 *                 included), for {@code kautz stats}; empty otherwise
 * @param memLevels for a kernel, the levels of each multi-level cell it senses, by port name ({@code @m[j]}):
 *                 a given starting level must be below them
 */
public record Design(String name, Aig network, Optional<MappedNetwork> asMapped,
                     ImmutableSortedMap<String, Integer> cellCounts, ImmutableSortedMap<String, Integer> memLevels) {
    public Design(String name, Aig network, Optional<MappedNetwork> asMapped, ImmutableSortedMap<String, Integer> cellCounts) {
        this(name, network, asMapped, cellCounts, ImmutableSortedMap.of());
    }

    /** A design that is only a logic network. */
    public static Design ofNetwork(String name, Aig network) {
        return new Design(name, network, Optional.empty(), ImmutableSortedMap.of());
    }

    /** Refuses a starting level of a multi-level cell at or beyond its levels ({@code --inputs @m[0]=6} for mlc<5>). */
    public void checkMemLevels(java.util.Map<String, java.math.BigInteger> values) {
        for (var e : memLevels.entrySet()) {
            java.math.BigInteger v = values.get(e.getKey());
            if (v != null && v.compareTo(java.math.BigInteger.valueOf(e.getValue())) >= 0) {
                throw new kautz.diag.UsageError("--inputs: " + e.getKey() + "=" + v + " is beyond the " + e.getValue()
                        + " levels of the cell (0.." + (e.getValue() - 1) + ")");
            }
        }
    }
}
