package kautz.util;

import kautz.diag.UserError;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Seeded mutation fuzzing of a reader against the error contract: every input is either accepted or
 * refused with one {@link UserError} line that starts with the file's name; never another exception, a
 * stack overflow, running out of memory or running past a deadline. A failing input is shrunk (chunks
 * removed while it still fails the same way) before it is reported, so the report is a small case.
 *
 * <p>The torture tests of every module (readers, the .kz front end, the assembler, device, family and
 * sweep files) share it; it lives here so that they need no test-jar.
 */
public final class Fuzz {
    private Fuzz() {}

    /** Reads one input; a bad one must be refused with a {@link UserError}. */
    @FunctionalInterface
    public interface Reader {
        void read(byte[] input) throws Exception;
    }

    /** Characters that matter to most parsers: they reach deeper states than random bytes. */
    public static final String SYNTAX = " \n\t(){}[]<>,;:=.+-*^|&~!?0123456789#/\\\"xabW@";

    /** Shrinking stops after this many runs of the reader. */
    private static final int SHRINK_RUNS = 400;

    /**
     * Checks {@code mutations} seeded mutations of each seed input.
     *
     * @param file     the name the reader is given; every error must start with it
     * @param perCase  how long one input may take (a hang is a failure)
     * @throws AssertionError naming the broken contract, with the shrunk input
     */
    public static void run(String file, List<byte[]> seeds, int mutations, long seed, String syntax, Duration perCase, Reader reader) {
        Random rnd = new Random(seed);
        ExecutorService pool = Executors.newSingleThreadExecutor(Fuzz::daemon);
        try {
            for (byte[] s : seeds) {
                String bad = check(pool, file, reader, s, perCase);
                if (bad != null) throw new AssertionError(file + ": a seed input breaks the contract: " + bad);
                for (int k = 0; k < mutations; k++) {
                    byte[] input = mutate(s, rnd, syntax);
                    bad = check(pool, file, reader, input, perCase);
                    if (bad != null) {
                        if (bad.startsWith("no answer")) pool = replace(pool);
                        byte[] small = shrink(pool, file, reader, input, perCase, kind(bad));
                        throw new AssertionError(file + " mutation " + k + ": " + bad + "\n--- shrunk input (" + small.length + " of "
                                + input.length + " bytes) ---\n" + new String(small, StandardCharsets.ISO_8859_1));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when {@code input} keeps the contract, else what went wrong. */
    public static String check(String file, Reader reader, byte[] input, Duration perCase) {
        ExecutorService pool = Executors.newSingleThreadExecutor(Fuzz::daemon);
        try {
            return check(pool, file, reader, input, perCase);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String check(ExecutorService pool, String file, Reader reader, byte[] input, Duration perCase) {
        Future<String> f = pool.submit(() -> {
            try {
                reader.read(input);
                return null;
            } catch (UserError e) {
                if (!e.getMessage().startsWith(file)) return "message does not name the file: " + e.getMessage();
                if (e.getMessage().contains("\n")) return "message is not one line: " + e.getMessage();
                return null;
            } catch (StackOverflowError | OutOfMemoryError e) {
                return "threw " + e.getClass().getName();
            } catch (Exception e) {
                return "threw " + e;
            }
        });
        try {
            return f.get(perCase.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return "no answer within " + perCase.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            return "threw " + e.getCause();
        }
    }

    /** The class of failure, so that shrinking keeps the same bug (not any failure). */
    private static String kind(String bad) {
        if (bad.startsWith("threw ")) {
            String rest = bad.substring(6);
            int colon = rest.indexOf(':');
            return "threw " + (colon < 0 ? rest : rest.substring(0, colon));
        }
        int colon = bad.indexOf(':');
        return colon < 0 ? bad : bad.substring(0, colon);
    }

    /** Removes ever smaller chunks while the input still fails the same way (a simple delta debugging). */
    private static byte[] shrink(ExecutorService pool, String file, Reader reader, byte[] input, Duration perCase, String kind) {
        byte[] best = input;
        int runs = 0;
        ExecutorService[] p = {pool};
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && runs < SHRINK_RUNS; chunk /= 2) {
            for (int at = 0; at + chunk <= best.length && runs < SHRINK_RUNS; ) {
                byte[] smaller = new byte[best.length - chunk];
                System.arraycopy(best, 0, smaller, 0, at);
                System.arraycopy(best, at + chunk, smaller, at, best.length - at - chunk);
                String bad = check(p[0], file, reader, smaller, perCase);
                runs++;
                if (bad != null && bad.startsWith("no answer")) p[0] = replace(p[0]);
                if (bad != null && kind(bad).equals(kind)) best = smaller;
                else at += chunk;
            }
        }
        return best;
    }

    private static ExecutorService replace(ExecutorService stuck) {
        stuck.shutdownNow(); // its thread may still spin on the hung input; it is a daemon
        return Executors.newSingleThreadExecutor(Fuzz::daemon);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    }

    /** Seeded damage: truncation, any byte, syntax characters, deleted, duplicated and inserted spans, long numbers. */
    public static byte[] mutate(byte[] in, Random rnd, String syntax) {
        byte[] b = in.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = rnd.nextInt(b.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (rnd.nextInt(7)) {
                case 0 -> out.write(b, 0, at);
                case 1 -> { b[at] = (byte) rnd.nextInt(256); out.write(b, 0, b.length); }
                case 2 -> { b[at] = (byte) syntax.charAt(rnd.nextInt(syntax.length())); out.write(b, 0, b.length); }
                case 3 -> { int len = Math.min(b.length - at, 1 + rnd.nextInt(20)); out.write(b, 0, at); out.write(b, at + len, b.length - at - len); }
                case 4 -> { int len = Math.min(b.length - at, 1 + rnd.nextInt(40)); out.write(b, 0, at + len); out.write(b, at, b.length - at); }
                case 5 -> { out.write(b, 0, at); for (int k = rnd.nextInt(12); k >= 0; k--) out.write('9'); out.write(b, at, b.length - at); }
                default -> { out.write(b, 0, at); out.write(syntax.charAt(rnd.nextInt(syntax.length()))); out.write(b, at, b.length - at); }
            }
            b = out.toByteArray();
        }
        return b;
    }
}
