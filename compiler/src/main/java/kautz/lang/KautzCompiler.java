package kautz.lang;

import com.google.common.collect.ImmutableList;
import kautz.diag.UserError;
import kautz.lang.ast.KernelDecl;
import kautz.load.Design;
import kautz.lang.ast.SourceText;
import kautz.lang.check.Checker;
import kautz.lang.check.ModuleLoader;
import kautz.lang.check.Program;
import kautz.lang.elab.CompiledKernel;
import kautz.lang.elab.MemCell;
import kautz.lang.elab.Elaborator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The front end in one call: parse, load imports, check, and elaborate every kernel into a network. */
public final class KautzCompiler {
    private KautzCompiler() {}

    public static SourceUnit compile(Path file) {
        String text = kautz.util.InputFiles.readUtf8(file);
        Path dir = file.toAbsolutePath().getParent();
        return compile(new SourceText(file.toString(), text), dir);
    }

    /** Compiles source text; local imports are looked up in {@code baseDir} (may be null). */
    public static SourceUnit compile(SourceText source, Path baseDir) {
        Program program = check(source, baseDir);
        Elaborator elaborator = new Elaborator(program);
        ImmutableList.Builder<CompiledKernel> kernels = ImmutableList.builder();
        for (KernelDecl k : program.main().kernels()) kernels.add(elaborator.kernel(k));
        return new SourceUnit(source.name(), kernels.build(), elaborator.mems());
    }

    /** Parses, loads imports and checks names, without elaborating (for the interpreter and tools). */
    public static Program check(SourceText source, Path baseDir) {
        Program program = ModuleLoader.load(source, baseDir);
        Checker.check(program);
        return program;
    }

    /** The selected kernel of a .kz file as a {@link Design} (for {@code DesignLoader}). */
    public static Design load(Path file, String kernel) {
        CompiledKernel k = compile(file).kernel(kernel);
        java.util.Map<String, Integer> levels = new java.util.TreeMap<>();
        for (MemCell c : k.memReads()) levels.put(c.portName(), c.levels());
        return new Design(k.name(), k.network(), java.util.Optional.empty(), com.google.common.collect.ImmutableSortedMap.of(),
                com.google.common.collect.ImmutableSortedMap.copyOf(levels));
    }

    public static SourceUnit compile(String name, String text) { return compile(new SourceText(name, text), null); }

    /** The selected kernel of source text (named {@code <source>} in messages) as a {@link Design}. */
    public static Design load(String text, String kernel) {
        CompiledKernel k = compile("<source>", text).kernel(kernel);
        return Design.ofNetwork(k.name(), k.network());
    }
}
