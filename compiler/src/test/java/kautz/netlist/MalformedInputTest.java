package kautz.netlist;

import kautz.diag.UserError;
import kautz.util.Fuzz;
import kautz.util.SharedBenchmarks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Seeded random mutations (truncation, byte flips, deleted and duplicated spans, inserted bytes) of small
 * netlists in every format: each reader either accepts the result or throws a {@link UserError} that names
 * the file, never another exception and never a hang.
 */
@Tag("slow")
class MalformedInputTest {
    private static final int MUTATIONS_PER_FILE = 300;

    private record Sample(String name, byte[] bytes) {}

    @Test
    void mutatedFilesGiveOnlyUserErrors() throws IOException {
        List<Sample> samples = new ArrayList<>(ownSamples());
        var dir = SharedBenchmarks.dir();
        if (dir.isPresent()) {
            for (String f : List.of("epfl/ctrl.aig", "epfl/int2float.aig", "epfl/ctrl.blif", "epfl/router.blif",
                    "nor-mapped/c17.v", "nor-mapped/full_adder_1bit.v", "nor-mapped/epfl/ctrl.v")) {
                Path p = dir.get().resolve(f);
                samples.add(new Sample(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        for (Sample s : samples) {
            Fuzz.run(s.name(), List.of(s.bytes()), MUTATIONS_PER_FILE, 20261129, " \n(),;=.01\\#-x", Duration.ofSeconds(20),
                    b -> read(s.name(), b));
        }
    }

    private static void read(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (name.endsWith(".aig") || name.endsWith(".aag")) AigerReader.read(name, bytes);
        else if (name.endsWith(".blif")) BlifReader.read(name, text);
        else if (name.endsWith(".bench")) BenchReader.read(name, text);
        else VerilogReader.read(name, text);
    }

    /** Small files in each format, written here so the test runs without the shared benchmarks. */
    private static List<Sample> ownSamples() throws IOException {
        kautz.network.Aig aig = RandomAigs.random(new Random(7), 5, 30, 3);
        List<Sample> out = new ArrayList<>();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        AigerWriter.writeAscii(aig, b);
        out.add(new Sample("own.aag", b.toByteArray()));
        b = new ByteArrayOutputStream();
        AigerWriter.writeBinary(aig, b);
        out.add(new Sample("own.aig", b.toByteArray()));
        b = new ByteArrayOutputStream();
        BlifWriter.write(aig, "own", b);
        out.add(new Sample("own.blif", b.toByteArray()));
        b = new ByteArrayOutputStream();
        VerilogWriter.write(aig, "own", b);
        out.add(new Sample("own.v", b.toByteArray()));
        out.add(new Sample("own.bench", """
                # c17
                INPUT(G1)
                INPUT(G2)
                INPUT(G3)
                INPUT(G6)
                INPUT(G7)
                OUTPUT(G22)
                OUTPUT(G23)
                G10 = NAND(G1, G3)
                G11 = NAND(G3, G6)
                G16 = NAND(G2, G11)
                G19 = NAND(G11, G7)
                G22 = NAND(G10, G16)
                G23 = LUT 0x7 ( G16, G19 )
                """.getBytes(StandardCharsets.ISO_8859_1)));
        return out;
    }
}
