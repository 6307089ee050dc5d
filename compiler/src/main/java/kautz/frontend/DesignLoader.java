package kautz.frontend;

import kautz.diag.Stage;
import kautz.diag.UserError;
import kautz.load.Design;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads any file the tool accepts, choosing the reader by extension. Each format's line delegates to
 * the reader that owns it. The kernel name picks a .kz file's kernel and a Verilog file's top module.
 */
public final class DesignLoader {
    private DesignLoader() {}

    /** @param kernel the kernel of a .kz file or the top module of a Verilog file, or null for the only/first one */
    public static Design load(Path file, String kernel) {
        if (Files.isDirectory(file)) throw new UserError(file + ": is a directory, not a file");
        if (!Files.exists(file)) throw new UserError(file + ": no such file");
        kautz.diag.Activity.stage("reading " + file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return Stage.run("reading " + file, () -> switch (ext) {
            case "kz" -> kautz.lang.KautzCompiler.load(file, kernel);
            case "aig", "aag" -> kautz.netlist.AigerReader.readDesign(file);
            case "blif" -> kautz.netlist.BlifReader.read(file);
            case "bench" -> kautz.netlist.BenchReader.read(file);
            case "v", "sv" -> verilog(file, kernel);
            default -> throw new UserError(file + ": unknown file type '." + ext
                    + "' (expected .kz, .aig, .aag, .blif, .bench, .v or .sv)");
        });
    }

    /**
     * Structural Verilog is read directly; a file with behavioural constructs (always blocks, arithmetic,
     * several modules, ...) is synthesised with Yosys first. {@code top} picks the module.
     */
    private static Design verilog(Path file, String top) {
        try {
            return kautz.netlist.VerilogReader.read(file.toString(), kautz.netlist.NetlistFiles.readText(file), top);
        } catch (kautz.netlist.VerilogReader.Behavioural behavioural) {
            return kautz.netlist.Yosys.synthesise(file, top, behavioural.getMessage());
        }
    }
}
