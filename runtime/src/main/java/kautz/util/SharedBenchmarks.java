package kautz.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code ../shared/benchmarks} beside the repository root (the EPFL circuits, the ABC NOR-mapped
 * netlists and SIMPLER's REFERENCE.tsv). They are read in place, never copied into the project; a user's
 * clone has no {@code ../shared}, so callers must cope with an empty result (tests skip with a message).
 * The system property or environment variable {@code KAUTZ_SHARED} overrides the search.
 */
public final class SharedBenchmarks {
    private SharedBenchmarks() {}

    public static Optional<Path> dir() {
        String override = System.getProperty("KAUTZ_SHARED", System.getenv("KAUTZ_SHARED"));
        if (override != null) {
            Path p = Path.of(override).resolve("benchmarks");
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        Path d = Path.of("").toAbsolutePath();
        for (int up = 0; d != null && up < 4; up++, d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("benchmarks");
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The message tests print when they skip for lack of the shared benchmarks. */
    public static final String MISSING = "../shared/benchmarks not found beside the repository: skipping (set KAUTZ_SHARED to its parent folder)";
}
