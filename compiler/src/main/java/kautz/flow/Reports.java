package kautz.flow;

import kautz.isa.Program;
import kautz.isa.ProgramStats;
import kautz.util.Json;

/** The report keys (docs/json.md) that describe a compiled program, shared by compile, run and bench reports. */
public final class Reports {
    private Reports() {}

    /** kernel, target, rowSize, gates, logicCycles, initCycles, cycles, cells, ioCycles, init, scheduler, asMapped, and resynthesis when a pass rebuilt the network. */
    public static Json program(Compiled c) { return program(c, -1); }

    /** As {@link #program(Compiled)}, with {@code rows} after {@code rowSize} (as docs/json.md orders them) when not negative. */
    public static Json program(Compiled c, int rows) {
        Program p = c.program();
        ProgramStats s = p.stats();
        Json j = new Json().put("kernel", p.kernel()).put("target", p.target()).put("rowSize", p.rowSize());
        if (rows >= 0) j.put("rows", rows);
        j.put("gates", s.gates()).put("logicCycles", s.logicCycles()).put("initCycles", s.initCycles())
                .put("cycles", s.cycles()).put("cells", s.cells()).put("ioCycles", s.ioCycles())
                .put("init", p.initModel().label()).put("scheduler", c.scheduler()).put("asMapped", c.asMapped());
        partitions(j, p);
        return c.resynthesised() ? j.put("resynthesis", c.resynthesis()) : j;
    }

    /**
     * The partition keys: {@code partitions} (how many), {@code partitionSpec} (their widths as in
     * {@code .partitions}), {@code model} and {@code parallelism} (gates per logic cycle).
     */
    public static Json partitions(Json j, Program p) {
        return j.put("partitions", p.partitions().count()).put("partitionSpec", p.partitions().toString())
                .put("model", p.model().label()).put("parallelism", p.stats().parallelism());
    }

    /** One line for people: the same counts as {@link #program}. */
    public static String summary(Compiled c) {
        Program p = c.program();
        ProgramStats s = p.stats();
        return p.kernel() + " on " + p.target() + (c.asMapped() ? " (netlist as mapped)" : "") + ", scheduler " + c.scheduler()
                + ", init " + p.initModel().label() + ": gates " + s.gates() + ", logic cycles " + s.logicCycles()
                + ", init cycles " + s.initCycles() + ", cycles " + s.cycles() + ", cells " + s.cells()
                + " (row size " + p.rowSize() + "), io cycles " + s.ioCycles() + partitionNote(p) + resynthesisNote(c);
    }

    /** The partitions, model and parallelism of a program on a divided row; empty for an undivided one. */
    public static String partitionNote(Program p) {
        return p.partitions().isSingle() ? "" : ", partitions " + p.partitions() + " (" + p.model().label()
                + "), parallelism " + String.format(java.util.Locale.ROOT, "%.2f", p.stats().parallelism());
    }

    /** Says when the program computes the source's function by a structure of its own. */
    public static String resynthesisNote(Compiled c) {
        return c.resynthesised() ? "; the network as given does not fit the row, so pass " + c.resynthesis()
                + " rebuilt it: the program computes the same function by a different structure"
                + " (its symmetry was recognised by simulation here; `kautz verify` proves the rebuilt network equal to the"
                + " source by a symmetry argument, docs/verify.md)" : "";
    }
}
