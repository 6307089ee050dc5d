package kautz.target;

import kautz.util.Fuzz;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Gate-family files (--target FILE), damaged at random, keep the error contract. */
class FamilyFileFuzzTest {
    @Test
    void mutatedFamilyFilesGiveOnlyOneLineUserErrors() {
        Fuzz.run("fuzz.family", List.of(FamiliesTest.MAGIC3.getBytes(StandardCharsets.UTF_8)), 1500, 3, Fuzz.SYNTAX + "gatenormin-",
                Duration.ofSeconds(20), b -> FamilyFile.parse("fuzz.family", new String(b, StandardCharsets.ISO_8859_1)));
    }
}
