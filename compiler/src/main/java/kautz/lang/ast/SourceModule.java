package kautz.lang.ast;

import java.util.List;

/** One parsed source file: its items in source order. */
public record SourceModule(SourceText source, List<Item> items) {
    public SourceModule { items = List.copyOf(items); }

    public List<Import> imports() { return only(Import.class); }
    public List<ConstDecl> consts() { return only(ConstDecl.class); }
    public List<MemDecl> mems() { return only(MemDecl.class); }
    public List<FnDecl> fns() { return only(FnDecl.class); }
    public List<KernelDecl> kernels() { return only(KernelDecl.class); }

    private <T extends Item> List<T> only(Class<T> kind) {
        return items.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
