package kautz.mapping;

import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random AIGs (ANDs, XORs, MUXes, majorities over random literals) for mapping tests. */
final class RandomAigs {
    private RandomAigs() {}

    static Aig random(long seed, int inputs, int steps, int outputs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AigBuilder b = new AigBuilder();
        List<Integer> sigs = new ArrayList<>();
        for (int i = 0; i < inputs; i++) sigs.add(b.addInput("x[" + i + "]"));
        for (int s = 0; s < steps; s++) {
            int x = pick(rnd, sigs);
            int y = pick(rnd, sigs);
            int z = pick(rnd, sigs);
            int r = switch (rnd.nextInt(5)) {
                case 0, 1 -> b.and(x, y);
                case 2 -> b.xor(x, y);
                case 3 -> b.mux(x, y, z);
                default -> b.maj(x, y, z);
            };
            sigs.add(r);
        }
        for (int o = 0; o < outputs; o++) b.addOutput("y[" + o + "]", pick(rnd, sigs.subList(inputs, sigs.size())));
        b.addOutput("konst", Lit.TRUE);
        b.addOutput("pass", Lit.not(sigs.get(0)));
        return b.build();
    }

    private static int pick(SplittableRandom rnd, List<Integer> sigs) {
        int s = sigs.get(sigs.size() - 1 - Math.min(sigs.size() - 1, rnd.nextInt(Math.min(sigs.size(), 12))));
        return rnd.nextBoolean() ? Lit.not(s) : s;
    }
}
