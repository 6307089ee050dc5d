package kautz.opt;

import kautz.diag.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one list of built-in optimisation passes (a new built-in pass is added here and nowhere else), and
 * the passes of plugins: {@link PassProvider}s named in a jar's {@code META-INF/services/kautz.opt.PassProvider}.
 */
public final class Passes {
    private Passes() {}

    public static final List<PassInfo> ALL = List.of(
            StrashPass.INFO,
            CleanupPass.INFO,
            ConstPropPass.INFO,
            BalancePass.INFO,
            RewritePass.INFO,
            RefactorPass.INFO,
            ResubPass.INFO,
            SymmetricPass.INFO);

    /** The built-in passes, then those of plugins (a built-in name wins). */
    public static List<PassInfo> all() {
        List<PassInfo> all = new ArrayList<>(ALL);
        for (PassProvider plugin : ServiceLoader.load(PassProvider.class)) all.add(plugin.info());
        return List.copyOf(all);
    }

    public static Optional<PassInfo> find(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Creates a pass; unknown names and options are user errors naming what is accepted. */
    public static Pass create(String name, Map<String, String> options) {
        PassInfo info = find(name).orElseThrow(() -> new UserError("unknown pass '" + name + "' (passes: "
                + String.join(", ", all().stream().map(PassInfo::name).toList()) + "; scripts: default, resyn, resyn2, resyn2rs, strong)"));
        for (String key : options.keySet()) {
            if (info.options().stream().noneMatch(o -> o.key().equals(key))) {
                throw new UserError("pass '" + name + "' has no option '" + key + "'"
                        + (info.options().isEmpty() ? " (it takes none)" : " (options: "
                        + String.join(", ", info.options().stream().map(PassInfo.Option::key).toList()) + ")"));
            }
        }
        return info.factory().apply(options);
    }

    /** An integer option within bounds, else its default. */
    static int intOption(String pass, Map<String, String> options, String key, int def, int min, int max) {
        String v = options.get(key);
        if (v == null) return def;
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) throw new NumberFormatException();
            return x;
        } catch (NumberFormatException e) {
            throw new UserError("pass '" + pass + "': option " + key + " must be an integer in " + min + ".." + max + ", got '" + v + "'");
        }
    }
}
