package kautz.isa;

import kautz.diag.UserError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The .kasm assembler on damaged input: random mutations and truncations of real programs (hand-written ones
 * covering every opcode and random programs rendered by the disassembler) either assemble or fail with a
 * one-line {@link UserError} naming the file; never another exception or a hang.
 */
@Tag("slow")
class AssemblerFuzzTest {
    private static final String ALL_OPS = """
            # every opcode once
            .kernel all
            .target magic
            .rowsize 16
            .init single
            .input a[0] 0
            .input a[1] 1
            .output y[0] 5
            .output y[1] 6
            init1 2, 3
            init0 4
            nor 2, 0, 1
            nand 3, 0, 1   // comment
            or 4, 0, 1
            and 5, 2, 3, 4
            imp 0, 6
            false 7
            min3 8, 0, 1, 2
            prog 9, 3
            sense 10, 11, 9
            """;

    @Test
    void mutatedProgramsGiveOnlyOneLineUserErrors() {
        List<String> seeds = new ArrayList<>(List.of(ALL_OPS));
        for (long s = 1; s <= 3; s++) seeds.add(Disassembler.toKasm(RandomPrograms.generate(s, 4, 3, 40, 24)));
        for (String s : seeds) Assembler.parse(s, "seed.kasm"); // the seeds are valid
        Random rnd = new Random(77);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String seed : seeds) {
                byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < 1500; k++) {
                    String text = new String(mutate(bytes, rnd), StandardCharsets.ISO_8859_1);
                    try {
                        Assembler.parse(text, "fuzz.kasm");
                    } catch (UserError e) {
                        assertTrue(e.getMessage().startsWith("fuzz.kasm"), "names the file: " + e.getMessage());
                        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        fail("mutation " + k + " threw " + e + "\n--- input ---\n" + text, e);
                    }
                }
            }
        });
    }

    private static final String SYNTAX = " \n\t,.#/-0123456789[]xabcdeinorpt";

    private static byte[] mutate(byte[] in, Random rnd) {
        byte[] b = in.clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = rnd.nextInt(b.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (rnd.nextInt(6)) {
                case 0 -> out.write(b, 0, at);
                case 1 -> { b[at] = (byte) rnd.nextInt(256); out.write(b, 0, b.length); }
                case 2 -> { b[at] = (byte) SYNTAX.charAt(rnd.nextInt(SYNTAX.length())); out.write(b, 0, b.length); }
                case 3 -> { int len = Math.min(b.length - at, 1 + rnd.nextInt(20)); out.write(b, 0, at); out.write(b, at + len, b.length - at - len); }
                case 4 -> { out.write(b, 0, at); for (int k = rnd.nextInt(14); k >= 0; k--) out.write('9'); out.write(b, at, b.length - at); }
                default -> { int len = Math.min(b.length - at, 1 + rnd.nextInt(40)); out.write(b, 0, at + len); out.write(b, at, b.length - at); }
            }
            b = out.toByteArray();
        }
        return b;
    }
}
