package kautz.util;

import kautz.diag.UserError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every input file of a command is read through here, so that failures read the same everywhere (no such
 * file, a directory, permission denied, not UTF-8 at byte N) and so that {@link AtomicFiles} can refuse to
 * write over a file the same command read: {@code compile x.kz -o x.kz} would otherwise replace the source.
 */
public final class InputFiles {
    private static final Set<Path> READ = ConcurrentHashMap.newKeySet();

    private InputFiles() {}

    /** Forgets the inputs of the previous command (the CLI calls this as each command starts). */
    public static void reset() { READ.clear(); }

    /** Whether {@code p} is (the same file as) one that this command read as input. */
    public static boolean isInput(Path p) {
        if (READ.isEmpty()) return false;
        Path key = key(p);
        return key != null && READ.contains(key);
    }

    /** The bytes of an input file. */
    public static byte[] readBytes(Path path) {
        byte[] bytes = readUnrecorded(path);
        Path key = key(path);
        if (key != null) READ.add(key);
        return bytes;
    }

    /** An input file as UTF-8 text, without a leading byte-order mark. */
    public static String readUtf8(Path path) {
        return decodeUtf8(path, readBytes(path));
    }

    /** Text every byte of which is a character (netlists are ASCII; no byte is an encoding error). */
    public static String readLatin1(Path path) {
        return new String(readBytes(path), StandardCharsets.ISO_8859_1);
    }

    /**
     * A command's own earlier output read back (a sweep's results file on --resume), as UTF-8: checked as
     * an input is, but the command may write it again.
     */
    public static String readOwnOutput(Path path) {
        return decodeUtf8(path, readUnrecorded(path));
    }

    /** Strict UTF-8; the error names the offset of the first bad byte. A leading byte-order mark is dropped. */
    public static String decodeUtf8(Object where, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = d.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(where + ": not UTF-8 text (invalid byte 0x"
                    + String.format("%02x", firstInvalid(bytes) < bytes.length ? bytes[firstInvalid(bytes)] & 0xff : 0)
                    + " at byte offset " + firstInvalid(bytes) + ")");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int firstInvalid(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        d.decode(in, out, true);
        return in.position();
    }

    private static byte[] readUnrecorded(Path path) {
        if (Files.isDirectory(path)) throw new UserError(path + ": is a directory, not a file");
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserError(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new UserError(path + ": cannot read: permission denied");
        } catch (IOException e) {
            throw new UserError(path + ": cannot read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new UserError(path + ": too large to read into memory");
        }
    }

    private static Path key(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
