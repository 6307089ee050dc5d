package kautz.cli;

import kautz.isa.Assembler;
import kautz.isa.PartitionModel;
import kautz.isa.Program;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --partitions} and {@code --model} on compile, run, bench and verify, and their bad input. */
class PartitionsCliTest {
    private static final String KERNEL = """
            import std.arith;
            kernel add8(a: u<8>, b: u<8>) -> (sum: u<8>, cout: bit) {
                (sum, cout) = ripple_add(a, b, 0);
            }
            """;

    private static Path kernel(Path dir) throws Exception {
        Path kz = dir.resolve("add8.kz");
        Files.writeString(kz, KERNEL);
        return kz;
    }

    @Test
    void compileWritesAPartitionedProgramThatRunsAndVerifies(@TempDir Path dir) throws Exception {
        Path kz = kernel(dir);
        for (String model : new String[] {"unlimited", "standard", "minimal"}) {
            Path out = dir.resolve(model + ".kasm");
            CliRun c = CliRun.of("compile", kz.toString(), "--partitions", "8", "--model", model, "--init", "op", "-o", out.toString(), "--json");
            assertEquals(0, c.code(), c.err());
            assertTrue(c.out().contains("\"partitions\": 8") && c.out().contains("\"model\": \"" + model + "\""), c.out());
            Program p = Assembler.read(out);
            assertEquals(8, p.partitions().count());
            assertEquals(PartitionModel.parse(model), p.model());
            CliRun sim = CliRun.of("sim", out.toString(), "--inputs", "a=200,b=100");
            assertEquals(0, sim.code(), sim.err());
            assertTrue(sim.out().contains("sum=44") && sim.out().contains("cout=1"), sim.out());
            CliRun v = CliRun.of("verify", kz.toString(), "--partitions", "8", "--model", model);
            assertEquals(0, v.code(), v.err() + v.out());
            assertTrue(v.out().startsWith("equivalent"), v.out());
        }
        CliRun run = CliRun.of("run", kz.toString(), "--partitions", "4x40", "--inputs", "random", "--rows", "256", "--json");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("\"mismatches\": 0") && run.out().contains("\"partitionSpec\": \"4x40\""), run.out());
        CliRun bench = CliRun.of("bench", kz.toString(), "--partitions", "8", "--json");
        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("\"mismatches\": 0"), bench.out());
    }

    @Test
    void partitionsCutTheCyclesOfAWideKernel(@TempDir Path dir) throws Exception {
        Path kz = kernel(dir);
        long one = cycles(CliRun.of("compile", kz.toString(), "--json"));
        long eight = cycles(CliRun.of("compile", kz.toString(), "--partitions", "8", "--json"));
        assertTrue(eight < one, eight + " vs " + one);
    }

    private static long cycles(CliRun r) {
        assertEquals(0, r.code(), r.err());
        var m = java.util.regex.Pattern.compile("\"cycles\": (\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        return Long.parseLong(m.group(1));
    }

    @Test
    void badInputIsOneLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path kz = kernel(dir);
        Path out = dir.resolve("never.kasm");
        String[][] cases = {
                {"--partitions", "4x8", "--row-size", "30"},
                {"--partitions", "10,10", "--row-size", "30"},
                {"--partitions", "64", "--row-size", "32"},
                {"--partitions", "4x2"},
                {"--partitions", "8y2"},
                {"--partitions", "0"},
                {"--partitions", "8", "--model", "maximal"},
                {"--model", "standard"},
                {"--partitions", "8", "--scheduler", "live"},
                {"--partitions", "8", "--row-size", "min"},
        };
        for (String[] extra : cases) {
            String[] args = new String[extra.length + 4];
            args[0] = "compile";
            args[1] = kz.toString();
            args[2] = "-o";
            args[3] = out.toString();
            System.arraycopy(extra, 0, args, 4, extra.length);
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), String.join(" ", extra) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("kautz: "), r.err());
            assertFalse(Files.exists(out), String.join(" ", extra));
        }
        assertEquals(2, CliRun.of("compile", kz.toString(), "--partitions").code());
    }
}
