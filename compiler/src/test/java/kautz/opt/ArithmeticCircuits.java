package kautz.opt;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

/** Small arithmetic circuits written by the project (the shape of EPFL's multiplier and div), for tests. */
public final class ArithmeticCircuits {
    private ArithmeticCircuits() {}

    /** An n x n array multiplier (rows of ripple adders), 2n outputs. */
    public static Aig multiplier(int n) {
        AigBuilder b = new AigBuilder();
        int[] x = inputs(b, "a", n), y = inputs(b, "b", n);
        int[] acc = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) acc[i] = Lit.FALSE;
        for (int j = 0; j < n; j++) {
            int carry = Lit.FALSE;
            for (int i = 0; i < n; i++) {
                int p = b.and(x[i], y[j]), s = acc[i + j];
                acc[i + j] = b.xor(b.xor(s, p), carry);
                carry = b.maj(s, p, carry);
            }
            for (int k = j + n; k < 2 * n; k++) {
                int s = acc[k];
                acc[k] = b.xor(s, carry);
                carry = b.and(s, carry);
            }
        }
        for (int i = 0; i < 2 * n; i++) b.addOutput("p[" + i + "]", acc[i]);
        return b.build();
    }

    /** An n-bit restoring divider: quotient and remainder (division by zero gives all ones, as the loop does). */
    public static Aig divider(int n) {
        AigBuilder b = new AigBuilder();
        int[] a = inputs(b, "a", n), d = inputs(b, "d", n);
        int[] rem = new int[n];
        for (int i = 0; i < n; i++) rem[i] = Lit.FALSE;
        int[] q = new int[n];
        for (int step = n - 1; step >= 0; step--) {
            int[] r = new int[n + 1]; // rem << 1 | a[step]
            r[0] = a[step];
            for (int i = 0; i < n; i++) r[i + 1] = rem[i];
            int borrow = Lit.FALSE; // r - d over n+1 bits
            int[] diff = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                int di = i < n ? d[i] : Lit.FALSE;
                diff[i] = b.xor(b.xor(r[i], di), borrow);
                borrow = b.or(b.and(Lit.not(r[i]), b.or(di, borrow)), b.and(di, borrow));
            }
            q[step] = Lit.not(borrow);
            for (int i = 0; i < n; i++) rem[i] = b.mux(q[step], diff[i], r[i]);
        }
        for (int i = 0; i < n; i++) b.addOutput("q[" + i + "]", q[i]);
        for (int i = 0; i < n; i++) b.addOutput("r[" + i + "]", rem[i]);
        return b.build();
    }

    private static int[] inputs(AigBuilder b, String name, int n) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) x[i] = b.addInput(name + "[" + i + "]");
        return x;
    }
}
