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
 */
public record Design(String name, Aig network, Optional<MappedNetwork> asMapped,
                     ImmutableSortedMap<String, Integer> cellCounts) {
    /** A design that is only a logic network. */
    public static Design ofNetwork(String name, Aig network) {
        return new Design(name, network, Optional.empty(), ImmutableSortedMap.of());
    }
}
