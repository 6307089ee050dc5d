package kautz.target;

import com.google.common.collect.ImmutableList;
import kautz.mapped.Primitive;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A gate family as data (issue 4): its name ({@code --target NAME}), a one-line description, and the
 * primitives it can execute with how each becomes micro-ops. Technology mapping produces a
 * {@link kautz.mapped.MappedNetwork} over these primitives (plus the constants {@code zero}/{@code one},
 * which every family realises with an init op); schedulers turn it into a program.
 */
public record GateFamily(String name, String description, ImmutableList<GateImpl> gates) {
    public GateFamily {
        Set<String> seen = new HashSet<>();
        for (GateImpl g : gates) {
            if (!seen.add(g.primitive().name())) throw new IllegalArgumentException("gate " + g.primitive().name() + " listed twice in " + name);
        }
    }

    public Optional<GateImpl> implOf(Primitive p) {
        for (GateImpl g : gates) if (g.primitive().equals(p)) return Optional.of(g);
        return Optional.empty();
    }

    public Optional<GateImpl> implOf(String primitiveName) {
        for (GateImpl g : gates) if (g.primitive().name().equals(primitiveName)) return Optional.of(g);
        return Optional.empty();
    }

    public boolean has(Primitive p) { return implOf(p).isPresent(); }
}
