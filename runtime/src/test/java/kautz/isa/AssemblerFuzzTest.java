package kautz.isa;

import kautz.util.Fuzz;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        List<byte[]> seeds = new ArrayList<>(List.of(ALL_OPS.getBytes(StandardCharsets.UTF_8)));
        for (long s = 1; s <= 3; s++) seeds.add(Disassembler.toKasm(RandomPrograms.generate(s, 4, 3, 40, 24)).getBytes(StandardCharsets.UTF_8));
        Fuzz.run("fuzz.kasm", seeds, 1500, 77, " \n\t,.#/-0123456789[]xabcdeinorpt|", Duration.ofSeconds(20),
                b -> Assembler.parse(new String(b, StandardCharsets.ISO_8859_1), "fuzz.kasm"));
    }
}
