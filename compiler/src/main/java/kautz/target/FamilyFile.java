package kautz.target;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.isa.Opcode;
import kautz.mapped.Primitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a user gate family (format in docs/families.md):
 * <pre>
 * # comment
 * name my-family
 * description NOR and NAND with three inputs
 * gate nor 1        # NOT
 * gate nor 3
 * gate nand 3
 * gate min3
 * gate imp          # in-place IMPLY: q := ¬p ∨ q
 * gate imp-nand 2   # serial IMPLY NAND: false d; imp a, d; imp b, d
 * gate maj          # RM3: d := maj(a, ¬b, d), needs a bipolar cell
 * cell bipolar      # or unipolar (default bipolar)
 * gate nor 2 cycles=1 energy=0.8   # optional cost: cycles for the mapper, energy in pJ
 * </pre>
 * Every mistake is a {@link UserError} naming {@code file:line}.
 */
public final class FamilyFile {
    private static final int MAX_BYTES = 1 << 20;
    private static final int MAX_GATES = 64;

    private static final String MAJ_NEEDS_BIPOLAR = "gate maj (RM3) keeps its output cell's old value as the majority's third"
            + " operand, which needs a bipolar cell switched from both terminals; this family's cell is unipolar";

    private FamilyFile() {}

    public static GateFamily read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) throw new UserError(file + ": a family file is at most " + MAX_BYTES + " bytes");
            text = kautz.util.InputFiles.readUtf8(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), text);
    }

    public static GateFamily parse(String where, String text) {
        String name = null;
        String description = null;
        List<GateImpl> gates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cell = null;
        String majAt = null;
        String lastGate = null;
        String impAt = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String at = where + ":" + (i + 1) + ": ";
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] w = line.split("\\s+");
            switch (w[0]) {
                case "name" -> {
                    if (w.length != 2 || !w[1].matches("[A-Za-z0-9_.-]+")) throw new UserError(at + "expected 'name NAME' (letters, digits, '-', '_', '.')");
                    if (name != null) throw new UserError(at + "the family is named twice");
                    name = w[1];
                }
                case "description" -> {
                    if (description != null) throw new UserError(at + "the family has two descriptions");
                    description = line.substring("description".length()).strip();
                }
                case "cell" -> {
                    if (w.length != 2 || !(w[1].equals("bipolar") || w[1].equals("unipolar"))) throw new UserError(at + "expected 'cell bipolar' or 'cell unipolar'");
                    if (cell != null) throw new UserError(at + "the cell is named twice");
                    cell = w[1];
                    if (cell.equals("unipolar") && majAt != null) throw new UserError(majAt + MAJ_NEEDS_BIPOLAR);
                }
                case "gate" -> {
                    List<String> positional = new ArrayList<>();
                    GateCost cost = cost(at, w, positional);
                    GateImpl g = gate(at, positional.toArray(new String[0])).withCost(cost);
                    lastGate = at;
                    if (g.inPlace() && g.opcode() == Opcode.IMP) impAt = at;
                    if (g.opcode() == Opcode.MAJ) {
                        if ("unipolar".equals(cell)) throw new UserError(at + MAJ_NEEDS_BIPOLAR);
                        majAt = at;
                    }
                    if (!seen.add(g.primitive().name())) throw new UserError(at + "gate " + g.primitive().name() + " is listed twice");
                    if (gates.size() == MAX_GATES) throw new UserError(at + "a family has at most " + MAX_GATES + " gates");
                    gates.add(g);
                }
                default -> throw new UserError(at + "unknown keyword '" + w[0] + "' (expected name, description, cell or gate)");
            }
        }
        if (name == null) throw new UserError(where + ": the family has no 'name' line");
        if (gates.isEmpty()) throw new UserError(where + ": the family has no 'gate' lines");
        boolean canInvert = false;
        for (GateImpl g : gates) canInvert |= g.primitive().arity() == 1 || g.primitive().truthTable() % 2 == 1 || g.inPlace();
        if (!canInvert) throw new UserError(where + ": the family cannot invert (add 'gate nor 1', a NOR/NAND gate or 'gate imp')");
        boolean nonLinear = false;
        for (GateImpl g : gates) nonLinear |= !linear(g.primitive());
        if (!nonLinear) {
            throw new UserError(lastGate + "the gates do not form a complete set: each is linear (a NOT, XOR-like), so no AND or OR"
                    + " can be built (add a NOR, NAND, OR, AND, min3, imp or maj gate)");
        }
        boolean magic = gates.stream().anyMatch(g -> g.opcode() != Opcode.IMP);
        boolean nand2 = gates.stream().anyMatch(g -> g.primitive().equals(kautz.mapped.Primitives.NAND2));
        if (impAt != null && magic && !nand2) {
            throw new UserError(impAt + "a family mixing in-place imp with MAGIC gates needs a two-input NAND as well ('gate imp-nand 2'"
                    + " or 'gate nand 2'): an imp that cannot overwrite its operand becomes nand2(p, ¬q)");
        }
        return new GateFamily(name, description == null ? "user family from " + where : description, ImmutableList.copyOf(gates));
    }

    /**
     * Takes {@code cycles=N} and {@code energy=E} (pJ) off a gate line; the other words go to {@code positional}.
     */
    private static GateCost cost(String at, String[] w, List<String> positional) {
        int cycles = -1;
        double energy = Double.NaN;
        for (String word : w) {
            int eq = word.indexOf('=');
            if (eq < 0) { positional.add(word); continue; }
            String key = word.substring(0, eq), value = word.substring(eq + 1);
            switch (key) {
                case "cycles" -> {
                    try {
                        cycles = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UserError(at + "cost cycles='" + value + "' is not a number");
                    }
                    if (cycles < 0 || cycles > 1000) throw new UserError(at + "cost cycles=" + value + " must be between 0 and 1000");
                }
                case "energy" -> {
                    try {
                        energy = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new UserError(at + "cost energy='" + value + "' is not a number");
                    }
                    if (!(energy >= 0) || Double.isInfinite(energy)) throw new UserError(at + "cost energy=" + value + " must be a finite number of pJ, 0 or more");
                }
                default -> throw new UserError(at + "unknown cost '" + key + "' (expected cycles=N or energy=PJ)");
            }
        }
        return new GateCost(cycles, energy);
    }

    /** Whether a primitive is affine over GF(2) (a constant, a literal or an XOR of literals): no AND can be built from such. */
    static boolean linear(kautz.mapped.Primitive p) {
        int n = 1 << p.arity();
        long t = p.truthTable();
        long f0 = t & 1;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                long fa = (t >>> a & 1) ^ f0, fb = (t >>> b & 1) ^ f0, fab = (t >>> (a ^ b) & 1) ^ f0;
                if (fab != (fa ^ fb)) return false;
            }
        }
        return true;
    }

    private static GateImpl gate(String at, String[] w) {
        if (w.length < 2) throw new UserError(at + "expected 'gate KIND [FANIN]'");
        String kind = w[1];
        switch (kind) {
            case "min3", "imp", "maj" -> {
                if (w.length != 2) throw new UserError(at + "gate " + kind + " takes no fan-in (it has " + (kind.equals("imp") ? 2 : 3) + " inputs)");
                return switch (kind) {
                    case "min3" -> GateImpl.parallel(Families.primitiveOf(Opcode.MIN3, 3), Opcode.MIN3);
                    case "maj" -> Families.majority();
                    default -> new GateImpl(Families.primitiveOf(Opcode.IMP, 2), Opcode.IMP, 0, false, true);
                };
            }
            case "nor", "or", "nand", "and", "imp-nand" -> {
                if (w.length != 3) throw new UserError(at + "expected 'gate " + kind + " FANIN'");
                int k;
                try {
                    k = Integer.parseInt(w[2]);
                } catch (NumberFormatException e) {
                    throw new UserError(at + "fan-in '" + w[2] + "' is not a number");
                }
                int min = kind.equals("or") || kind.equals("and") ? 2 : 1;
                if (k < min || k > Families.MAX_FANIN) throw new UserError(at + "fan-in of " + kind + " must be between " + min + " and " + Families.MAX_FANIN);
                if (kind.equals("imp-nand")) return new GateImpl(Families.primitiveOf(Opcode.NAND, k), Opcode.IMP, 0, true);
                Opcode op = Opcode.byMnemonic(kind);
                Primitive p = Families.primitiveOf(op, k);
                return GateImpl.parallel(p, op);
            }
            default -> throw new UserError(at + "unknown gate kind '" + kind + "' (expected nor, or, nand, and, min3, imp, imp-nand or maj)");
        }
    }
}
