package kautz.cli;

import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's tour: it writes nothing inside the repository, and its bench line shows what it promises. */
class ReadmeTourTest {
    private static List<String> tour() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int at = readme.indexOf("## A short tour");
        assertTrue(at >= 0, "README.md has no tour");
        int start = readme.indexOf("```sh\n", at) + 6;
        List<String> lines = new ArrayList<>();
        for (String l : readme.substring(start, readme.indexOf("```", start)).split("\n")) {
            if (l.startsWith("./kautz ")) lines.add(l.replaceFirst("\\s+#.*$", ""));
        }
        assertFalse(lines.isEmpty());
        return lines;
    }

    @Test
    void everyFileTheTourWritesIsOutsideTheRepository() throws IOException {
        for (String line : tour()) {
            List<String> words = Arrays.asList(line.split("\\s+"));
            for (int i = 0; i + 1 < words.size(); i++) {
                if (List.of("-o", "--output", "--vcd").contains(words.get(i))) {
                    assertTrue(words.get(i + 1).startsWith("/tmp/"), "the tour writes into the repository: " + line);
                }
            }
            // a sweep file names its results file inside the repository (docs/sweeps): the tour must redirect it
            if (line.startsWith("./kautz sweep ")) assertTrue(words.contains("-o"), "the tour's sweep needs -o: " + line);
        }
    }

    @Test
    void theTourBenchAgainstSimplerShowsSimplersCycles() throws IOException {
        String line = tour().stream().filter(l -> l.startsWith("./kautz bench ") && l.contains("--scheduler simpler")).findFirst().orElseThrow();
        Path dir = SharedBenchmarks.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, SharedBenchmarks.MISSING);
        // the tour's options on one of its files
        List<String> args = new ArrayList<>(Arrays.asList(line.substring("./kautz ".length()).split("\\s+")));
        int glob = args.indexOf("../shared/benchmarks/nor-mapped/epfl/*.v");
        assertTrue(glob > 0, line);
        args.set(glob, dir.resolve("nor-mapped/epfl/ctrl.v").toString());
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\nctrl .*cycles \\d+/\\d+ .*"), "no cycles compared with SIMPLER's:\n" + r.out());
        // without a row setting SIMPLER measured, the table says which ones it knows
        CliRun any = CliRun.of("bench", dir.resolve("nor-mapped/epfl/ctrl.v").toString(), "--scheduler", "simpler");
        assertTrue(any.out().contains("min row 41 (cycles known at --row-size simpler, min, 512, 1024)"), any.out());
    }
}
