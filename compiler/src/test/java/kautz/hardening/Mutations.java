package kautz.hardening;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Seeded random damage to a file: truncation, byte flips, syntax characters, deleted, duplicated and inserted spans. */
final class Mutations {
    private Mutations() {}

    /** Characters that matter to the parsers: they reach deeper states than random bytes. */
    private static final String SYNTAX = " \n\t(){}[]<>,;:=.+-*^|&~!?0123456789#/\\\"xabW";

    static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = rnd.nextInt(b.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (rnd.nextInt(7)) {
                case 0 -> out.write(b, 0, at);                                                          // truncate
                case 1 -> { b[at] = (byte) rnd.nextInt(256); out.write(b, 0, b.length); }            // any byte
                case 2 -> { b[at] = (byte) SYNTAX.charAt(rnd.nextInt(SYNTAX.length())); out.write(b, 0, b.length); }
                case 3 -> { int len = Math.min(b.length - at, 1 + rnd.nextInt(20)); out.write(b, 0, at); out.write(b, at + len, b.length - at - len); }
                case 4 -> { int len = Math.min(b.length - at, 1 + rnd.nextInt(40)); out.write(b, 0, at + len); out.write(b, at, b.length - at); }
                case 5 -> { out.write(b, 0, at); for (int k = rnd.nextInt(12); k >= 0; k--) out.write('9'); out.write(b, at, b.length - at); } // big numbers
                default -> { out.write(b, 0, at); out.write(SYNTAX.charAt(rnd.nextInt(SYNTAX.length()))); out.write(b, at, b.length - at); }
            }
            b = out.toByteArray();
        }
        return b;
    }
}
