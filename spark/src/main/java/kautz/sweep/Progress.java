package kautz.sweep;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The progress line on stderr: points done of the total, errors, rate and the time left. On a terminal it
 * is redrawn in place once a second; otherwise (a log, CI) a line is printed every ten seconds.
 */
public final class Progress {
    private final int total;
    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long start;
    private long lastPrint;
    private int done;
    private int errors;

    public Progress(int total, PrintWriter err, boolean terminal, LongSupplier nanos) {
        this.total = total;
        this.err = err;
        this.terminal = terminal;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.lastPrint = start;
    }

    public void step(boolean ok) {
        done++;
        if (!ok) errors++;
        long now = nanos.getAsLong();
        if (now - lastPrint >= (terminal ? 1_000_000_000L : 10_000_000_000L)) {
            lastPrint = now;
            print(now, false);
        }
    }

    public void finish() {
        print(nanos.getAsLong(), true);
    }

    public double seconds() { return (nanos.getAsLong() - start) / 1e9; }

    private void print(long now, boolean last) {
        String line = line(done, total, errors, (now - start) / 1e9);
        if (terminal) {
            err.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** The progress line's text. */
    static String line(int done, int total, int errors, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder sb = new StringBuilder("kautz sweep: ").append(done).append('/').append(total).append(" points");
        if (total > 0) sb.append(String.format(java.util.Locale.ROOT, " (%d%%)", (int) Math.floor(100.0 * done / total)));
        if (errors > 0) sb.append(", ").append(errors).append(errors == 1 ? " error" : " errors");
        sb.append(String.format(java.util.Locale.ROOT, ", %.3g points/s", rate));
        if (done < total) sb.append(", ETA ").append(rate > 0 ? duration((total - done) / rate) : "unknown");
        else sb.append(", took ").append(duration(seconds));
        return sb.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format("%02ds", s % 60);
        return (s / 3600) + "h" + String.format("%02dm", (s % 3600) / 60);
    }
}
