package kautz.jit;

import java.lang.reflect.Method;

/**
 * Whether generated code can use jdk.incubator.vector: the module is present only when the JVM was started
 * with {@code --add-modules jdk.incubator.vector} (the {@code kautz} launcher does so), and then it prints
 * one "Using incubator modules" warning on stderr. Looked up by reflection so the project compiles and runs
 * without the module; the JIT then generates code on longs.
 */
final class Simd {
    private static final int LANES = preferredLanes();

    private Simd() {}

    /** Longs per vector of the JVM's preferred species if the module is there and vectors are wider than a long; else 0. */
    static int lanes() { return LANES; }

    private static int preferredLanes() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return 0;
        try {
            Class<?> vector = Class.forName("jdk.incubator.vector.LongVector");
            Object species = vector.getField("SPECIES_PREFERRED").get(null);
            Method length = Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("length");
            int n = (Integer) length.invoke(species);
            return n >= 2 && n <= 8 ? n : 0;
        } catch (ReflectiveOperationException | LinkageError e) {
            return 0;
        }
    }
}
