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
                    GateImpl g = gate(at, w);
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
        return new GateFamily(name, description == null ? "user family from " + where : description, ImmutableList.copyOf(gates));
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
