package kautz.util;

import kautz.diag.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class AtomicFilesTest {
    @Test
    void aWriteThatFailsHalfwayLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.kasm");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of a program\n".getBytes());
            out.flush();
            throw new IllegalStateException("interrupted");
        }));
        assertFalse(Files.exists(target));
        try (Stream<Path> s = Files.list(dir)) { assertEquals(0, s.count(), "no temporary file is left behind"); }
    }

    @Test
    void aFailedWriteKeepsThePreviousContent(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.kasm");
        AtomicFiles.writeString(target, "old\n");
        UserError e = assertThrows(UserError.class, () -> AtomicFiles.write(target, out -> {
            out.write("new, but only partly".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals(target + ": cannot write: disk full", e.getMessage());
        assertEquals("old\n", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) { assertEquals(1, s.count()); }
    }

    @Test
    void anUnwritableDirectoryIsAUserError(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        UserError e = assertThrows(UserError.class, () -> AtomicFiles.writeString(blocker.resolve("out.aig"), "x"));
        assertTrue(e.getMessage().startsWith(blocker.resolve("out.aig") + ": cannot write"), e.getMessage());
    }
}
