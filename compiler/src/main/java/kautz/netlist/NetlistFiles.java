package kautz.netlist;

import kautz.util.InputFiles;

import java.nio.file.Path;

/** File access shared by the readers: every I/O failure becomes a {@link kautz.diag.UserError} naming the file. */
public final class NetlistFiles {
    private NetlistFiles() {}

    /** Reads a text netlist; ISO-8859-1 maps every byte to a character, so no byte is an encoding error. */
    public static String readText(Path path) {
        return InputFiles.readLatin1(path);
    }

    static byte[] readBytes(Path path) {
        return InputFiles.readBytes(path);
    }

    /** The file name without directories and extension: a design name when the file gives none. */
    static String stem(String file) {
        String n = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
