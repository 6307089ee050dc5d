package kautz.mapping;

import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import kautz.network.Aig;
import kautz.target.GateFamily;

/** Technology mapping: a logic network becomes a gate-level network over one family's primitives. */
public final class TechnologyMapper {
    private TechnologyMapper() {}

    public static MappedNetwork map(Aig aig, GateFamily family, String name) {
        MappedNetwork structural = PhaseMapper.map(aig, new FamilyGates(family), name);
        if (family.has(Primitives.IMP2)) structural = InPlaceLegaliser.legalise(structural);
        if (!family.has(Primitives.NOR2) || !family.has(Primitives.INV1)) return structural;
        MappedNetwork best = smaller(structural, NorCutMapper.map(aig, name));
        Aig adders = FullAdders.restructure(aig);
        if (adders != aig) {
            best = smaller(best, PhaseMapper.map(adders, new FamilyGates(family), name));
            best = smaller(best, NorCutMapper.map(adders, name));
        }
        return best;
    }

    private static MappedNetwork smaller(MappedNetwork a, MappedNetwork b) {
        return b.gates().size() < a.gates().size() ? b : a;
    }
}
