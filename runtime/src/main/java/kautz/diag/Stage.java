package kautz.diag;

import java.util.function.Supplier;

/**
 * The stage of work the current thread is in ("reading x.aig", "optimising", "mapping to magic-nor",
 * "scheduling"), so that the command line can say where a resource ran out: an OutOfMemoryError caught at
 * the boundary names the stage instead of printing a trace. Stages nest; leaving one restores the outer.
 */
public final class Stage {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    /** The innermost stage an OutOfMemoryError left, until {@link #takeOutOfMemory()} reads it. */
    private static final ThreadLocal<String> OUT_OF_MEMORY = new ThreadLocal<>();

    private Stage() {}

    /** Runs {@code work} as the stage {@code name}. */
    public static <T> T run(String name, Supplier<T> work) {
        String outer = CURRENT.get();
        CURRENT.set(name);
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            if (OUT_OF_MEMORY.get() == null) OUT_OF_MEMORY.set(name); // the innermost stage comes first
            throw e;
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The innermost stage an OutOfMemoryError passed through on this thread (null if none), and forgets it. */
    public static String takeOutOfMemory() {
        String s = OUT_OF_MEMORY.get();
        OUT_OF_MEMORY.remove();
        return s;
    }

    /** The innermost stage this thread is in, or null outside any. */
    public static String current() {
        return CURRENT.get();
    }

    /**
     * The one line a command prints when the heap ran out: the stage, the heap it had, and the -Xmx to try
     * (twice the heap, at most four fifths of the machine's memory), or that the machine is too small.
     */
    public static String outOfMemoryMessage(String stage, long maxHeapBytes, long physicalBytes) {
        long heapMb = Math.max(1, maxHeapBytes >> 20), physMb = physicalBytes >> 20;
        String line = "out of memory" + (stage == null ? "" : " while " + stage) + " (Java heap " + size(heapMb) + ")";
        long tryMb = 2 * heapMb;
        if (physMb > 0 && tryMb > physMb * 4 / 5) {
            tryMb = physMb * 4 / 5;
            if (tryMb <= heapMb * 11 / 10) return line + "; this machine's " + size(physMb) + " are not enough for this design";
            return line + "; try KAUTZ_JAVA_OPTS=-Xmx" + xmx(tryMb) + " (this machine has " + size(physMb) + ")";
        }
        return line + "; try KAUTZ_JAVA_OPTS=-Xmx" + xmx(tryMb);
    }

    private static String size(long mb) {
        return mb >= 1024 ? (mb + 512) / 1024 + " GB" : mb + " MB";
    }

    private static String xmx(long mb) {
        return mb >= 1024 ? mb / 1024 + "g" : mb + "m";
    }

    /** {@link #outOfMemoryMessage(String, long, long)} for this JVM and machine, naming the stage the error left. */
    public static String outOfMemoryMessage() {
        long physical = 0;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return outOfMemoryMessage(takeOutOfMemory(), Runtime.getRuntime().maxMemory(), physical);
    }
}
