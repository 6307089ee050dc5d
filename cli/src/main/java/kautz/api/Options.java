package kautz.api;

import kautz.diag.UserError;
import kautz.flow.FlowOptions;
import kautz.flow.RowSize;
import kautz.isa.InitModel;
import kautz.opt.Scripts;
import kautz.target.Families;

import java.time.Duration;

/**
 * How a design is compiled: the options of {@code kautz compile}, with the same names and defaults. Immutable;
 * {@link #set} returns a copy with one option changed, by its command-line name without the dashes.
 *
 * @param target        gate family: a built-in name, {@code magic-nor-K}, a plugin's family, or a family file
 * @param scheduler     scheduler name, or null for the default (the registry's first)
 * @param rowSize       row width in cells, {@code min}, or null for as wide as needed
 * @param init          {@code bulk} or {@code single}
 * @param seed          seed for randomised schedulers
 * @param opt           optimisation script before mapping, or {@code none}
 * @param remap         map a gate-level netlist again instead of scheduling its gates as written
 * @param consumeInputs let in-place gates overwrite input cells ({@code --consume-inputs})
 * @param exact         search the shortest IMPLY program of a tiny kernel ({@code --exact})
 * @param top           the kernel of a .kz file or the top module of a Verilog file, or null for the first
 */
public record Options(String target, String scheduler, String rowSize, String init, long seed, String opt,
                      boolean remap, boolean consumeInputs, boolean exact, String top) {
    /** The command line's defaults. */
    public static Options defaults() {
        return new Options(Families.DEFAULT, null, null, "bulk", 1, Scripts.DEFAULT, false, false, false, null);
    }

    /**
     * A copy with one option set from text, named as on the command line without dashes: {@code target},
     * {@code scheduler}, {@code row-size}, {@code init}, {@code seed}, {@code opt}, {@code remap},
     * {@code consume-inputs}, {@code exact}, {@code top} (or {@code kernel}). Underscores may stand for dashes.
     */
    public Options set(String name, String value) {
        String n = name.replace('_', '-');
        return switch (n) {
            case "target" -> new Options(value, scheduler, rowSize, init, seed, opt, remap, consumeInputs, exact, top);
            case "scheduler" -> new Options(target, value, rowSize, init, seed, opt, remap, consumeInputs, exact, top);
            case "row-size" -> new Options(target, scheduler, value, init, seed, opt, remap, consumeInputs, exact, top);
            case "init" -> new Options(target, scheduler, rowSize, value, seed, opt, remap, consumeInputs, exact, top);
            case "seed" -> new Options(target, scheduler, rowSize, init, number(n, value), opt, remap, consumeInputs, exact, top);
            case "opt" -> new Options(target, scheduler, rowSize, init, seed, value, remap, consumeInputs, exact, top);
            case "remap" -> new Options(target, scheduler, rowSize, init, seed, opt, flag(n, value), consumeInputs, exact, top);
            case "consume-inputs" -> new Options(target, scheduler, rowSize, init, seed, opt, remap, flag(n, value), exact, top);
            case "exact" -> new Options(target, scheduler, rowSize, init, seed, opt, remap, consumeInputs, flag(n, value), top);
            case "top", "kernel" -> new Options(target, scheduler, rowSize, init, seed, opt, remap, consumeInputs, exact, value);
            default -> throw new UserError("unknown option '" + name + "' (options: target, scheduler, row-size, init, seed,"
                    + " opt, remap, consume-inputs, exact, top)");
        };
    }

    /** The compiler's form of these options. */
    public FlowOptions flow() {
        InitModel model;
        try {
            model = InitModel.parse(init);
        } catch (IllegalArgumentException e) {
            throw new UserError("init: " + e.getMessage());
        }
        return new FlowOptions(target, scheduler, RowSize.parse(rowSize), model, seed, Duration.ofSeconds(2), remap, opt,
                consumeInputs, exact);
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UserError(name + ": expected an integer, got '" + value + "'");
        }
    }

    private static boolean flag(String name, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new UserError(name + ": expected true or false, got '" + value + "'");
        };
    }
}
