package kautz.diag;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * What a command is doing now (reading, mapping, scheduling, simulating), so that a long stage shows
 * progress on stderr: once a stage has run {@link #FIRST_NOTE_NANOS} a line names it and its time so
 * far, then another every {@link #EVERY_NANOS}. Stages set it; {@link Reporter} prints it. Stdout, where
 * --json goes, is never touched.
 */
public final class Activity {
    public static final long FIRST_NOTE_NANOS = 2_000_000_000L;
    public static final long EVERY_NANOS = 10_000_000_000L;

    private static volatile String stage;
    private static volatile long since;

    private Activity() {}

    /** The command now does {@code what} (e.g. "scheduling 1200000 gates"). */
    public static void stage(String what) {
        since = System.nanoTime();
        stage = what;
    }

    /** Prints a line for a stage that runs long; {@link #tick} is called periodically. */
    public static final class Reporter {
        private final PrintWriter err;
        private final LongSupplier clock;
        private String noted;
        private long nextNote;

        public Reporter(PrintWriter err, LongSupplier clock) {
            this.err = err;
            this.clock = clock;
            stage = null;
        }

        public synchronized void tick() {
            String s = stage;
            if (s == null) return;
            long start = since, now = clock.getAsLong();
            if (!s.equals(noted)) {
                noted = s;
                nextNote = start + FIRST_NOTE_NANOS;
            }
            if (now < nextNote) return;
            err.println("kautz: " + s + " (" + (now - start) / 1_000_000_000L + " s so far)");
            err.flush();
            nextNote = now + EVERY_NANOS;
        }
    }

    /** Starts a daemon that ticks a reporter every half second until the returned handle is closed. */
    public static AutoCloseable report(PrintWriter err) {
        Reporter r = new Reporter(err, System::nanoTime);
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(500);
                    r.tick();
                }
            } catch (InterruptedException e) {
                // the command ended
            } catch (OutOfMemoryError e) {
                // Progress is best effort; the command's own thread reports the out-of-memory in one line.
            }
        }, "kautz-progress");
        t.setDaemon(true);
        t.start();
        return () -> {
            t.interrupt();
            stage = null;
        };
    }
}
