package kautz.opt;

/**
 * An optimisation pass from a plugin jar: an implementation with a public no-argument constructor, named in the
 * jar's {@code META-INF/services/kautz.opt.PassProvider}, makes its pass usable in scripts ({@code --opt},
 * {@code kautz opt -p}) under {@link PassInfo#name()}; a built-in name wins.
 */
public interface PassProvider {
    PassInfo info();
}
