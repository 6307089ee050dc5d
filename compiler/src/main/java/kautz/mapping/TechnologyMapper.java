package kautz.mapping;

import kautz.mapped.MappedNetwork;
import kautz.network.Aig;
import kautz.target.GateFamily;

/** Technology mapping: a logic network becomes a gate-level network over one family's primitives. */
public final class TechnologyMapper {
    private TechnologyMapper() {}

    public static MappedNetwork map(Aig aig, GateFamily family, String name) {
        return PhaseMapper.map(aig, new FamilyGates(family), name);
    }
}
