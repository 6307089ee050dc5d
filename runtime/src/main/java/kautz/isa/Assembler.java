package kautz.isa;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import kautz.diag.UserError;
import kautz.diag.Warnings;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code .kasm} text form of a {@link Program} (docs/isa.md). The header comes first:
 * <pre>
 * .kernel add            .target magic-nor       .rowsize 32       .init bulk
 * .input a[0] 0          .output sum[0] 17
 * .consume-inputs        (optional: ops may overwrite input cells)
 * .partitions 4x8        .model standard   (optional: a divided row, and which ops may share a cycle)
 * </pre>
 * then one cycle per line: its ops in the mnemonic syntax of the {@link Opcode} table ({@code nor 5, 0, 1},
 * {@code prog 3, 2}), separated by {@code |} when several run in the cycle; {@code #} and {@code //} start
 * comments. Every mistake is a {@link UserError}
 * {@code file:line:col: message} with the line and a caret.
 */
public final class Assembler {
    /** The largest row the assembler accepts: bounds memory for hostile input. */
    public static final int MAX_ROW_SIZE = 1 << 24;

    private final String file;
    private final List<String> lines;
    private String kernel;
    private String target;
    private int rowSize = -1;
    private int rowSizeLine;
    private InitModel init;
    private boolean consumeInputs;
    private Partitions partitions;
    private String partitionsSpec;
    private int partitionsLine;
    private int partitionsCol;
    private String partitionsText;
    private PartitionModel model;
    private final List<IoBit> inputs = new ArrayList<>();
    private final List<IoBit> outputs = new ArrayList<>();
    private final Map<String, Integer> ioNames = new HashMap<>();
    private final Map<Integer, String> inputCells = new HashMap<>();
    private final ImmutableList.Builder<MicroOp> ops = ImmutableList.builder();
    private final ImmutableIntArray.Builder opLines = ImmutableIntArray.builder();
    private final ImmutableIntArray.Builder cycleStarts = ImmutableIntArray.builder();
    private int opCount;
    private boolean sawOp;
    private int endLine = -1;

    /**
     * A program and, for each op, the 1-based line it was written on (for messages naming an op).
     * {@code ended}: the text ends with a {@code .end N ops} line that matched; without one a cut-short
     * file cannot be told from a whole one.
     */
    public record Assembled(Program program, ImmutableIntArray opLines, boolean ended) {
        /** The line cycle {@code c} is written on. */
        public int cycleLine(int c) { return opLines.get(program.cycleStart(c)); }
    }

    private Assembler(String file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    /** Assembles {@code text}; {@code file} names it in error messages. */
    public static Program parse(String text, String file) {
        return assemble(text, file).program();
    }

    /** Assembles {@code text}, keeping each op's line number. */
    public static Assembled assemble(String text, String file) {
        Assembler a = new Assembler(file, text);
        Program p = a.assemble();
        return new Assembled(p, a.opLines.build(), a.endLine > 0);
    }

    /** Reads and assembles a file. */
    public static Program read(Path path) {
        return readAssembled(path).program();
    }

    /** Reads and assembles a file, keeping each op's line number. */
    public static Assembled readAssembled(Path path) {
        Assembled a = assemble(kautz.util.InputFiles.readUtf8(path), path.toString());
        if (!a.ended()) {
            Warnings.warn(path + ": no '.end N ops' line at the end, so a file cut short cannot be told from a whole one"
                    + " (programs Kautz writes end with one)");
        }
        return a;
    }

    private Program assemble() {
        for (int i = 0; i < lines.size(); i++) line(i + 1, lines.get(i));
        if (kernel == null) throw new UserError(file + ": missing the .kernel header (e.g. '.kernel add')");
        if (rowSize < 0) throw new UserError(file + ": missing the .rowsize header (e.g. '.rowsize 64')");
        checkPartitions();
        return new Program(kernel, target == null ? "custom" : target, rowSize, init == null ? InitModel.BULK : init,
                ImmutableList.copyOf(inputs), ImmutableList.copyOf(outputs), ops.build(), consumeInputs,
                partitions == null ? Partitions.single(rowSize) : partitions,
                model == null ? PartitionModel.UNLIMITED : model, cycleStarts.build());
    }

    /** The .partitions header against the row size, once both are known. */
    private void checkPartitions() {
        if (partitionsSpec == null || partitions != null) return;
        try {
            partitions = Partitions.parse(partitionsSpec, rowSize);
        } catch (IllegalArgumentException e) {
            throw UserError.at(file, partitionsLine, partitionsCol, e.getMessage() + " (.rowsize on line " + rowSizeLine + ")", partitionsText);
        }
    }

    private void line(int no, String text) {
        Lexer lx = new Lexer(no, text);
        Lexer.Token first = lx.next();
        if (first == null) return;
        if (endLine > 0) throw lx.error(first.col(), "nothing may follow the .end line (line " + endLine + ")");
        if (first.text().equals(".end") && !first.quoted()) {
            end(lx, first);
        } else if (first.text().startsWith(".") && !first.quoted()) {
            directive(lx, first);
        } else {
            cycleStarts.add(opCount);
            Lexer.Token m = first;
            while (op(lx, m)) { // another op of the same cycle follows '|'
                m = lx.next();
                if (m == null || isBar(m)) throw lx.error(m == null ? lx.end() : m.col(), "expected a micro-op after '|'");
            }
        }
        Lexer.Token extra = lx.next();
        if (extra != null) throw lx.error(extra.col(), "unexpected '" + extra.text() + "' at the end of the line");
    }

    private void directive(Lexer lx, Lexer.Token d) {
        if (sawOp) throw lx.error(d.col(), "header line " + d.text() + " after the first op: put the header first");
        switch (d.text()) {
            case ".kernel" -> kernel = once(lx, d, kernel, lx.name(".kernel needs a name"));
            case ".target" -> target = once(lx, d, target, lx.name(".target needs a gate family name"));
            case ".rowsize" -> {
                if (rowSize >= 0) throw lx.error(d.col(), ".rowsize is given twice (first on line " + rowSizeLine + ")");
                Lexer.Token t = lx.number(".rowsize needs the number of cells in a row");
                long v = t.value();
                if (v < 1 || v > MAX_ROW_SIZE) throw lx.error(t.col(), "row size " + v + " is outside 1.." + MAX_ROW_SIZE);
                rowSize = (int) v;
                rowSizeLine = lx.line();
                for (IoBit b : inputs) checkCell(lx, d.col(), b.cell(), "input " + b.name());
                for (IoBit b : outputs) checkCell(lx, d.col(), b.cell(), "output " + b.name());
            }
            case ".init" -> {
                Lexer.Token t = lx.next();
                if (t == null) throw lx.error(lx.end(), ".init needs bulk, single or op");
                if (init != null) throw lx.error(d.col(), ".init is given twice");
                try {
                    init = InitModel.parse(t.text());
                } catch (IllegalArgumentException e) {
                    throw lx.error(t.col(), e.getMessage());
                }
            }
            case ".partitions" -> {
                if (partitionsSpec != null) throw lx.error(d.col(), ".partitions is given twice (first on line " + partitionsLine + ")");
                StringBuilder spec = new StringBuilder();
                Lexer.Token t = lx.next();
                if (t == null) throw lx.error(lx.end(), ".partitions needs KxW (e.g. 4x8) or the widths W1,W2,… (e.g. 8,8,16)");
                partitionsCol = t.col();
                for (; t != null; t = lx.next()) spec.append(t.text());
                try {
                    Partitions.parse(spec.toString());
                } catch (IllegalArgumentException e) {
                    throw lx.error(partitionsCol, e.getMessage());
                }
                partitionsSpec = spec.toString();
                partitionsLine = lx.line();
                partitionsText = lx.text();
            }
            case ".model" -> {
                Lexer.Token t = lx.next();
                if (t == null) throw lx.error(lx.end(), ".model needs unlimited, standard or minimal");
                if (model != null) throw lx.error(d.col(), ".model is given twice");
                try {
                    model = PartitionModel.parse(t.text());
                } catch (IllegalArgumentException e) {
                    throw lx.error(t.col(), e.getMessage());
                }
            }
            case ".consume-inputs" -> {
                if (consumeInputs) throw lx.error(d.col(), ".consume-inputs is given twice");
                consumeInputs = true;
            }
            case ".input", ".output" -> {
                boolean in = d.text().equals(".input");
                String what = in ? "input" : "output";
                Lexer.Token name = lx.nameToken("." + what + " needs a bit name and a cell, e.g. '." + what + " a[3] 3'");
                Lexer.Token cell = lx.number("." + what + " " + name.text() + " needs the cell that holds it");
                int c = cellValue(lx, cell);
                checkCell(lx, cell.col(), c, what + " " + name.text());
                String key = (in ? "in:" : "out:") + name.text();
                Integer prev = ioNames.putIfAbsent(key, lx.line());
                if (prev != null) throw lx.error(name.col(), what + " '" + name.text() + "' is declared twice (first on line " + prev + ")");
                if (in) {
                    String other = inputCells.putIfAbsent(c, name.text());
                    if (other != null) throw lx.error(cell.col(), "cell " + c + " already holds input '" + other + "'");
                    inputs.add(new IoBit(name.text(), c));
                } else {
                    outputs.add(new IoBit(name.text(), c));
                }
            }
            default -> throw lx.error(d.col(), "unknown header '" + d.text() + "' (expected .kernel, .target, .rowsize, .init, .partitions, .model, .consume-inputs, .input or .output)");
        }
    }

    /** {@code .end N ops}: the last line of a written program; a count that differs means lines were lost or added. */
    private void end(Lexer lx, Lexer.Token d) {
        Lexer.Token n = lx.number(".end needs the number of ops, e.g. '.end 12 ops'");
        Lexer.Token unit = lx.next();
        if (unit == null || unit.quoted() || !unit.text().equals("ops")) {
            throw lx.error(unit == null ? lx.end() : unit.col(), ".end needs the number of ops, e.g. '.end 12 ops'");
        }
        if (n.value() != opCount) {
            throw lx.error(d.col(), "the program has " + opCount + " op" + (opCount == 1 ? "" : "s") + " but its .end line says "
                    + n.value() + ": lines were lost or added (after editing a program by hand, correct or delete this line)");
        }
        endLine = lx.line();
    }

    private String once(Lexer lx, Lexer.Token d, String previous, String value) {
        if (previous != null) throw lx.error(d.col(), d.text() + " is given twice");
        return value;
    }

    private static boolean isBar(Lexer.Token t) { return !t.quoted() && t.text().equals("|"); }

    /** Reads one op; true when a '|' follows it (another op of the same cycle). */
    private boolean op(Lexer lx, Lexer.Token m) {
        if (isBar(m)) throw lx.error(m.col(), "expected a micro-op before '|'");
        Opcode oc = m.quoted() ? null : Opcode.byMnemonic(m.text());
        if (oc == null) throw lx.error(m.col(), "unknown micro-op '" + m.text() + "'" + suggestion(m.text()));
        if (rowSize < 0) throw lx.error(m.col(), "the .rowsize header must come before the first op");
        if (!sawOp) checkPartitions();
        sawOp = true;
        opLines.add(lx.line());
        opCount++;
        List<Lexer.Token> args = new ArrayList<>();
        boolean bar = false;
        Lexer.Token t = lx.next();
        if (t != null && isBar(t)) { t = null; bar = true; }
        while (t != null) {
            args.add(t);
            Lexer.Token sep = lx.next();
            if (sep == null) break;
            if (isBar(sep)) { bar = true; break; }
            if (!sep.text().equals(",") || sep.quoted()) throw lx.error(sep.col(), "expected ',' between operands, found '" + sep.text() + "'");
            t = lx.next();
            if (t == null || isBar(t)) throw lx.error(t == null ? lx.end() : t.col(), "expected an operand after ','");
        }
        int wanted = oc == Opcode.PROG ? 2 : -1;
        int count = args.size() - (oc == Opcode.PROG ? 1 : 0);
        if (wanted > 0 ? args.size() != wanted : count < oc.minOperands() || count > oc.maxOperands()) {
            String phrase = oc == Opcode.PROG ? "a cell and a level" : oc.arityPhrase() + " operand" + (oc.maxOperands() == 1 ? "" : "s");
            throw lx.error(m.col(), oc.mnemonic() + " takes " + phrase + " (" + oc.mnemonic() + " " + oc.syntax() + "), got " + args.size());
        }
        int[] cells = new int[count];
        for (int k = 0; k < count; k++) {
            cells[k] = cellValue(lx, args.get(k));
            checkCell(lx, args.get(k).col(), cells[k], "cell " + cells[k]);
        }
        if (oc == Opcode.PROG) {
            Lexer.Token lv = args.get(1);
            long level = lx.asNumber(lv, "a level");
            if (level > 1 << 16) throw lx.error(lv.col(), "level " + level + " is too large (at most 65536)");
            ops.add(new MicroOp(oc, ImmutableIntArray.copyOf(cells), (int) level));
        } else {
            ops.add(new MicroOp(oc, ImmutableIntArray.copyOf(cells), 0));
        }
        return bar;
    }

    private int cellValue(Lexer lx, Lexer.Token t) {
        long v = lx.asNumber(t, "a cell number");
        if (v >= MAX_ROW_SIZE) throw lx.error(t.col(), "cell " + v + " is too large");
        return (int) v;
    }

    private void checkCell(Lexer lx, int col, int cell, String what) {
        if (rowSize >= 0 && cell >= rowSize) {
            throw lx.error(col, what + " is beyond the row size " + rowSize + " (cells are 0.." + (rowSize - 1)
                    + ", .rowsize on line " + rowSizeLine + ")");
        }
    }

    private static String suggestion(String text) {
        String best = null;
        int bestDist = 3;
        for (Opcode o : Opcode.values()) {
            int d = distance(text.toLowerCase(java.util.Locale.ROOT), o.mnemonic());
            if (d < bestDist) { bestDist = d; best = o.mnemonic(); }
        }
        StringBuilder known = new StringBuilder();
        for (Opcode o : Opcode.values()) known.append(known.length() == 0 ? "" : ", ").append(o.mnemonic());
        return best != null ? "; did you mean '" + best + "'?" : " (known: " + known + ")";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    /** Splits one line into tokens: bare words, quoted names, commas; stops at a comment. */
    private final class Lexer {
        record Token(String text, int col, boolean quoted) {
            long value() { return Long.parseLong(text); }
        }

        private final int line;
        private final String s;
        private int pos;

        Lexer(int line, String s) {
            this.line = line;
            this.s = s;
        }

        int line() { return line; }

        String text() { return s; }

        int end() { return s.stripTrailing().length() + 1; }

        UserError error(int col, String message) { return UserError.at(file, line, col, message, s); }

        Token next() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
            if (pos >= s.length() || s.charAt(pos) == '#' || s.startsWith("//", pos)) {
                pos = s.length();
                return null;
            }
            int start = pos;
            char c = s.charAt(pos);
            if (c == ',' || c == '|') {
                pos++;
                return new Token(String.valueOf(c), start + 1, false);
            }
            if (c == '"') return quoted(start);
            while (pos < s.length()) {
                char d = s.charAt(pos);
                if (Character.isWhitespace(d) || d == ',' || d == '|' || d == '#' || d == '"' || s.startsWith("//", pos)) break;
                pos++;
            }
            return new Token(s.substring(start, pos), start + 1, false);
        }

        private Token quoted(int start) {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= s.length()) throw error(start + 1, "unterminated quoted name");
                char c = s.charAt(pos++);
                if (c == '"') return new Token(sb.toString(), start + 1, true);
                if (c != '\\') { sb.append(c); continue; }
                if (pos >= s.length()) throw error(pos, "unterminated quoted name");
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        if (pos + 4 > s.length()) throw error(pos - 1, "\\u needs four hex digits");
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error(pos - 1, "\\u needs four hex digits");
                        }
                        pos += 4;
                    }
                    default -> throw error(pos - 1, "unknown escape '\\" + e + "' in a quoted name");
                }
            }
        }

        String name(String missing) { return nameToken(missing).text(); }

        Token nameToken(String missing) {
            Token t = next();
            if (t == null) throw error(end(), missing);
            if (!t.quoted() && t.text().equals(",")) throw error(t.col(), missing);
            return t;
        }

        Token number(String missing) {
            Token t = next();
            if (t == null) throw error(end(), missing);
            asNumber(t, "a number");
            return t;
        }

        long asNumber(Token t, String what) {
            String x = t.text();
            boolean digits = !t.quoted() && !x.isEmpty() && x.length() <= 10;
            for (int i = 0; digits && i < x.length(); i++) digits = x.charAt(i) >= '0' && x.charAt(i) <= '9';
            if (!digits) throw error(t.col(), "expected " + what + ", found '" + x + "'");
            return Long.parseLong(x);
        }
    }
}
