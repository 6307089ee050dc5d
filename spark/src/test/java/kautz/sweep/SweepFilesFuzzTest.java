package kautz.sweep;

import kautz.util.Fuzz;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Sweep descriptions (the samples), damaged at random, keep the error contract: one line naming the file. */
class SweepFilesFuzzTest {
    @Test
    void mutatedSweepSpecsGiveOnlyOneLineUserErrors() throws IOException {
        Path dir = Path.of("..", "samples", "sweeps");
        assumeTrue(Files.isDirectory(dir), "skipped: no samples/sweeps beside the module");
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) seeds.add(Files.readAllBytes(p));
        }
        Path file = dir.resolve("fuzz.json"); // never written: inputs named in the spec resolve beside the samples
        Fuzz.run(file.toString(), seeds, 150, 11, " \n{}[]:,\"0123456789.-eE+truefalsn", Duration.ofSeconds(20),
                b -> SpecParser.parse(file, new String(b, StandardCharsets.UTF_8)));
    }
}
