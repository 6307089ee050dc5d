package kautz.frontend;

import kautz.diag.UserError;
import kautz.load.Design;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads any file the tool accepts, choosing the reader by extension. Each format's line delegates to
 * the reader that owns it.
 */
public final class DesignLoader {
    private DesignLoader() {}

    /** @param kernel the kernel to select in a .kz file, or null for the only/first one */
    public static Design load(Path file, String kernel) {
        if (!Files.isRegularFile(file)) throw new UserError(file + ": no such file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (ext) {
            case "kz" -> kautz.lang.KautzCompiler.load(file, kernel);
            case "aig", "aag" -> kautz.netlist.AigerReader.readDesign(file);
            case "blif" -> kautz.netlist.BlifReader.read(file);
            case "bench" -> kautz.netlist.BenchReader.read(file);
            case "v" -> kautz.netlist.VerilogReader.read(file);
            default -> throw new UserError(file + ": unknown file type '." + ext
                    + "' (expected .kz, .aig, .aag, .blif, .bench or .v)");
        };
    }
}
