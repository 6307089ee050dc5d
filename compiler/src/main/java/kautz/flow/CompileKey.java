package kautz.flow;

import kautz.isa.InitModel;
import kautz.isa.PartitionModel;
import kautz.load.Design;
import kautz.schedule.Scheduler;
import kautz.target.Families;
import kautz.target.GateFamily;

import java.time.Duration;

/**
 * Everything {@link Flow#compile} reads, as values: two equal keys give the same program. The target is the
 * resolved family (a family file by its contents, not its path); the scheduler by name, the default one
 * resolved; the seed only when the scheduler uses it ({@link Scheduler#usesSeed}), so Monte Carlo trials
 * that differ only in their seed share one program.
 */
record CompileKey(DesignContent design, GateFamily family, String scheduler, RowSize rowSize, InitModel init,
                  Long seed, Duration budget, boolean remap, String script, PartitionLayout partitions, PartitionModel model) {

    /** Resolves the target and the scheduler as the flow will; their errors are the flow's own. */
    static CompileKey of(Design design, FlowOptions o) {
        GateFamily family = Families.resolve(o.target());
        Scheduler s = Flow.scheduler(o);
        return new CompileKey(new DesignContent(design), family, s.name(), o.rowSize(), o.init(),
                s.usesSeed() ? o.seed() : null, o.budget(), o.remap(), o.script(), o.partitions(), o.model());
    }
}
