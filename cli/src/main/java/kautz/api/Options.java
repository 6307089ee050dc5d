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
 * @param partitions    how the row is divided ({@code --partitions}: {@code KxW}, {@code W1,W2,…} or {@code K}), or
 *                      null for one undivided row (docs/partitions.md)
 * @param model         which ops may share a cycle on a divided row: {@code unlimited}, {@code standard} or {@code minimal}
 */
public record Options(String target, String scheduler, String rowSize, String init, long seed, String opt,
                      boolean remap, boolean consumeInputs, boolean exact, String top, String partitions, String model) {
    /** The command line's defaults. */
    public static Options defaults() {
        return new Options(Families.DEFAULT, null, null, "bulk", 1, Scripts.DEFAULT, false, false, false, null, null, "unlimited");
    }

    /**
     * A copy with one option set from text, named as on the command line without dashes: {@code target},
     * {@code scheduler}, {@code row-size}, {@code init}, {@code seed}, {@code opt}, {@code remap},
     * {@code consume-inputs}, {@code exact}, {@code top} (or {@code kernel}), {@code partitions}, {@code model}.
     * Underscores may stand for dashes.
     */
    public Options set(String name, String value) {
        String n = name.replace('_', '-');
        String t = target, sc = scheduler, rs = rowSize, in = init, op = opt, tp = top, pa = partitions, mo = model;
        long se = seed;
        boolean re = remap, ci = consumeInputs, ex = exact;
        switch (n) {
            case "target" -> t = value;
            case "scheduler" -> sc = value;
            case "row-size" -> rs = value;
            case "init" -> in = value;
            case "seed" -> se = number(n, value);
            case "opt" -> op = value;
            case "remap" -> re = flag(n, value);
            case "consume-inputs" -> ci = flag(n, value);
            case "exact" -> ex = flag(n, value);
            case "top", "kernel" -> tp = value;
            case "partitions" -> pa = value;
            case "model" -> mo = value;
            default -> throw new UserError("unknown option '" + name + "' (options: target, scheduler, row-size, init, seed,"
                    + " opt, remap, consume-inputs, exact, top, partitions, model)");
        }
        return new Options(t, sc, rs, in, se, op, re, ci, ex, tp, pa, mo);
    }

    /** The compiler's form of these options. */
    public FlowOptions flow() {
        InitModel initModel;
        try {
            initModel = InitModel.parse(init);
        } catch (IllegalArgumentException e) {
            throw new UserError("init: " + e.getMessage());
        }
        return new FlowOptions(target, scheduler, RowSize.parse(rowSize), initModel, seed, Duration.ofSeconds(2), remap, opt,
                consumeInputs, exact).withPartitions(partitions, model);
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
