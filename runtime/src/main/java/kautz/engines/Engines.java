package kautz.engines;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.isa.Program;
import kautz.jit.JitEngine;
import kautz.sim.Engine;
import kautz.sim.Interpreter;

/** The registry of functional engines: one explicit list, selected by {@code --engine NAME}. */
public final class Engines {
    private Engines() {}

    /**
     * The engine used when none is given: {@value #AUTO}, which picks per run (see {@link #select}). One
     * command runs a program once, so below about 1e9 row-op evaluations the JIT's class generation and the
     * JVM's compilation of the generated code cost more than they save, and the interpreter runs; above it
     * the JIT does (docs/PERFORMANCE.md, "Default engine").
     */
    public static final String DEFAULT = "auto";

    /** The name that lets {@link #select} choose by the size of the run. */
    public static final String AUTO = "auto";

    /**
     * Ops × rows from which {@value #AUTO} picks the JIT: measured break-even of one `kautz sim` of EPFL sin
     * (7,919 ops), between 65,536 rows (interpreter ahead) and 262,144 rows (JIT ahead) in user + system CPU.
     */
    public static final long AUTO_JIT_ROW_OPS = 1_000_000_000L;

    public static ImmutableList<Engine> all() {
        return ImmutableList.of(new Interpreter(), new JitEngine());
    }

    /** The engine for one run of {@code program} on {@code rows} rows: {@link #byName}, or the choice of {@value #AUTO}. */
    public static Engine select(String name, Program program, long rows) {
        if (!name.equals(AUTO)) return byName(name);
        return byName((long) program.ops().size() * rows >= AUTO_JIT_ROW_OPS ? JitEngine.NAME : Interpreter.NAME);
    }

    /** Rejects an unknown name early (before a long compile), {@value #AUTO} included as known. */
    public static void check(String name) {
        if (!name.equals(AUTO)) byName(name);
    }

    public static Engine byName(String name) {
        StringBuilder known = new StringBuilder(AUTO);
        for (Engine e : all()) {
            if (e.name().equals(name)) return e;
            known.append(", ").append(e.name());
        }
        throw new kautz.diag.UsageError("--engine: unknown engine '" + name + "' (known: " + known + ")");
    }
}
