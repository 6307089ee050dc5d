package kautz.sim;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.jit.JitEngine;

/** The registry of functional engines: one explicit list, selected by {@code --engine NAME}. */
public final class Engines {
    private Engines() {}

    /**
     * The engine used when none is given. The interpreter: one command runs a program once, and then the
     * JIT's class generation and the JVM's compilation of the generated code cost more than they save
     * (docs/PERFORMANCE.md); the JIT pays off when a program runs many times (benchmarks, sweeps).
     */
    public static final String DEFAULT = "interp";

    public static ImmutableList<Engine> all() {
        return ImmutableList.of(new Interpreter(), new JitEngine());
    }

    public static Engine byName(String name) {
        StringBuilder known = new StringBuilder();
        for (Engine e : all()) {
            if (e.name().equals(name)) return e;
            known.append(known.length() == 0 ? "" : ", ").append(e.name());
        }
        throw new UserError("unknown engine '" + name + "' (known: " + known + ")");
    }
}
