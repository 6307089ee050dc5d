package kautz.netlist;

import kautz.diag.UserError;
import kautz.network.Aig;
import kautz.util.AtomicFiles;

import java.nio.file.Path;
import java.util.Locale;

/** Writes a network in the format its file extension names, atomically (never a half-written file). */
public final class NetlistWriters {
    private NetlistWriters() {}

    public static final String EXTENSIONS = ".aig, .aag, .blif or .v";

    public static void write(Path target, Aig aig, String name) {
        String file = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "";
        AtomicFiles.Writer writer = switch (ext) {
            case "aig" -> out -> AigerWriter.writeBinary(aig, out);
            case "aag" -> out -> AigerWriter.writeAscii(aig, out);
            case "blif" -> out -> BlifWriter.write(aig, name, out);
            case "v" -> out -> VerilogWriter.write(aig, name, out);
            default -> throw new UserError(target + ": cannot write '." + ext + "' files (expected " + EXTENSIONS + ")");
        };
        AtomicFiles.write(target, writer);
    }
}
