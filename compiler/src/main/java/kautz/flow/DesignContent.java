package kautz.flow;

import kautz.load.Design;
import kautz.network.Aig;

import java.util.Objects;

/**
 * A design compared by what it contains, not by where it came from: its name, its network node for node,
 * its netlist as mapped and its cell counts. Two loads of the same source (or of two files with the same
 * contents, or of a file and its imports unchanged) are equal; any change to what the flow reads is not.
 */
final class DesignContent {
    private final Design design;
    private final int hash;

    DesignContent(Design design) {
        this.design = design;
        this.hash = hash(design);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DesignContent d) || d.hash != hash) return false;
        Design a = design;
        Design b = d.design;
        return a == b || a.name().equals(b.name()) && a.network().sameStructure(b.network())
                && a.asMapped().equals(b.asMapped()) && a.cellCounts().equals(b.cellCounts());
    }

    @Override
    public int hashCode() { return hash; }

    private static int hash(Design d) {
        Aig n = d.network();
        int h = Objects.hash(d.name(), n.numInputs(), n.inputNames(), n.outputNames(), d.asMapped(), d.cellCounts());
        for (int v = n.firstAnd(); v < n.size(); v++) h = 31 * (31 * h + n.fanin0(v)) + n.fanin1(v);
        for (int o = 0; o < n.numOutputs(); o++) h = 31 * h + n.output(o);
        return h;
    }
}
