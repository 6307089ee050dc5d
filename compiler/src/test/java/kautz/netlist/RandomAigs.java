package kautz.netlist;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.Random;

/** Seeded random networks for tests: a mix of ANDs, XORs and MUXes over earlier signals. */
final class RandomAigs {
    private RandomAigs() {}

    static Aig random(Random rnd, int inputs, int gates, int outputs) {
        AigBuilder b = new AigBuilder();
        int[] sig = new int[inputs + gates];
        for (int i = 0; i < inputs; i++) sig[i] = b.addInput(i % 3 == 0 ? "a[" + i + "]" : i % 3 == 1 ? "in_" + i : "x$" + i);
        for (int g = 0; g < gates; g++) {
            int n = inputs + g;
            int x = pick(rnd, sig, n), y = pick(rnd, sig, n), z = pick(rnd, sig, n);
            sig[n] = switch (rnd.nextInt(4)) {
                case 0, 1 -> b.and(x, y);
                case 2 -> b.xor(x, y);
                default -> b.mux(x, y, z);
            };
        }
        for (int o = 0; o < outputs; o++) {
            int lit = o == 0 && outputs > 2 ? Lit.TRUE : pick(rnd, sig, sig.length);
            b.addOutput("out[" + o + "]", lit);
        }
        return b.build();
    }

    private static int pick(Random rnd, int[] sig, int n) {
        // prefer recent signals so networks get deep
        int k = n - 1 - Math.min(n - 1, (int) Math.abs(rnd.nextGaussian() * 8));
        return Lit.notIf(sig[k], rnd.nextBoolean());
    }
}
