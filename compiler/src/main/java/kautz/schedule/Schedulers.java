package kautz.schedule;

import com.google.common.collect.ImmutableList;
import kautz.diag.UsageError;

import java.util.ServiceLoader;

/**
 * The registry of schedulers: one explicit list of the built-in ones, the first the default, then any found
 * as plugins: implementations of {@link Scheduler} named in a jar's {@code META-INF/services/kautz.schedule.Scheduler}
 * ({@link ServiceLoader}, through the thread's context class loader). A built-in name wins over a plugin's.
 */
public final class Schedulers {
    private Schedulers() {}

    public static ImmutableList<Scheduler> all() {
        ImmutableList.Builder<Scheduler> all = ImmutableList.<Scheduler>builder()
                .add(new LiveSearchScheduler(), new SimplerScheduler(), new TopoScheduler(), new PartitionScheduler(), new WearScheduler());
        for (Scheduler plugin : ServiceLoader.load(Scheduler.class)) all.add(plugin);
        return all.build();
    }

    public static Scheduler defaultScheduler() { return all().get(0); }

    /** The schedulers for an undivided row, one op per cycle (every family, in-place and serial gates included). */
    public static ImmutableList<Scheduler> undivided() {
        return all().stream().filter(s -> !s.partitionAware()).collect(ImmutableList.toImmutableList());
    }

    /** The default scheduler for a row of several partitions. */
    public static Scheduler defaultPartitioned() {
        return all().stream().filter(Scheduler::partitionAware).findFirst().orElseThrow();
    }

    public static Scheduler byName(String name) {
        for (Scheduler s : all()) if (s.name().equals(name)) return s;
        StringBuilder known = new StringBuilder();
        for (Scheduler s : all()) known.append(known.length() == 0 ? "" : ", ").append(s.name());
        throw new UsageError("unknown scheduler '" + name + "' (known: " + known + ")");
    }
}
