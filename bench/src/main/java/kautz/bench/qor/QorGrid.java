package kautz.bench.qor;

import com.google.common.collect.ImmutableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The committed quality-of-results tables and the grid of each (docs/PERFORMANCE.md, "Quality of results").
 * Each table is a file {@code bench/qor/NAME.tsv}. The grid is chosen so that the test recomputing all of it
 * stays within the build's time budget: the family sweep runs on every shared AIG and NOR-mapped netlist except
 * the six EPFL circuits above 20,000 ANDs, which are compiled once, at row 1024 with the default flow; their
 * family sweep is a table of its own, checked only on request ({@link Table#onRequest()}); the EPFL BLIF files
 * are the AIGs' circuits again and are left out.
 */
public final class QorGrid {
    private QorGrid() {}

    public static final List<String> FAMILIES = List.of("magic-nor", "magic-nor-3", "magic", "imply", "felix");
    public static final List<String> SCHEDULERS = List.of("live", "simpler", "topo");

    /** The 13 NOR2/INV1 netlists SIMPLER schedules, in REFERENCE.tsv's order. */
    public static final List<String> NOR_MAPPED = List.of("adder", "bar", "max", "sin", "arbiter", "cavlc", "ctrl", "dec",
            "int2float", "priority", "i2c", "router", "voter");

    /** The EPFL circuits whose compilation costs seconds to minutes each (over 20,000 AND nodes). */
    public static final List<String> EPFL_LARGE = List.of("div", "hyp", "log2", "multiplier", "sqrt", "mem_ctrl");

    public static final List<String> EPFL_SMALL = List.of("adder", "bar", "max", "sin", "square", "arbiter", "cavlc", "ctrl",
            "dec", "i2c", "int2float", "priority", "router", "voter");

    /**
     * A named table and its cases, in the order the file lists them.
     *
     * @param onRequest too slow for every build: recomputed only when named ({@code -Dqor.tables}) or with
     *                  {@code -Dqor.large=true}
     */
    public record Table(String name, String description, ImmutableList<QorCase> cases, boolean onRequest) {}

    public static List<Table> tables() {
        return List.of(simpler(), families(), epfl1024(), familiesLarge());
    }

    /** SIMPLER's netlists as mapped (magic-nor) with every scheduler at every row setting SIMPLER reports. */
    static Table simpler() {
        List<QorCase> cases = new ArrayList<>();
        for (String b : NOR_MAPPED) {
            for (String s : SCHEDULERS) {
                for (String row : List.of("unlimited", "min", "simpler", "512", "1024")) {
                    cases.add(new QorCase("nor-mapped/epfl/" + b + ".v", "magic-nor", s, row));
                }
            }
        }
        return new Table("simpler", "SIMPLER's NOR2/INV1 netlists, magic-nor as mapped: every scheduler at every row setting, SIMPLER beside", ImmutableList.copyOf(cases), false);
    }

    /** Every family on the shared files, default scheduler, row as wide as needed. */
    static Table families() {
        List<String> files = new ArrayList<>();
        for (String b : EPFL_SMALL) files.add("epfl/" + b + ".aig");
        for (String b : NOR_MAPPED) files.add("nor-mapped/epfl/" + b + ".v");
        files.add("nor-mapped/c17.v");
        files.add("nor-mapped/full_adder_1bit.v");
        List<QorCase> cases = new ArrayList<>();
        for (String f : files) for (String fam : FAMILIES) cases.add(new QorCase(f, fam, "live", "unlimited"));
        return new Table("families", "every built-in family on the shared files (EPFL AIGs below 20,000 ANDs and the NOR-mapped netlists), live, row as needed", ImmutableList.copyOf(cases), false);
    }

    /** The 20 EPFL circuits through the whole default flow at a 1024-cell row. */
    static Table epfl1024() {
        List<QorCase> cases = new ArrayList<>();
        for (String b : EPFL_SMALL) cases.add(new QorCase("epfl/" + b + ".aig", "magic-nor", "live", "1024"));
        for (String b : EPFL_LARGE) cases.add(new QorCase("epfl/" + b + ".aig", "magic-nor", "live", "1024"));
        return new Table("epfl1024", "the 20 EPFL circuits, default flow (magic-nor, live) at row 1024", ImmutableList.copyOf(cases), false);
    }

    /** Every family on the six EPFL circuits above 20,000 ANDs, default scheduler, row as wide as needed. */
    static Table familiesLarge() {
        List<QorCase> cases = new ArrayList<>();
        for (String b : EPFL_LARGE) for (String fam : FAMILIES) cases.add(new QorCase("epfl/" + b + ".aig", fam, "live", "unlimited"));
        return new Table("families-large", "every built-in family on the six EPFL AIGs above 20,000 ANDs, live, row as needed (checked on request: -Dqor.large=true)",
                ImmutableList.copyOf(cases), true);
    }
}
