package kautz.bench;

import kautz.netlist.AigerWriter;
import kautz.network.Aig;
import kautz.network.AigBuilder;
import kautz.network.Lit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Generated networks of any size for the scaling measurements (docs/scaling.md): a seeded random network of
 * full adders with local structure, like a large datapath cut into pieces. There are {@link #INPUTS} inputs;
 * each step takes three signals of the last {@link #WINDOW} made (the first is the oldest nothing reads yet,
 * if there is one; with probability 1/16 the third is any earlier signal, a long wire), each complemented with
 * probability 1/2, and adds their sum (two XORs) and carry (a majority) as two new signals, until the network
 * has at least the ANDs asked for (structural hashing merges what repeats, so a step adds up to 7 ANDs). Every
 * signal nothing reads and the last {@link #OUTPUTS} signals are outputs. Sums and majorities keep every
 * signal's function balanced, so optimisation finds little to remove (as on random logic, unlike on the EPFL
 * circuits) and every stage sees about the size it is given.
 *
 * <pre>java -cp bench/target/benchmarks.jar kautz.bench.ScaleNetworks ANDS OUT.aig [SEED]</pre>
 */
public final class ScaleNetworks {
    static final int INPUTS = 256;
    static final int OUTPUTS = 128;
    static final int WINDOW = 64;

    private ScaleNetworks() {}

    public static Aig generate(int ands, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        AigBuilder b = new AigBuilder(Math.max(AigBuilder.DEFAULT_MAX_NODES, ands + INPUTS + 8));
        for (int i = 0; i < INPUTS; i++) b.addInput("x" + i);
        int capacity = INPUTS + ands / 2 + 16;  // a step makes two signals and at least 4 new ANDs
        int[] lit = new int[capacity];          // the k-th signal made (inputs first)
        boolean[] read = new boolean[capacity];
        for (int i = 0; i < INPUTS; i++) lit[i] = b.input(i);
        int made = INPUTS, oldestUnread = 0;
        while (b.numAnds() < ands && made + 2 <= capacity) {
            int lo = Math.max(0, made - WINDOW);
            while (oldestUnread < made && (read[oldestUnread] || oldestUnread < lo)) oldestUnread++;
            int f0 = oldestUnread < made ? oldestUnread : lo + rnd.nextInt(made - lo);
            int f1 = lo + rnd.nextInt(made - lo);
            int f2 = rnd.nextInt(16) == 0 ? rnd.nextInt(made) : lo + rnd.nextInt(made - lo);
            int x = maybeNot(lit[f0], rnd), y = maybeNot(lit[f1], rnd), z = maybeNot(lit[f2], rnd);
            int sum = b.xor(b.xor(x, y), z), carry = b.maj(x, y, z);
            read[f0] = read[f1] = read[f2] = true;
            lit[made++] = sum;
            lit[made++] = carry;
        }
        int outputs = 0;
        for (int k = INPUTS; k < made; k++) {
            if (!read[k] || k >= made - OUTPUTS) b.addOutput("y" + outputs++, lit[k]);
        }
        return b.build();
    }

    private static int maybeNot(int lit, SplittableRandom rnd) {
        return rnd.nextBoolean() ? Lit.not(lit) : lit;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ScaleNetworks ANDS OUT.aig [SEED]");
            System.exit(2);
        }
        int ands = Integer.parseInt(args[0].replace("_", ""));
        Aig aig = generate(ands, args.length == 3 ? Long.parseLong(args[2]) : 1);
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20)) {
            AigerWriter.writeBinary(aig, o);
        }
        System.out.println(args[1] + ": " + aig.numInputs() + " inputs, " + aig.numOutputs() + " outputs, " + aig.numAnds() + " ANDs");
    }
}
