package kautz.hardening;

import kautz.device.DevicePresets;
import kautz.ports.InputSpec;
import kautz.ports.Ports;
import kautz.util.Fuzz;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The readers of the runtime module beside the assembler (AssemblerFuzzTest): device files and --inputs
 * values, damaged at random, keep the error contract. Also checks that the harness itself catches a
 * broken reader and shrinks its input.
 */
class RuntimeReadersFuzzTest {
    @Test
    void mutatedDeviceFilesGiveOnlyOneLineUserErrors() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("rram-2bit-levy2021", "hfo2-1t1r", "defaults")) {
            try (InputStream in = DevicePresets.class.getClassLoader().getResourceAsStream("devices/" + name + ".device")) {
                assertNotNull(in, name);
                seeds.add(in.readAllBytes());
            }
        }
        Fuzz.run("fuzz.device", seeds, 400, 5, " \n\t=.#-+e0123456789abcdefinorst", Duration.ofSeconds(20),
                b -> DevicePresets.parse("fuzz.device", new String(b, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void mutatedInputValuesGiveOnlyOneLineUserErrors() {
        var ports = Ports.group(List.of("a[0]", "a[1]", "a[2]", "a[3]", "b", "@m[0][0]", "@m[0][1]"));
        Fuzz.run("--inputs", List.of("a=5,b=1,@m[0]=2".getBytes(StandardCharsets.UTF_8), "a=0x0f,b=0b1,@m[0]=3".getBytes(StandardCharsets.UTF_8),
                        "a=-8,b=-1,@m[0]=1".getBytes(StandardCharsets.UTF_8)),
                1000, 6, "=,@[]0123456789abxm -", Duration.ofSeconds(20),
                b -> InputSpec.parse(new String(b, StandardCharsets.ISO_8859_1), ports));
    }

    @Test
    void theHarnessCatchesABrokenReaderAndShrinksItsInput() {
        byte[] seed = "name x\nvalue 12\nmore text to be removed\n".getBytes(StandardCharsets.UTF_8);
        Fuzz.Reader broken = b -> {
            if (new String(b, StandardCharsets.ISO_8859_1).contains("9")) throw new IllegalStateException("a nine");
        };
        AssertionError e = assertThrows(AssertionError.class,
                () -> Fuzz.run("broken.txt", List.of(seed), 500, 1, "9", Duration.ofSeconds(20), broken));
        assertTrue(e.getMessage().contains("threw java.lang.IllegalStateException: a nine"), e.getMessage());
        assertTrue(e.getMessage().endsWith("---\n9"), "shrunk to the one byte that matters: " + e.getMessage());

        Fuzz.Reader hangs = b -> { if (b.length < 10) while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait(); };
        assertEquals("no answer within 1 s", Fuzz.check("h.txt", hangs, new byte[3], Duration.ofSeconds(1)));
        Fuzz.Reader twoLines = b -> { throw new kautz.diag.UserError("h.txt: first\nsecond"); };
        assertTrue(Fuzz.check("h.txt", twoLines, new byte[3], Duration.ofSeconds(5)).startsWith("message is not one line"));
    }
}
