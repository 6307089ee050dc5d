package kautz.mapping;

import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import kautz.network.Aig;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

/**
 * Technology mapping: a logic network becomes a gate-level network over one family's primitives. Several
 * mappers run (structural with phases for every family; cut-based NOR formulas for families with NOR2 and
 * NOT; both again on the network with its full adders in nine-gate form, or as three majorities for
 * families with Min3) and the cheapest result is kept,
 * cost being the family's cycles per gate plus the init of its output cell.
 */
public final class TechnologyMapper {
    private TechnologyMapper() {}

    public static MappedNetwork map(Aig aig, GateFamily family, String name) {
        return map(aig, family, name, false);
    }

    /**
     * As {@link #map(Aig, GateFamily, String)}; with {@code consumeInputs} an in-place gate may also overwrite an
     * input after its other readers (schedule the result with {@code ScheduleOptions.consumeInputs} too).
     */
    public static MappedNetwork map(Aig aig, GateFamily family, String name, boolean consumeInputs) {
        FamilyGates gates = new FamilyGates(family);
        boolean nor = family.has(Primitives.NOR2) && family.has(Primitives.INV1);
        boolean nand = family.has(Primitives.NAND2);
        MappedNetwork best = legal(PhaseMapper.map(aig, gates, name), family, consumeInputs);
        if (nor) best = cheaper(best, NorCutMapper.map(aig, name), family);
        for (FullAdders.Form form : FullAdders.Form.values()) {
            boolean usable = switch (form) {
                case NOR -> nor;
                case NAND -> nand;
                case MIN3 -> family.has(Primitives.MIN3);
            };
            if (!usable) continue;
            Aig adders = FullAdders.restructure(aig, form);
            if (adders == aig) break;
            best = cheaper(best, legal(PhaseMapper.map(adders, gates, name), family, consumeInputs), family);
            if (nor && form == FullAdders.Form.NOR) best = cheaper(best, NorCutMapper.map(adders, name), family);
        }
        return best;
    }

    private static MappedNetwork legal(MappedNetwork m, GateFamily family, boolean consumeInputs) {
        return family.has(Primitives.IMP2) ? InPlaceLegaliser.legalise(m, consumeInputs) : m;
    }

    private static MappedNetwork cheaper(MappedNetwork a, MappedNetwork b, GateFamily family) {
        return cost(b, family) < cost(a, family) ? b : a;
    }

    /** Cycles of the gates plus one init per gate that needs a fresh cell. */
    static long cost(MappedNetwork m, GateFamily family) {
        long c = 0;
        for (MappedNetwork.Gate g : m.gates()) {
            if (g.primitive().isConstant()) continue;
            GateImpl impl = family.implOf(g.primitive()).orElseThrow();
            c += impl.cycles() + impl.initCycles();
        }
        return c;
    }
}
