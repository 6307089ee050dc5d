package kautz.flow;

import com.google.common.util.concurrent.Uninterruptibles;
import kautz.load.Design;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Compiled programs kept for reuse, for a study that compiles the same design with the same options many
 * times (a Monte Carlo point is {@code kautz run} with another seed and device: the same program, compiled
 * again). Keyed by {@link CompileKey}: the loaded design's contents (so an edited source, or an edited local
 * import, is compiled again; a file's path and time stamp do not matter) and every option the flow reads.
 *
 * <p>What it returns is what {@link Flow#compile} returns for that design: the compiled stages are immutable
 * and shared; the {@link Compiled#design()} is the caller's own. Failures are not kept: a failing compile
 * fails again, with the flow's own message. Thread-safe: threads asking for a program that another thread is
 * compiling wait for it instead of compiling it twice. Bounded: at most {@code maxEntries} programs and
 * {@code maxWeight} nodes (network nodes + mapped gates + micro-ops) in all, least recently used dropped first.
 */
public final class CompileCache implements FlowCompiler {
    /** Hits and compilations so far, and what is kept now. */
    public record Stats(long hits, long compiles, int entries, long weight) {
        /** "1998 of 2000 compilations served from the cache (2 compiled)". */
        public String text() {
            return String.format(Locale.ROOT, "%d of %d compilations served from the cache (%d compiled)", hits, hits + compiles, compiles);
        }
    }

    private record Entry(FutureTask<Compiled> task, long weight) {}

    private final int maxEntries;
    private final long maxWeight;
    private final LinkedHashMap<CompileKey, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);  // access order
    private long weight;
    private long hits;
    private long compiles;

    public CompileCache(int maxEntries, long maxWeight) {
        if (maxEntries < 1 || maxWeight < 1) throw new IllegalArgumentException("a cache holds at least one program");
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
    }

    @Override
    public Compiled compile(Design design, FlowOptions options) {
        CompileKey key;
        try {
            key = CompileKey.of(design, options);
        } catch (RuntimeException e) {
            return Flow.compile(design, options);  // an unknown target or scheduler: the flow's own error
        }
        FutureTask<Compiled> task;
        boolean mine = false;
        synchronized (this) {
            Entry e = entries.get(key);
            if (e == null) {
                task = new FutureTask<>(() -> Flow.compile(design, options));
                entries.put(key, new Entry(task, 0));
                mine = true;
                compiles++;
            } else {
                task = e.task();
                hits++;
            }
        }
        if (mine) task.run();
        Compiled c;
        try {
            c = Uninterruptibles.getUninterruptibly(task);
        } catch (ExecutionException failed) {
            synchronized (this) {
                Entry e = entries.get(key);
                if (e != null && e.task() == task) entries.remove(key);
                if (!mine) {
                    hits--;
                    compiles++;
                }
            }
            if (!mine) return Flow.compile(design, options);  // fails again, with the flow's own exception in this thread
            throw rethrow(failed.getCause());
        }
        if (mine) keep(key, task, c);
        return c.design() == design ? c : c.withDesign(design);
    }

    public synchronized Stats stats() {
        return new Stats(hits, compiles, entries.size(), weight);
    }

    /** Records the finished program's weight and drops the least recently used programs beyond the bounds. */
    private synchronized void keep(CompileKey key, FutureTask<Compiled> task, Compiled c) {
        Entry e = entries.get(key);
        if (e == null || e.task() != task) return;
        long w = weight(c);
        entries.put(key, new Entry(task, w));  // (also makes it the most recently used)
        weight += w;
        Iterator<Map.Entry<CompileKey, Entry>> it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || weight > maxWeight) && it.hasNext()) {
            Entry old = it.next().getValue();
            if (!old.task().isDone()) continue;  // still compiling: its thread keeps it until it finishes
            weight -= old.weight();
            it.remove();
        }
    }

    static long weight(Compiled c) {
        return (long) c.design().network().size() + c.mapped().gates().size() + c.program().ops().size();
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);  // Flow.compile throws no checked exceptions
    }
}
