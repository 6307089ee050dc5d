package kautz.target;

import com.google.common.collect.ImmutableList;
import kautz.diag.UsageError;
import kautz.diag.UserError;
import kautz.isa.Opcode;
import kautz.mapped.Primitive;
import kautz.mapped.Primitives;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in gate families, one explicit list, and the lookup behind {@code --target}: a built-in name,
 * a plugin's family ({@link GateFamilyProvider}), {@code magic-nor-K} for NOR with up to K inputs, or the path
 * of a family file (docs/families.md).
 */
public final class Families {
    /** Largest fan-in a family may use: truth tables of primitives hold at most 6 inputs. */
    public static final int MAX_FANIN = 6;
    private static final Pattern NOR_K = Pattern.compile("magic-nor-(\\d{1,2})");

    private Families() {}

    public static final String DEFAULT = "magic-nor";

    public static ImmutableList<GateFamily> builtIns() {
        return ImmutableList.of(magicNor(), magicNorK(3), magicNorK(4), magic(), imply(), felix());
    }

    /**
     * Families resolved by name like the built-ins but kept out of {@link #builtIns()} (whose families every
     * scheduler serves and the quality tables cover): RM3, compiled through a majority-inverter graph, and the
     * mixed IMPLY and MAGIC family.
     */
    public static ImmutableList<GateFamily> extraFamilies() {
        return ImmutableList.of(rm3(), implyMagic());
    }

    /**
     * IMPLY and MAGIC in one row (after X-IMPLY with MAGIC, Zou et al., JSA 2021): NOR2 and NOT as MAGIC, IMP in
     * place, NAND2 as serial IMPLY; the mapper chooses per gate by the cycles each takes.
     */
    public static GateFamily implyMagic() {
        return new GateFamily("imply-magic", "MAGIC NOR2 and NOT with in-place IMPLY and serial IMPLY NAND (mixed, after Zou et al. 2021)",
                ImmutableList.of(GateImpl.parallel(Primitives.NOR2, Opcode.NOR), GateImpl.parallel(Primitives.INV1, Opcode.NOR),
                        new GateImpl(Primitives.IMP2, Opcode.IMP, 0, false, true), new GateImpl(Primitives.NAND2, Opcode.IMP, 0, true)));
    }

    /** The built-in families, then those of plugins ({@link GateFamilyProvider}s on the class path). */
    public static ImmutableList<GateFamily> all() {
        ImmutableList.Builder<GateFamily> all = ImmutableList.<GateFamily>builder().addAll(builtIns());
        for (GateFamilyProvider plugin : ServiceLoader.load(GateFamilyProvider.class)) all.add(plugin.family());
        return all.build();
    }

    /** NOR2 and NOT: the SIMPLER setting. */
    public static GateFamily magicNor() {
        return new GateFamily("magic-nor", "MAGIC NOR2 and NOT (the SIMPLER setting)",
                ImmutableList.of(GateImpl.parallel(Primitives.NOR2, Opcode.NOR), GateImpl.parallel(Primitives.INV1, Opcode.NOR)));
    }

    /** NOR with 1 (NOT) to k inputs. */
    public static GateFamily magicNorK(int k) {
        if (k < 2 || k > MAX_FANIN) throw new UserError("magic-nor-" + k + ": k must be between 2 and " + MAX_FANIN);
        ImmutableList.Builder<GateImpl> g = ImmutableList.builder();
        for (int i = 1; i <= k; i++) g.add(GateImpl.parallel(Primitives.nor(i), Opcode.NOR));
        return new GateFamily("magic-nor-" + k, "MAGIC NOR with up to " + k + " inputs, and NOT", g.build());
    }

    /** Kvatinsky's MAGIC: NOR, OR, NAND, AND (two inputs) and NOT. */
    public static GateFamily magic() {
        return new GateFamily("magic", "MAGIC NOR, OR, NAND, AND (two inputs) and NOT (Kvatinsky et al. 2014)",
                ImmutableList.of(GateImpl.parallel(Primitives.NOR2, Opcode.NOR), GateImpl.parallel(Primitives.OR2, Opcode.OR),
                        GateImpl.parallel(Primitives.NAND2, Opcode.NAND), GateImpl.parallel(Primitives.AND2, Opcode.AND),
                        GateImpl.parallel(Primitives.INV1, Opcode.NOR)));
    }

    /**
     * Borghetti's material implication: FALSE plus IMP. NAND2 is {@code false d; imp a, d; imp b, d};
     * NOT is {@code false d; imp a, d}; {@code imp2(p, q) = ¬p ∨ q} overwrites q in place.
     */
    public static GateFamily imply() {
        return new GateFamily("imply", "material implication: IMP and FALSE (Borghetti et al. 2010), serial",
                ImmutableList.of(new GateImpl(Primitives.NAND2, Opcode.IMP, 0, true),
                        new GateImpl(Primitives.INV1, Opcode.IMP, 0, true),
                        new GateImpl(Primitives.IMP2, Opcode.IMP, 0, false, true)));
    }

    /** FELIX (Gupta et al. 2018): NOT, NOR, NAND, OR (two inputs) and the three-input minority. */
    public static GateFamily felix() {
        return new GateFamily("felix", "FELIX NOT, NOR, NAND, OR (two inputs) and Min3 (Gupta et al. 2018)",
                ImmutableList.of(GateImpl.parallel(Primitives.INV1, Opcode.NOR), GateImpl.parallel(Primitives.NOR2, Opcode.NOR),
                        GateImpl.parallel(Primitives.NAND2, Opcode.NAND), GateImpl.parallel(Primitives.OR2, Opcode.OR),
                        GateImpl.parallel(Primitives.MIN3, Opcode.MIN3)));
    }

    /**
     * PLiM's resistive majority alone (Gaillardon et al. 2016): RM3 in place, constants from init ops. A family
     * with a {@code maj} gate compiles through a majority-inverter graph ({@code kautz.schedule.PlimCompiler}).
     */
    public static GateFamily rm3() {
        return new GateFamily("rm3", "RM3 resistive majority d := maj(a, ¬b, d) (PLiM, Gaillardon et al. 2016), through an MIG",
                ImmutableList.of(majority()));
    }

    /** The RM3 gate: in place on its last fan-in, which is both an operand and the output. */
    static GateImpl majority() {
        return new GateImpl(primitiveOf(Opcode.MAJ, 3), Opcode.MAJ, 0, false, true);
    }

    /** Resolves {@code --target}: a built-in name, {@code magic-nor-K}, or a family file. */
    public static GateFamily resolve(String target) {
        for (GateFamily f : builtIns()) if (f.name().equals(target)) return f;
        for (GateFamily f : extraFamilies()) if (f.name().equals(target)) return f;
        for (GateFamilyProvider plugin : ServiceLoader.load(GateFamilyProvider.class)) {
            if (plugin.family().name().equals(target)) return plugin.family();
        }
        Matcher m = NOR_K.matcher(target);
        if (m.matches()) return magicNorK(Integer.parseInt(m.group(1)));
        Path p = Path.of(target);
        if (Files.isRegularFile(p)) return FamilyFile.read(p);
        StringBuilder known = new StringBuilder();
        for (GateFamily f : all()) known.append(known.length() == 0 ? "" : ", ").append(f.name());
        for (GateFamily f : extraFamilies()) known.append(", ").append(f.name());
        throw new UsageError("unknown target '" + target + "' (built-in: " + known + ", magic-nor-K for K in 2.."
                + MAX_FANIN + ", or the path of a family file; see docs/families.md)");
    }

    /** The primitive a gate line names: an opcode and a fan-in. */
    static Primitive primitiveOf(Opcode op, int k) {
        return switch (op) {
            case NOR -> Primitives.nor(k);
            case OR -> Primitives.or(k);
            case NAND -> k == 1 ? Primitives.INV1 : Primitives.nand(k);
            case AND -> Primitives.and(k);
            case MIN3 -> Primitives.MIN3;
            case IMP -> Primitives.IMP2;
            case MAJ -> Primitives.RM3;
            default -> throw new IllegalArgumentException(op.mnemonic() + " is not a gate");
        };
    }
}
