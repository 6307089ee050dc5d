package kautz.mapping;

import kautz.mapped.Primitive;
import kautz.mapped.Primitives;
import kautz.target.GateFamily;
import kautz.target.GateImpl;

/**
 * A gate family seen by the mapper: which AND-like gates it has at each fan-in, how it inverts, and what
 * each costs (logic cycles plus the init cycle of a fresh output cell).
 */
final class FamilyGates {
    /** The four ways an AND of leaves (or its complement) can be one gate. */
    enum Kind {
        /** n = NOR(¬leaves) */ NOR(0, true),
        /** n = AND(leaves) */ AND(0, false),
        /** ¬n = NAND(leaves) */ NAND(1, false),
        /** ¬n = OR(¬leaves) */ OR(1, true);

        final int phase;
        final boolean complementLeaves;

        Kind(int phase, boolean complementLeaves) {
            this.phase = phase;
            this.complementLeaves = complementLeaves;
        }

        Primitive primitive(int k) {
            return switch (this) {
                case NOR -> Primitives.nor(k);
                case AND -> Primitives.and(k);
                case NAND -> k == 1 ? Primitives.INV1 : Primitives.nand(k);
                case OR -> Primitives.or(k);
            };
        }
    }

    private final GateFamily family;
    /** cost[kind][k], or -1 when the family has no such gate. */
    private final int[][] cost = new int[Kind.values().length][7];
    final int maxFanin;
    final Primitive inverter;
    final int invCost;
    final int impCost;
    final int min3Cost;

    FamilyGates(GateFamily family) {
        this.family = family;
        int max = 2;
        for (Kind kind : Kind.values()) {
            for (int k = 2; k <= 6; k++) {
                cost[kind.ordinal()][k] = family.implOf(kind.primitive(k)).map(FamilyGates::costOf).orElse(-1);
                if (cost[kind.ordinal()][k] >= 0) max = Math.max(max, k);
            }
        }
        maxFanin = max;
        Primitive inv = null;
        int ic = -1;
        if (family.has(Primitives.INV1)) {
            inv = Primitives.INV1;
            ic = costOf(family.implOf(Primitives.INV1).orElseThrow());
        } else {
            for (int k = 2; k <= 6 && inv == null; k++) {
                for (Kind kind : new Kind[] {Kind.NOR, Kind.NAND}) {
                    if (inv == null && cost[kind.ordinal()][k] >= 0) {
                        inv = kind.primitive(k);
                        ic = cost[kind.ordinal()][k];
                    }
                }
            }
        }
        if (inv == null && family.has(Primitives.IMP2)) {
            inv = Primitives.IMP2;
            ic = costOf(family.implOf(Primitives.IMP2).orElseThrow()) + 1;
        }
        if (inv == null) throw new IllegalArgumentException("family " + family.name() + " cannot invert");
        inverter = inv;
        invCost = ic;
        impCost = family.implOf(Primitives.IMP2).map(g -> costOf(g) + 1).orElse(-1);
        min3Cost = family.implOf(Primitives.MIN3).map(FamilyGates::costOf).orElse(-1);
    }

    /** Cost of a kind of gate with k inputs, or -1 when the family lacks it. */
    int cost(Kind kind, int k) { return k < 2 || k > 6 ? -1 : cost[kind.ordinal()][k]; }

    GateFamily family() { return family; }

    private static int costOf(GateImpl g) { return g.mapCost(); }
}
