package kautz.sweep;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives up on a point that runs longer than a limit: the point becomes an error row and the study goes on.
 *
 * <p>The point runs in a daemon thread of its own. When the limit passes, that thread is interrupted and
 * abandoned: it runs on in the background until the command ends by itself (kautz bounds all its work) and
 * its result is dropped. It is not stopped ({@code Thread.stop}): a thread stopped while the JVM initialises
 * a class for it leaves that class broken for every later point (tried; it happens on a cold JVM). So that
 * abandoned points cannot crowd out the study, a point does not start while {@code maxAbandoned} of them
 * are still running in this JVM.
 *
 * @param inner        evaluates the point
 * @param seconds      the limit in seconds of wall time (positive)
 * @param maxAbandoned how many abandoned points may run on in this JVM before new points wait for them
 */
public record TimedEvaluator(PointEvaluator inner, double seconds, int maxAbandoned) implements PointEvaluator {
    private static final long serialVersionUID = 1L;
    /** Thread names of running points; an abandoned one gets {@link #ABANDONED} in front. */
    static final String THREAD = "kautz-sweep-point-";
    static final String ABANDONED = "abandoned-";
    private static final long WAIT_MILLIS = 50;

    public TimedEvaluator {
        if (!(seconds > 0)) throw new IllegalArgumentException("a point timeout must be positive: " + seconds);
        if (maxAbandoned < 1) throw new IllegalArgumentException("maxAbandoned must be positive: " + maxAbandoned);
    }

    /** At most one abandoned point per core runs beside the study's own. */
    public TimedEvaluator(PointEvaluator inner, double seconds) {
        this(inner, seconds, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String work() { return inner.work(); }

    /** The error a point that ran out of time gets; the same text on every machine. */
    public static String message(double seconds) {
        return "timed out after " + text(seconds) + " s (the sweep's point timeout)";
    }

    @Override
    public PointResult evaluate(Point point) {
        FutureTask<PointResult> task = new FutureTask<>(() -> inner.evaluate(point));
        Thread worker = new Thread(task, THREAD + point.index());
        worker.setDaemon(true);  // never keeps the JVM alive
        try {
            while (abandonedRunning() >= maxAbandoned) Thread.sleep(WAIT_MILLIS);
            long start = System.nanoTime();
            worker.start();
            try {
                return task.get(Math.round(seconds * 1e9), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                abandon(worker);
                return new PointResult(point, null, message(seconds), (System.nanoTime() - start) / 1e9);
            } catch (ExecutionException e) {
                return new PointResult(point, null, "exception: " + e.getCause(), (System.nanoTime() - start) / 1e9);
            }
        } catch (InterruptedException e) {
            // The study itself was cancelled (Ctrl-C, a killed Spark task): no row, the point stays to do.
            abandon(worker);
            Thread.currentThread().interrupt();
            throw new CancellationException("point " + point.index() + " cancelled");
        }
    }

    private static void abandon(Thread worker) {
        worker.setName(ABANDONED + worker.getName());
        worker.interrupt();  // ends it early wherever the command does look
    }

    /** Abandoned points still running in this JVM (its thread list is the only record: no static state). */
    static int abandonedRunning() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) root = root.getParent();
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().startsWith(ABANDONED + THREAD) && threads[i].isAlive()) count++;
        }
        return count;
    }

    static String text(double seconds) {
        return Stats.csv(seconds);
    }
}
