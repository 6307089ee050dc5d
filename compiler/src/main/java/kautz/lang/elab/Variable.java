package kautz.lang.elab;

import kautz.lang.ast.Pos;

/** A var, input or result of one routine invocation; bit {@code i} is -1 until assigned. */
final class Variable {
    enum Kind { INPUT, RESULT, VAR }

    static final int UNASSIGNED = -1;

    final String name;
    final Kind kind;
    final Pos declared;
    int[] bits;

    Variable(String name, Kind kind, Pos declared, int width) {
        this.name = name;
        this.kind = kind;
        this.declared = declared;
        this.bits = new int[width];
        java.util.Arrays.fill(bits, UNASSIGNED);
    }

    int width() { return bits.length; }

    /** Describes the unassigned bits among {@code lo..hi}, e.g. "bits 3..5, 7", or null if all are assigned. */
    String unassigned(int lo, int hi) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (int i = lo; i <= hi; i++) {
            if (bits[i] != UNASSIGNED) continue;
            int j = i;
            while (j + 1 <= hi && bits[j + 1] == UNASSIGNED) j++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(i == j ? String.valueOf(i) : i + ".." + j);
            count += j - i + 1;
            i = j;
        }
        if (count == 0) return null;
        return (count == 1 ? "bit " : "bits ") + sb;
    }
}
