package kautz.diag;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StageTest {
    private static final long MB = 1L << 20, GB = 1L << 30;

    @Test
    void anOutOfMemoryErrorIsAttributedToTheInnermostStage() {
        Stage.takeOutOfMemory();
        assertThrows(OutOfMemoryError.class, () -> Stage.run("optimising", () -> Stage.run("mapping to imply", () -> {
            throw new OutOfMemoryError("Java heap space");
        })));
        assertNull(Stage.current());
        assertEquals("mapping to imply", Stage.takeOutOfMemory());
        assertNull(Stage.takeOutOfMemory());
    }

    @Test
    void theMessageNamesTheStageAndTheHeapToTry() {
        assertEquals("out of memory while optimising (Java heap 4 GB); try KAUTZ_JAVA_OPTS=-Xmx8g",
                Stage.outOfMemoryMessage("optimising", 4 * GB, 24 * GB));
        assertEquals("out of memory while scheduling (Java heap 12 GB); try KAUTZ_JAVA_OPTS=-Xmx19g (this machine has 24 GB)",
                Stage.outOfMemoryMessage("scheduling", 12 * GB, 24 * GB));
        assertEquals("out of memory while reading x.aig (Java heap 20 GB); this machine's 24 GB are not enough for this design",
                Stage.outOfMemoryMessage("reading x.aig", 20 * GB, 24 * GB));
        assertEquals("out of memory (Java heap 64 MB); try KAUTZ_JAVA_OPTS=-Xmx128m", Stage.outOfMemoryMessage(null, 64 * MB, 0));
    }
}
