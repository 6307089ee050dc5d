package kautz.netlist;

import kautz.load.Design;
import kautz.frontend.DesignLoader;
import kautz.network.Aig;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Every shared EPFL file loads with the sizes benchmarks/README.md publishes; each BLIF computes its AIG's function. */
class SharedNetlistsTest {
    private static Path dir() {
        var dir = SharedBenchmarks.dir();
        Assumptions.assumeTrue(dir.isPresent(), SharedBenchmarks.MISSING);
        return dir.get();
    }

    /** {@code name inputs/outputs/ands} as listed in the README. */
    static Map<String, int[]> publishedSizes(Path dir) throws IOException {
        String readme = Files.readString(dir.resolve("README.md"));
        Matcher m = Pattern.compile("(\\w+) (\\d+)/(\\d+)/(\\d+)").matcher(readme);
        Map<String, int[]> sizes = new LinkedHashMap<>();
        while (m.find()) sizes.put(m.group(1), new int[]{Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        return sizes;
    }

    @Test
    void everyEpflAigHasThePublishedSize() throws IOException {
        Path dir = dir();
        Map<String, int[]> sizes = publishedSizes(dir);
        assertEquals(20, sizes.size(), "README lists the 20 EPFL circuits");
        for (var e : sizes.entrySet()) {
            Design d = DesignLoader.load(dir.resolve("epfl/" + e.getKey() + ".aig"), null);
            Aig aig = d.network();
            assertEquals(e.getKey(), d.name());
            assertArrayEquals(e.getValue(), new int[]{aig.numInputs(), aig.numOutputs(), aig.numAnds()}, e.getKey());
        }
    }

    @Test
    void everyEpflBlifComputesTheFunctionOfItsAig() throws IOException {
        Path dir = dir();
        try (var files = Files.list(dir.resolve("epfl"))) {
            for (Path blif : files.filter(p -> p.toString().endsWith(".blif")).sorted().toList()) {
                String stem = blif.getFileName().toString().replace(".blif", "");
                Aig fromBlif = DesignLoader.load(blif, null).network();
                Aig fromAig = DesignLoader.load(dir.resolve("epfl/" + stem + ".aig"), null).network();
                assertEquals(fromAig.inputNames(), fromBlif.inputNames(), stem);
                assertEquals(fromAig.outputNames(), fromBlif.outputNames(), stem);
                Equivalence.assertSimulatesEqual(fromAig, fromBlif, new Random(stem.hashCode()), stem);
            }
        }
    }
}
