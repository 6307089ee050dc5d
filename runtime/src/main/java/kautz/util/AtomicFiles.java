package kautz.util;

import kautz.diag.UserError;
import kautz.diag.Warnings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every output file is written through here: to a temporary file beside the target, then renamed over
 * it, so an interrupted or failed run never leaves a half-written file.
 *
 * <ul>
 *   <li>A file the same command read ({@link InputFiles}) is never written over.</li>
 *   <li>A new file gets the mode the umask gives (the temporary file is created as any file is); a file
 *       written over keeps its mode.</li>
 *   <li>A symbolic link is followed: the file it points to is replaced and the link stays. A link to a
 *       missing file is refused.</li>
 *   <li>The temporary file is {@code .NAME.PID-N.tmp}; one left by a killed process (its PID no longer
 *       running) is removed by the next write of the same target, with a warning naming it.</li>
 * </ul>
 */
public final class AtomicFiles {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private AtomicFiles() {}

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) {
        write(target, null, writer);
    }

    private static void write(Path target, String warning, Writer writer) {
        Path abs = destination(target);
        if (warning != null) Warnings.warn(warning);
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            ensureDirectory(target, dir);
            removeLeftovers(target, abs);
            tmp = dir.resolve("." + abs.getFileName() + "." + PID + "-" + COUNTER.incrementAndGet() + ".tmp");
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                writer.write(out);
            }
            keepMode(abs, tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new UserError(target + ": cannot write: permission denied in directory " + dir);
        } catch (IOException e) {
            throw new UserError(target + ": cannot write: " + reason(e));
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    /**
     * As {@link #write(Path, Writer)}, warning when the target's extension is none of {@code extensions}
     * (lower case, without the dot): {@code format} names what is written.
     */
    public static void write(Path target, String format, Set<String> extensions, Writer writer) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String warning = extensions.contains(ext) ? null : target + ": writing " + format + ", but the name ends in "
                + (ext.isEmpty() ? "no extension" : "'." + ext + "'") + " (expected ." + String.join(" or .", extensions.stream().sorted().toList()) + ")";
        write(target, warning, writer);
    }

    public static void writeString(Path target, String content) {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    public static void writeString(Path target, String format, Set<String> extensions, String content) {
        write(target, format, extensions, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** The file actually replaced: the target, or what a symbolic link at the target points to. */
    private static Path destination(Path target) {
        Path abs = target.toAbsolutePath();
        if (InputFiles.isInput(abs)) {
            throw new UserError(target + ": is an input of this command; refusing to write over it (choose another output name)");
        }
        if (Files.isDirectory(abs)) throw new UserError(target + ": is a directory; give a file name");
        if (Files.isSymbolicLink(abs)) {
            try {
                return abs.toRealPath();
            } catch (IOException e) {
                String to;
                try { to = String.valueOf(Files.readSymbolicLink(abs)); } catch (IOException ex) { to = "?"; }
                throw new UserError(target + ": is a symbolic link to a missing file (" + to + "); not following it");
            }
        }
        return abs;
    }

    private static void ensureDirectory(Path target, Path dir) throws IOException {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d) && !Files.isDirectory(d)) {
                throw new UserError(target + ": cannot write: " + d + " is a file, not a directory");
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new UserError(target + ": cannot write: cannot create directory " + e.getFile() + " (permission denied)");
        }
    }

    /** Temporary files of earlier writes of this target whose process has ended. */
    private static void removeLeftovers(Path target, Path abs) {
        String prefix = "." + abs.getFileName() + ".";
        try (DirectoryStream<Path> s = Files.newDirectoryStream(abs.getParent(), glob(prefix) + "*.tmp")) {
            for (Path p : s) {
                String mid = p.getFileName().toString();
                mid = mid.substring(prefix.length(), mid.length() - ".tmp".length());
                if (running(mid) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                try {
                    Files.delete(p);
                    Warnings.warn(target + ": removed " + p + ", left by an interrupted earlier write");
                } catch (IOException e) {
                    Warnings.warn(target + ": cannot remove " + p + ", left by an interrupted earlier write: " + reason(e));
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // listing is a courtesy; the write itself reports real problems
        }
    }

    /** Whether the process that named a temporary file {@code PID-N} (or {@code PID}) is still running. */
    private static boolean running(String mid) {
        int dash = mid.indexOf('-');
        String pid = dash < 0 ? mid : mid.substring(0, dash);
        if (pid.isEmpty() || pid.length() > 18 || !pid.chars().allMatch(Character::isDigit)) return true; // not ours: leave it
        long id = Long.parseLong(pid);
        if (id == PID) return dash >= 0; // this process's own write in progress on another thread
        return ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String glob(String literal) {
        StringBuilder sb = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static void keepMode(Path abs, Path tmp) throws IOException {
        if (!Files.exists(abs)) return;
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(abs);
            Files.setPosixFilePermissions(tmp, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to keep
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT) + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        return String.valueOf(e.getMessage());
    }
}
