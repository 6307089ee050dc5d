package kautz.util;

import kautz.diag.UserError;
import kautz.diag.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
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

    @Test
    void aNewFileGetsTheUmasksModeAndAnExistingFileKeepsItsMode(@TempDir Path dir) throws IOException {
        // the mode of a file created the ordinary way is the umask's: the written file must match it, not 0600
        Path ordinary = Files.writeString(dir.resolve("ordinary"), "x");
        Path target = dir.resolve("new.kasm");
        AtomicFiles.writeString(target, "new\n");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));

        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(target, "again\n");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("again\n", Files.readString(target));
    }

    @Test
    void aSymbolicLinkIsFollowedAndADanglingOneRefused(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(dir.resolve("real.kasm"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.kasm"), real.getFileName());
        AtomicFiles.writeString(link, "new\n");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("new\n", Files.readString(real));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.kasm"), Path.of("missing.kasm"));
        UserError e = assertThrows(UserError.class, () -> AtomicFiles.writeString(dangling, "x"));
        assertEquals(dangling + ": is a symbolic link to a missing file (missing.kasm); not following it", e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing.kasm")));
    }

    @Test
    void leftoversOfKilledWritesAreRemovedAndNamed(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.kasm");
        // a PID that is not running (beyond any pid_max) and the old random-number form
        Path dead = Files.writeString(dir.resolve(".out.kasm.9999999999-1.tmp"), "half");
        Path old = Files.writeString(dir.resolve(".out.kasm.8123456789012345.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".out.kasm." + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L) + "-1.tmp"), "busy");
        Path other = Files.writeString(dir.resolve(".other.kasm.9999999999-1.tmp"), "not ours");
        String warnings = withWarnings(() -> AtomicFiles.writeString(target, "x\n"));
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(live), "a write of a running process is left alone");
        assertTrue(Files.exists(other), "only this target's leftovers are touched");
        assertTrue(warnings.contains("kautz: warning: " + target + ": removed " + dead.toAbsolutePath() + ", left by an interrupted earlier write"), warnings);
        assertTrue(warnings.contains("removed " + old.toAbsolutePath()), warnings);
    }

    @Test
    void anInputOfTheCommandIsNeverWrittenOver(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("x.kz"), "kernel k() -> (s: u<1>) { s = 1; }\n");
        InputFiles.reset();
        InputFiles.readUtf8(source);
        try {
            UserError e = assertThrows(UserError.class, () -> AtomicFiles.writeString(dir.resolve(".").resolve("x.kz"), "program"));
            assertTrue(e.getMessage().endsWith("x.kz: is an input of this command; refusing to write over it (choose another output name)"), e.getMessage());
            assertEquals("kernel k() -> (s: u<1>) { s = 1; }\n", Files.readString(source));
        } finally {
            InputFiles.reset();
        }
        AtomicFiles.writeString(source, "replaced\n"); // another command may
        assertEquals("replaced\n", Files.readString(source));
    }

    @Test
    void anExtensionThatNamesAnotherFormatIsWarnedAbout(@TempDir Path dir) {
        String w = withWarnings(() -> AtomicFiles.writeString(dir.resolve("add.v"), "kasm program text", Set.of("kasm"), "x"));
        assertEquals("kautz: warning: " + dir.resolve("add.v") + ": writing kasm program text, but the name ends in '.v' (expected .kasm)\n", w);
        assertEquals("", withWarnings(() -> AtomicFiles.writeString(dir.resolve("add.kasm"), "kasm program text", Set.of("kasm"), "x")));
    }

    @Test
    void aDirectoryAsTargetAndAFileAsParentAreNamed(@TempDir Path dir) throws IOException {
        UserError d = assertThrows(UserError.class, () -> AtomicFiles.writeString(dir, "x"));
        assertEquals(dir + ": is a directory; give a file name", d.getMessage());
        Path file = Files.writeString(dir.resolve("file"), "x");
        UserError p = assertThrows(UserError.class, () -> AtomicFiles.writeString(file.resolve("sub").resolve("out.aig"), "x"));
        assertEquals(file.resolve("sub").resolve("out.aig") + ": cannot write: " + file + " is a file, not a directory", p.getMessage());
    }

    @Test
    void aReadOnlyDirectorySaysPermissionDeniedNotTheTemporaryName(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "skipped: running as root, which may write into a read-only directory");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            UserError e = assertThrows(UserError.class, () -> AtomicFiles.writeString(ro.resolve("out.kasm"), "x"));
            assertEquals(ro.resolve("out.kasm") + ": cannot write: permission denied in directory " + ro.toAbsolutePath(), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String withWarnings(Runnable r) {
        StringWriter w = new StringWriter();
        PrintWriter previous = Warnings.install(new PrintWriter(w));
        try {
            r.run();
        } finally {
            Warnings.restore(previous);
        }
        return w.toString();
    }
}
