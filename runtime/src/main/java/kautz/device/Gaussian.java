package kautz.device;

import java.util.SplittableRandom;

/** Standard normal draws from a seeded generator (Box–Muller; SplittableRandom has no nextGaussian on Java 17). */
final class Gaussian {
    private Gaussian() {}

    static double next(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
