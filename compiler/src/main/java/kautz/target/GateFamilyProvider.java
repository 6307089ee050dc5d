package kautz.target;

/**
 * A gate family from a plugin jar: an implementation with a public no-argument constructor, named in the jar's
 * {@code META-INF/services/kautz.target.GateFamilyProvider}, makes its family a {@code --target} name
 * ({@link Families#resolve}; a built-in name wins).
 */
public interface GateFamilyProvider {
    GateFamily family();
}
