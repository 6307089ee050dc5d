package kautz.mapping;

import com.google.common.primitives.ImmutableIntArray;
import kautz.mapped.MappedNetwork;
import kautz.mapped.Primitives;
import kautz.network.Aig;
import kautz.network.Lit;
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
        return mapRooted(aig, family, name, consumeInputs).network();
    }

    /** The same mapping as {@link #map(Aig, GateFamily, String, boolean)}, with each gate's root in {@code aig}. */
    public static RootedMapping mapRooted(Aig aig, GateFamily family, String name, boolean consumeInputs) {
        FamilyGates gates = new FamilyGates(family);
        boolean nor = family.has(Primitives.NOR2) && family.has(Primitives.INV1);
        boolean nand = family.has(Primitives.NAND2);
        RootedMapping best = legal(PhaseMapper.map(aig, gates, name), family, consumeInputs);
        if (nor) best = cheaper(best, NorCutMapper.map(aig, name), family);
        for (FullAdders.Form form : FullAdders.Form.values()) {
            boolean usable = switch (form) {
                case NOR -> nor;
                case NAND -> nand;
                case MIN3 -> family.has(Primitives.MIN3);
            };
            if (!usable) continue;
            FullAdders.Rewritten adders = FullAdders.restructure(aig, form);
            if (adders.aig() == aig) break;
            best = cheaper(best, rootedIn(legal(PhaseMapper.map(adders.aig(), gates, name), family, consumeInputs), adders), family);
            if (nor && form == FullAdders.Form.NOR) best = cheaper(best, rootedIn(NorCutMapper.map(adders.aig(), name), adders), family);
        }
        return best;
    }

    /** A mapping of the rewritten network, rooted in the network it was rewritten from. */
    private static RootedMapping rootedIn(RootedMapping m, FullAdders.Rewritten rewritten) {
        int[] roots = m.roots().toArray();
        for (int v = 0; v < roots.length; v++) {
            int r = roots[v];
            if (r < 0) continue;
            int old = Lit.node(r) < rewritten.back().length ? rewritten.back()[Lit.node(r)] : RootedMapping.NONE;
            roots[v] = old < 0 ? RootedMapping.NONE : Lit.notIf(old, Lit.isComplement(r));
        }
        return new RootedMapping(m.network(), ImmutableIntArray.copyOf(roots));
    }

    private static RootedMapping legal(RootedMapping m, GateFamily family, boolean consumeInputs) {
        return family.has(Primitives.IMP2) ? InPlaceLegaliser.legalise(m, consumeInputs) : m;
    }

    /** The mapping of fewer cycles; of equal cycles, the one of less energy (when the family gives energies). */
    private static RootedMapping cheaper(RootedMapping a, RootedMapping b, GateFamily family) {
        long ca = cost(a.network(), family), cb = cost(b.network(), family);
        if (cb != ca) return cb < ca ? b : a;
        return energy(b.network(), family) < energy(a.network(), family) ? b : a;
    }

    static double energy(MappedNetwork m, GateFamily family) {
        double e = 0;
        for (MappedNetwork.Gate g : m.gates()) if (!g.primitive().isConstant()) e += family.implOf(g.primitive()).orElseThrow().energyPJ();
        return e;
    }

    /** Each gate's cost ({@link GateImpl#mapCost()}: cycles plus the init of a fresh cell, unless the family says). */
    static long cost(MappedNetwork m, GateFamily family) {
        long c = 0;
        for (MappedNetwork.Gate g : m.gates()) {
            if (g.primitive().isConstant()) continue;
            c += family.implOf(g.primitive()).orElseThrow().mapCost();
        }
        return c;
    }
}
