package kautz.lang.check;

import kautz.diag.UserError;
import kautz.lang.ast.ConstDecl;
import kautz.lang.ast.FnDecl;
import kautz.lang.ast.Import;
import kautz.lang.ast.Item;
import kautz.lang.ast.KernelDecl;
import kautz.lang.ast.MemDecl;
import kautz.lang.ast.SourceModule;
import kautz.lang.ast.Pos;
import kautz.lang.ast.SourceText;
import kautz.lang.parse.Parser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a main module and loads its imports. {@code import std.arith;} reads the class-path resource
 * {@code std/arith.kz} (the shipped stdlib), or else {@code std/arith.kz} beside the importing file.
 * Each module is loaded once; import cycles are harmless because imports are not transitive.
 */
public final class ModuleLoader {
    /** A bound on loaded modules so that a runaway chain of imports stops with a message. */
    public static final int MAX_MODULES = 256;

    private final Path baseDir;
    private final Map<String, SourceModule> byPath = new HashMap<>();
    private final Map<SourceModule, ModuleScope> scopes = new IdentityHashMap<>();
    private final java.util.List<SourceModule> order = new java.util.ArrayList<>();

    private ModuleLoader(Path baseDir) { this.baseDir = baseDir; }

    /** @param baseDir directory of the main file for local imports, or null */
    public static Program load(SourceText main, Path baseDir) {
        ModuleLoader loader = new ModuleLoader(baseDir);
        SourceModule m = Parser.parse(main);
        loader.resolve(m);
        return new Program(m, loader.scopes, loader.order);
    }

    private void resolve(SourceModule m) {
        if (scopes.containsKey(m)) return;
        scopes.put(m, null); // mark as in progress
        order.add(m);
        Map<String, Owned<ConstDecl>> consts = new LinkedHashMap<>();
        Map<String, Owned<FnDecl>> fns = new LinkedHashMap<>();
        Map<String, MemDecl> mems = new LinkedHashMap<>();
        Map<String, Pos> declared = new HashMap<>();
        for (Item it : m.items()) {
            if (it instanceof ConstDecl c) {
                declare(declared, c.name(), c.pos());
                consts.put(c.name(), new Owned<>(c, m));
            } else if (it instanceof FnDecl f) {
                if (Builtin.named(f.name()).isPresent()) {
                    throw f.pos().error("'" + f.name() + "' is a built-in gate and cannot be redefined");
                }
                declare(declared, f.name(), f.pos());
                fns.put(f.name(), new Owned<>(f, m));
            } else if (it instanceof MemDecl d) {
                declare(declared, d.name(), d.pos());
                mems.put(d.name(), d);
            } else if (it instanceof KernelDecl k) {
                declare(declared, "kernel " + k.name(), k.pos());
            }
        }
        java.util.Set<String> local = new java.util.HashSet<>(declared.keySet());
        for (Import imp : m.imports()) {
            SourceModule dep = load(imp, m);
            resolve(dep);
            for (ConstDecl c : dep.consts()) importName(declared, local, c.name(), imp, consts, new Owned<>(c, dep));
            for (FnDecl f : dep.fns()) importName(declared, local, f.name(), imp, fns, new Owned<>(f, dep));
        }
        scopes.put(m, new ModuleScope(m, consts, fns, mems));
    }

    private static void declare(Map<String, Pos> declared, String name, Pos pos) {
        Pos before = declared.putIfAbsent(name, pos);
        if (before != null) {
            throw pos.error("'" + name.replace("kernel ", "") + "' is already declared at line " + before.line());
        }
    }

    /** A local declaration shadows an imported one; two imports bringing one name are an error. */
    private static <T> void importName(Map<String, Pos> declared, java.util.Set<String> local, String name, Import imp,
                                       Map<String, T> into, T value) {
        if (local.contains(name)) return;
        Pos before = declared.putIfAbsent(name, imp.pos());
        if (before != null) {
            throw imp.pos().error("import " + imp.dotted() + " brings '" + name + "', which an import at line " + before.line() + " brings too");
        }
        into.put(name, value);
    }

    private SourceModule load(Import imp, SourceModule from) {
        String rel = String.join("/", imp.path()) + ".kz";
        SourceModule cached = byPath.get(rel);
        if (cached != null) return cached;
        if (byPath.size() >= MAX_MODULES) throw imp.pos().error("more than " + MAX_MODULES + " modules imported");
        SourceText text = readResource(rel);
        if (text == null && baseDir != null) {
            Path local = baseDir.resolve(rel);
            if (Files.isRegularFile(local)) {
                text = new SourceText(local.toString(), kautz.util.InputFiles.readUtf8(local));
            }
        }
        if (text == null) {
            throw imp.pos().error("unknown module '" + imp.dotted() + "' (no stdlib module " + rel
                    + (baseDir != null ? ", nor a file " + rel + " beside this one" : "") + ")");
        }
        SourceModule m = Parser.parse(text);
        byPath.put(rel, m);
        return m;
    }

    private static SourceText readResource(String rel) {
        try (InputStream in = ModuleLoader.class.getClassLoader().getResourceAsStream(rel)) {
            if (in == null) return null;
            return new SourceText(rel, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(rel + ": cannot read the stdlib module: " + e.getMessage());
        }
    }
}
