package kautz.sim;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.jit.JitEngine;

/** The registry of functional engines: one explicit list, selected by {@code --engine NAME}. */
public final class Engines {
    private Engines() {}

    /** The name of the engine used when none is given. */
    public static final String DEFAULT = "jit";

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
