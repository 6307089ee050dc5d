package kautz.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DevicesCommandTest {
    private static CliRun kautz(String... args) { return CliRun.of(args); }

    private static final String XOR = """
            .kernel xor
            .target magic-nor
            .rowsize 8
            .input a 0
            .input b 1
            .output y 6
            init1 2, 3, 4, 5, 6
            nor 2, 0, 1
            nor 3, 0, 2
            nor 4, 1, 2
            nor 5, 3, 4
            nor 6, 5
            """;

    @Test
    void devicesListsPresetsWithTheirSources() {
        CliRun r = kautz("devices");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hfzro-60") && r.out().contains("Nano-Micro Letters 17:217"), r.out());
        assertTrue(r.out().contains("rram-2bit-levy2021") && r.out().contains("Levy et al."), r.out());
        assertTrue(r.out().contains("defaults: "), r.out());
    }

    @Test
    void showAndWriteVerifyDescribeOnePreset() {
        CliRun show = kautz("devices", "--show", "gst-8");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("states                 8"), show.out());
        assertTrue(show.out().matches("(?s).*driftNu\\s+0\\.05\\s+\\(default\\).*"), show.out());
        CliRun wv = kautz("devices", "--write-verify", "rram-2bit-levy2021", "--cells", "500");
        assertEquals(0, wv.code(), wv.err());
        assertTrue(wv.out().contains("ispp") && wv.out().contains("adaptive") && wv.out().contains("read BER"), wv.out());
        CliRun bad = kautz("devices", "--write-verify", "hfo2-1t1r", "--levels", "4");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--levels must lie between 2 and the 2 states of hfo2-1t1r"), bad.err());
    }

    @Test
    void simWithADeviceReportsEnergyWearAndLifetime(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("xor.kasm");
        Files.writeString(f, XOR);
        CliRun r = kautz("sim", f.toString(), "--rows", "128", "--device", "au-hbn-ti", "--json");
        assertEquals(0, r.code(), r.err());
        for (String key : new String[]{"\"energyPJ\"", "\"maxCellWrites\": 2", "\"device\": \"au-hbn-ti\"", "\"lifetimeRuns\"",
                "\"writeErrors\"", "\"pulsesPerWrite\"", "\"readBER\"", "\"energySplitPJ\"", "\"mismatches\": 0"}) {
            assertTrue(r.out().contains(key), key + " in " + r.out());
        }
        CliRun bad = kautz("sim", f.toString(), "--device", "nonesuch");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("kautz: --device: no preset named 'nonesuch'"), bad.err());
        CliRun arr = kautz("sim", f.toString(), "--device", "hfo2-1t1r", "--array", "2t2r");
        assertEquals(2, arr.code());
        assertTrue(arr.err().contains("unknown array type '2t2r'"), arr.err());
    }

    @Test
    void repeatedRunsOnAWeakDeviceReportWhenMismatchesBegin(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("xor.kasm");
        Files.writeString(f, XOR);
        Path dev = dir.resolve("weak.device");
        Files.writeString(dev, "name = weak\ntitle = test device\ncitation = none\nenduranceCycles = 10\n");
        CliRun r = kautz("sim", f.toString(), "--rows", "64", "--device", dev.toString(), "--runs", "100");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("100 runs: mismatches begin at run"), r.out());
        CliRun j = kautz("sim", f.toString(), "--rows", "64", "--device", dev.toString(), "--runs", "100", "--wear-levelling", "--json");
        assertEquals(0, j.code(), j.err());
        assertTrue(j.out().contains("\"firstMismatchRun\": ") && j.out().contains("\"firstMismatchRunUnlevelled\": "), j.out());
        assertTrue(j.out().contains("\"energyByOpPJ\": {\"init1\": "), j.out());
    }

    @Test
    void runOnTheDeviceReportsTheDesignKeysAndChecksEveryRow(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("maj.kz");
        Files.writeString(f, "kernel m(a: bit, b: bit, c: bit) -> (y: bit) { y = maj(a, b, c); }\n");
        CliRun r = kautz("run", f.toString(), "--rows", "300", "--device", "hfo2-1t1r", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"mismatches\": 0") && r.out().contains("\"energyPJ\": ") && r.out().contains("\"maxCellWrites\": ")
                && r.out().contains("\"device\": \"hfo2-1t1r\"") && r.out().contains("\"lifetimeRuns\": "), r.out());
        CliRun explicit = kautz("run", f.toString(), "--inputs", "a=1,b=1,c=0", "--device", "hfo2-1t1r");
        assertTrue(explicit.out().startsWith("y=1\nmismatches 0 ("), explicit.out());
        Path weak = dir.resolve("weak.device");
        Files.writeString(weak, "name = weak\ntitle = test device\ncitation = none\nenduranceCycles = 10\n");
        CliRun worn = kautz("run", f.toString(), "--rows", "64", "--device", weak.toString(), "--runs", "200");
        assertEquals(0, worn.code(), worn.err());
        assertTrue(worn.out().contains("200 runs: mismatches begin at run"), worn.out());
        CliRun unknown = kautz("run", f.toString(), "--inputs", "a=1,b=1,c=0,d=1", "--device", "hfo2-1t1r");
        assertEquals(2, unknown.code());
        assertEquals("kautz: --inputs: no kernel input named 'd'", unknown.err().strip());
    }

    @Test
    void memContentsGivenOnTheCommandLineArePlacedBeforeTheFirstKernel(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("counter.kz");
        Files.writeString(f, """
                mem count: mlc<8>[1];
                kernel bump() -> (was: u<3>) {
                    was = count[0];
                    if was != 7 { count[0] = was + 1; }
                }
                """);
        CliRun r = kautz("run", f.toString(), "--kernel", "bump,bump", "--inputs", "@count[0]=3", "--device", "hzo-8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("bump: was=3\nbump: was=4\nmismatches 0 ("), r.out());
        assertTrue(r.out().contains("multi-level (ispp): 2 writes"), r.out());
    }
}
