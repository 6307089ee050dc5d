package kautz.lang.elab;

import kautz.lang.ast.Pos;

/** A var, input or result of one routine invocation; bit {@code i} is -1 until assigned. */
final class Variable {
    enum Kind { INPUT, RESULT, VAR }

    static final int UNASSIGNED = -1;

    final String name;
    final Kind kind;
    final Pos declared;
    /** Declared {@code s<N>}: read as a signed value. */
    final boolean signed;
    int[] bits;
    /** Bits assigned on some path so far (never undone by a run-time if), to tell "never" from "not on every path". */
    final java.util.BitSet everAssigned = new java.util.BitSet();

    Variable(String name, Kind kind, Pos declared, int width, boolean signed) {
        this.name = name;
        this.kind = kind;
        this.declared = declared;
        this.signed = signed;
        this.bits = new int[width];
        java.util.Arrays.fill(bits, UNASSIGNED);
    }

    int width() { return bits.length; }

    String type() { return KernelElaboration.typeName(width(), signed); }

    void assigned(int lo, int hi) { everAssigned.set(lo, hi + 1); }

    /** Whether some of the unassigned bits among lo..hi were assigned on another path. */
    boolean assignedOnSomePath(int lo, int hi) {
        for (int i = lo; i <= hi; i++) if (bits[i] == UNASSIGNED && everAssigned.get(i)) return true;
        return false;
    }

    /** Why bits lo..hi cannot be read: "'x' is never assigned", "bits 3..5 of 'x' are not assigned on every path", … */
    String whyUnassigned(int lo, int hi, String what) {
        String missing = unassigned(lo, hi);
        if (missing == null) return null;
        boolean whole = missing.equals(width() == 1 ? "bit 0" : "bits 0.." + (width() - 1));
        String subject = whole ? what : missing + " of " + what;
        String verb = whole || missing.startsWith("bit ") ? " is" : " are";
        return subject + verb + (assignedOnSomePath(lo, hi) ? " not assigned on every path" : " never assigned");
    }

    /** Why bits lo..hi cannot be read here: "'t' is read before it is assigned", …; null if they can. */
    String whyUnreadable(int lo, int hi) {
        String missing = unassigned(lo, hi);
        if (missing == null) return null;
        boolean whole = missing.equals(width() == 1 ? "bit 0" : "bits 0.." + (width() - 1));
        boolean one = whole || missing.startsWith("bit ");
        String subject = whole ? "'" + name + "'" : missing + " of '" + name + "'";
        if (assignedOnSomePath(lo, hi)) return subject + (one ? " is" : " are") + " read but not assigned on every path before";
        return subject + (one ? " is read before it is assigned" : " are read before they are assigned");
    }

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
